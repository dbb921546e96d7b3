-- The change log the index of resolved tickets (日常问题查询库) follows, as knowledge_change is the articles': a row for
-- every resolution, closing and reopening of a ticket, written by the listener of the service desk's events in the
-- transaction that completes the event's publication (an event not completed is delivered again at start). Numbers
-- come from the counter row, locked until the writing transaction commits, so that they become visible in order and
-- without gaps. Tickets are the ticket module's and referenced by id only.
create table knowledge_ticket_change_counter (
    id    int    primary key check (id = 1),
    last  bigint not null,
    epoch text   not null default gen_random_uuid()::text
);
insert into knowledge_ticket_change_counter (id, last) values (1, 0);

create table knowledge_ticket_change (
    seq        bigint      primary key,
    ticket_id  bigint      not null,
    changed_at timestamptz not null default now()
);
