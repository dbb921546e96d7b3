-- Routing of new tickets (工单自动分派, issue 13): a provider's rules choose the assignment group of a ticket that
-- arrives without one. A provider's rules are tried by position; the first whose conditions all hold wins, else the
-- provider's default rule (the one without conditions). A condition left empty holds for every ticket.
-- Numbered 20 so that migrations of other work on the ticket module may take the numbers below it.
create table ticket_routing_rule (
    id                            bigint generated always as identity primary key,
    provider_party_id             bigint      not null,
    name                          text        not null,
    position                      integer     not null default 100,
    -- conditions; null holds for every ticket
    service_id                    bigint,
    category                      text,
    -- the unit or any unit below it
    customer_org_unit_id          bigint,
    channel                       text check (channel in ('PORTAL', 'PHONE', 'EMAIL', 'API', 'MONITORING')),
    priority                      text check (priority in ('P1', 'P2', 'P3', 'P4')),
    -- what the rule does
    group_id                      bigint      not null references ticket_group (id),
    assignment                    text        not null default 'GROUP'
        check (assignment in ('GROUP', 'ROUND_ROBIN', 'LEAST_LOADED')),
    -- nobody has taken the ticket when this share of its response target is used: its group lead and the
    -- provider's service desk managers are told; null for never
    unassigned_escalation_percent integer check (unassigned_escalation_percent between 1 and 99),
    enabled                       boolean     not null default true,
    created_at                    timestamptz not null default now(),
    updated_at                    timestamptz not null default now()
);
create index ticket_routing_rule_provider_idx on ticket_routing_rule (provider_party_id, position, id);
-- one default rule per provider
create unique index ticket_routing_rule_default_unique on ticket_routing_rule (provider_party_id)
    where service_id is null and category is null and customer_org_unit_id is null and channel is null
      and priority is null;

-- Round robin within a group: the member who got the group's last ticket.
create table ticket_routing_turn (
    group_id     bigint primary key references ticket_group (id) on delete cascade,
    last_user_id bigint not null
);

-- Tickets routed by a rule that escalates when nobody takes them: when to look, and whether that is done.
create table ticket_unassigned_watch (
    ticket_id   bigint primary key references ticket (id),
    percent     integer     not null,
    escalate_at timestamptz not null,
    -- escalated, or no longer needed (taken, closed) when the watch looked
    settled_at  timestamptz
);
create index ticket_unassigned_watch_due_idx on ticket_unassigned_watch (escalate_at) where settled_at is null;
