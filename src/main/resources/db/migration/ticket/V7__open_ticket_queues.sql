-- Agent queues list open tickets by due time. The V1 queue indexes lead with (…, status): a query for the four open
-- statuses reads four index ranges that are each in due order but not together, so PostgreSQL sorts every open
-- ticket of the group (or of the whole provider) before it can return the first page. These partial indexes hold
-- only open tickets, in due order, so a first page reads about as many index entries as it returns, and they stay
-- small as closed tickets pile up. The list query names the statuses as literals so that the planner can use them.
create index ticket_open_group_due_idx on ticket (group_id, resolution_due_at, id)
    where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING');
create index ticket_open_provider_due_idx on ticket (provider_party_id, resolution_due_at, id)
    where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING');
create index ticket_open_due_idx on ticket (resolution_due_at, id)
    where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING');
-- a customer unit's open tickets by due time (the service desk looking at one bureau's backlog)
create index ticket_open_customer_due_idx on ticket (customer_org_unit_id, resolution_due_at, id)
    where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING');
