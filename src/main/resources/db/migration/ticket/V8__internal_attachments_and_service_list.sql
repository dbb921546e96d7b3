-- Internal attachments (内部附件): files an agent keeps for the provider's side only (logs, configurations, screenshots
-- of other customers' systems). They are never listed or handed out to the ticket's customer.
alter table ticket_attachment add column internal boolean not null default false;

-- The list by service or by catalogue category (service_id = any(the category's services)), newest first. Without
-- it such a list reads the newest tickets of all services until a page is full: at once for a busy service, the whole
-- table for one with few or no tickets (TicketBenchmark: "category without tickets").
create index ticket_service_created_idx on ticket (service_id, created_at desc, id desc);
