-- A shared saved filter (共享队列) is offered to the people of its owner's party. The party is kept beside the owner
-- when the filter is saved, so that listing the queues reads no other module's table.
alter table ticket_saved_filter add column party_id bigint;
alter table ticket_saved_filter add column updated_at timestamptz not null default now();
create index ticket_saved_filter_shared_idx on ticket_saved_filter (party_id, lower(name)) where shared;
