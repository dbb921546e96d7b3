-- The generation of the live relations: a number that changes whenever any statement writes ci_relation (the
-- application's writes, the dataset generator's COPY, a hand-written fix), so that each node's in-memory graph of the
-- relations (RelationGraph) knows, with one indexed read per walk, whether it still matches the database. The new
-- number is drawn from a sequence, never reused even when the writing transaction rolls back, so that a graph read
-- inside a transaction that was then rolled back is never taken for a committed state. Others see the new number
-- when the writer commits, not before: the row is the truth, the sequence only makes numbers unique.
create sequence ci_relation_generation_seq;

create table ci_relation_generation (
    id         smallint primary key check (id = 1),
    generation bigint not null
);
insert into ci_relation_generation (id, generation) values (1, nextval('ci_relation_generation_seq'));

create function ci_relation_generation_bump() returns trigger language plpgsql as $$
begin
    update ci_relation_generation set generation = nextval('ci_relation_generation_seq') where id = 1;
    return null;
end $$;

create trigger ci_relation_generation_bump after insert or update or delete on ci_relation
    for each statement execute function ci_relation_generation_bump();
create trigger ci_relation_generation_truncate after truncate on ci_relation
    for each statement execute function ci_relation_generation_bump();
