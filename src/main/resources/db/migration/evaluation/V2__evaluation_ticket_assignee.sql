-- The statistics by assignee (ticket module) count each rating for the rated ticket's assignee. The ratings are this
-- module's, so it answers that question (org.yunwei.ticket.AssigneeRatings) from its own record of the tickets, which
-- now keeps the assignee the lifecycle events carry; null when nobody is assigned.
alter table evaluation_ticket add column assignee_user_id bigint;

-- Backfill, once, as V1 did and for the same reason: this migration is the one place evaluation reads the ticket
-- table, while both are at hand (the ticket module's migrations have run before this module's). From now on the
-- listeners keep the column.
update evaluation_ticket e set assignee_user_id = t.assignee_user_id from ticket t where t.id = e.ticket_id;

