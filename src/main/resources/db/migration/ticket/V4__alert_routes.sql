-- Monitoring intake (监控告警接入): which customer unit, service and assignment group an incident opened by an
-- integration account's alert belongs to. An account's routes are tried by position; the first whose matchers all
-- hold for the alert's labels wins, else the account's default route (the one without matchers).
-- The account is a user (identity module) referenced by id only.
create table alert_route (
    id                   bigint generated always as identity primary key,
    account_user_id      bigint      not null,
    name                 text        not null,
    position             integer     not null default 100,
    -- {"label": "value", ...}: every label must have that value (Zabbix: host, hostgroup, tag names)
    matchers             jsonb       not null default '{}',
    customer_org_unit_id bigint      not null,
    service_id           bigint,
    group_id             bigint references ticket_group (id),
    -- a recovery resolves the incident by itself (resolution code SOLVED) while it is still open
    auto_resolve         boolean     not null default false,
    enabled              boolean     not null default true,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    -- an incident needs a provider to work it: the group's party, else the service's provider
    constraint alert_route_has_provider check (service_id is not null or group_id is not null)
);
create index alert_route_account_idx on alert_route (account_user_id, position, id);
-- one default route per account
create unique index alert_route_default_unique on alert_route (account_user_id) where matchers = '{}'::jsonb;
