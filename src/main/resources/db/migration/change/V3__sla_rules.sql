-- SLA clocks for changes (docs/decisions/0005-sla-clocks-for-changes.md). A change has no priority; its SLA comes
-- from a rule kept by the service level manager per category and risk level ('ANY' for a category's levels without
-- a rule of their own), kept like the approval rules: an id, a version for concurrent edits, retirement instead of
-- deletion, at most one live rule per category and level.
--   approval_minutes  the time from submission to the approval decision (审批时限), in business or calendar time;
--                     null when the rule sets none (a standard change never has one: it needs no approval)
--   window_deadline   whether the implementation runs against its planned end (实施窗口): a clock from the actual
--                     start that is breached when the planned end passes before the outcome is recorded
--   warning_percent   the one warning threshold (预警) of both clocks, 1–99 % of the target
create table change_sla_rule (
    id               bigint generated always as identity primary key,
    category         text        not null,
    risk_level       text        not null,
    approval_minutes integer,
    approval_basis   text        not null default 'BUSINESS',
    window_deadline  boolean     not null default false,
    warning_percent  integer     not null default 75,
    version          integer     not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    retired_at       timestamptz,
    constraint change_sla_rule_something check (approval_minutes is not null or window_deadline),
    constraint change_sla_rule_minutes check (approval_minutes is null or approval_minutes between 1 and 525600),
    constraint change_sla_rule_warning check (warning_percent between 1 and 99)
);
create unique index change_sla_rule_live on change_sla_rule (category, risk_level) where retired_at is null;

-- The warnings and breaches of a change's clocks already told, so that an event the registry delivers twice tells
-- nobody twice.
create table change_sla_alert (
    change_id bigint      not null,
    clock     text        not null,
    percent   integer     not null,
    raised_at timestamptz not null default now(),
    primary key (change_id, clock, percent)
);

-- The calendar and conflict detection ask which changes' planned windows overlap a period. On the b-tree
-- (planned_start, planned_end) "planned_start < end and planned_end > start" bounds only the start from above, so a
-- month two years into the data scans every earlier change; a GiST index on the window as a range answers the
-- overlap itself ([start, end) && [from, to) is exactly that condition).
create index change_request_planned_window on change_request using gist (tstzrange(planned_start, planned_end))
    where planned_start is not null;
