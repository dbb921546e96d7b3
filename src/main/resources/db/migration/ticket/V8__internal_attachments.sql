-- Internal attachments (内部附件): files an agent keeps for the provider's side only (logs, configurations, screenshots
-- of other customers' systems). They are never listed or handed out to the ticket's customer.
alter table ticket_attachment add column internal boolean not null default false;
