-- The generation of the classes and their attributes, as V8's of the relations: every statement that writes ci_class
-- or ci_attribute draws a new number (never reused, even on rollback), which others see when the writer commits. Each
-- node keeps the assembled classes (inherited attributes, the options of each enumeration) in memory while the number
-- stays the same, instead of reading and assembling them again on every request (CiClasses).
create sequence ci_class_generation_seq;

create table ci_class_generation (
    id         smallint primary key check (id = 1),
    generation bigint not null
);
insert into ci_class_generation (id, generation) values (1, nextval('ci_class_generation_seq'));

create function ci_class_generation_bump() returns trigger language plpgsql as $$
begin
    update ci_class_generation set generation = nextval('ci_class_generation_seq') where id = 1;
    return null;
end $$;

create trigger ci_class_generation_bump after insert or update or delete on ci_class
    for each statement execute function ci_class_generation_bump();
create trigger ci_class_generation_truncate after truncate on ci_class
    for each statement execute function ci_class_generation_bump();
create trigger ci_attribute_generation_bump after insert or update or delete on ci_attribute
    for each statement execute function ci_class_generation_bump();
create trigger ci_attribute_generation_truncate after truncate on ci_attribute
    for each statement execute function ci_class_generation_bump();
