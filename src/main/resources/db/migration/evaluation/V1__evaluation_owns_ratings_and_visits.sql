-- The evaluation module (满意度评价 and 回访, Hunan 4.2.4b, 6.1.1e, 6.1.2e) owns ticket_rating and
-- ticket_return_visit from now on. ticket/V2 created them while they belonged to the service desk; that migration
-- has run on users' databases and stays as it is, and no code of the ticket module reads or writes these tables any
-- more. Their foreign keys to ticket (id) stay: tickets are never deleted, and the keys cost nothing.
--
-- Evaluation does not read the ticket table. What it needs of a ticket that reached resolution (to list it for a
-- return visit, to place a rating or visit in a provider's and a customer's scope, to tell whether a follow-up is
-- done) it keeps in evaluation_ticket, written by its listeners on TicketResolved, TicketClosed and TicketReopened.

-- A ticket that was resolved at least once, as evaluation knows it.
create table evaluation_ticket (
    ticket_id            bigint      primary key,
    number               text        not null,
    type                 text        not null,
    -- RESOLVED and CLOSED tickets may be rated and visited; a REOPENED one is back at work until resolved again
    status               text        not null check (status in ('RESOLVED', 'CLOSED', 'REOPENED')),
    priority             text        not null,
    subject              text        not null,
    customer_org_unit_id bigint      not null,
    provider_party_id    bigint,
    group_id             bigint,
    reporter_name        text,
    reporter_contact     text,
    major                boolean     not null default false,
    -- the latest resolution; null while reopened
    resolved_at          timestamptz,
    closed_at            timestamptz,
    -- when the last event applied happened: an older event delivered late (or twice) changes nothing
    changed_at           timestamptz not null
);
-- the return-visit worklist: resolved and closed tickets, newest resolution first, for everyone or one provider
create index evaluation_ticket_finished_idx on evaluation_ticket (resolved_at desc, ticket_id desc)
    where status in ('RESOLVED', 'CLOSED');
create index evaluation_ticket_provider_finished_idx
    on evaluation_ticket (provider_party_id, resolved_at desc, ticket_id desc)
    where status in ('RESOLVED', 'CLOSED');
-- the return-visit report: tickets resolved in a period
create index evaluation_ticket_resolved_idx on evaluation_ticket (resolved_at);

-- the number of the follow-up a rating or visit opened, kept beside its id (it was read from the ticket table)
alter table ticket_rating add column follow_up_number text;
alter table ticket_return_visit add column follow_up_number text;
create index ticket_rating_follow_up_idx on ticket_rating (follow_up_ticket_id) where follow_up_ticket_id is not null;
create index ticket_return_visit_follow_up_idx on ticket_return_visit (follow_up_ticket_id)
    where follow_up_ticket_id is not null;

-- Backfill, once: the tickets resolved before this module kept its own record. This is the one place evaluation
-- reads the ticket table, while both are at hand in one migration: Modulith runs the ticket module's migrations
-- before this module's (evaluation depends on ticket), so the table is complete here. From now on the listeners
-- keep evaluation_ticket, and they are idempotent, so an event for a ticket copied here changes it only if newer.
insert into evaluation_ticket (ticket_id, number, type, status, priority, subject, customer_org_unit_id,
                               provider_party_id, group_id, reporter_name, reporter_contact, major, resolved_at,
                               closed_at, changed_at)
select t.id, t.number, t.type,
       case when t.status in ('RESOLVED', 'CLOSED') then t.status else 'REOPENED' end,
       t.priority, t.subject, t.customer_org_unit_id, t.provider_party_id, t.group_id, t.reporter_name,
       t.reporter_contact, t.major, t.resolved_at, t.closed_at, coalesce(t.closed_at, t.resolved_at, t.updated_at)
from ticket t
where t.status in ('RESOLVED', 'CLOSED')
   or exists (select 1 from ticket_rating r where r.ticket_id = t.id)
   or exists (select 1 from ticket_return_visit v where v.ticket_id = t.id);

update ticket_rating r set follow_up_number = f.number from ticket f where f.id = r.follow_up_ticket_id;
update ticket_return_visit v set follow_up_number = f.number from ticket f where f.id = v.follow_up_ticket_id;
