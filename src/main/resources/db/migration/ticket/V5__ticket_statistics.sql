-- Ticket statistics (事件统计信息, Hunan 7.2.1 c; 运维相关数据统计报告, Hunan 6.1.2 d). docs/ticket-statistics.md
-- defines the figures; TicketStatisticsBenchmark measures these indexes at 1,000,000 tickets.

-- The deadlines at which the SLA engine declared a ticket's clocks breached (SlaBreached), copied like the due times:
-- the ticket keeps no copy of its resolution due time once resolved, so attainment reads these instead. Written by
-- TicketStatisticsBreaches only, never by TicketRecords.
alter table ticket
    add column response_breached_at   timestamptz,
    add column resolution_breached_at timestamptz;

-- Volumes of tickets created in a period, every dimension read from the index alone.
create index ticket_stats_created_idx on ticket (created_at)
    include (provider_party_id, customer_org_unit_id, type, priority, channel, status, service_id, category);

-- Speed and attainment of tickets resolved in a period (the partial index of V1 covers only RESOLVED, not CLOSED).
create index ticket_stats_resolved_idx on ticket (resolved_at)
    include (provider_party_id, customer_org_unit_id, created_at, responded_at, agreement_id, response_breached_at,
             resolution_breached_at)
    where resolved_at is not null;

create index ticket_stats_closed_idx on ticket (closed_at)
    include (provider_party_id, customer_org_unit_id)
    where closed_at is not null;

-- The open backlog by age: a small part of all tickets, whatever their number.
create index ticket_stats_open_idx on ticket (created_at)
    include (provider_party_id, customer_org_unit_id, resolution_due_at)
    where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING');
