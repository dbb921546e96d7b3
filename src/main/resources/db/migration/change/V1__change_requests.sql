-- Change management (变更管理, Hunan 7.5): the change request is one aggregate in one row. Its affected items are
-- kept twice on purpose: the ids as an array (GIN-indexed, so that the calendar finds changes on the same items
-- with one index probe) and, beside the plan steps and the impact assessment, a snapshot of their names as they were
-- when picked (jsonb), so that a retired or renamed item still reads as the change saw it.
create table change_request (
    id                  bigserial primary key,
    number              text        not null unique,
    version             integer     not null default 1,
    status              text        not null,
    category            text        not null,
    change_type         text        not null,
    title               text        not null,
    necessity           text        not null,
    reason              text        not null,
    ci_ids              bigint[]    not null default '{}',
    cis                 jsonb       not null default '[]',
    customer_unit_ids   bigint[]    not null default '{}',
    impact              jsonb,
    computed_risk       text        not null,
    risk_level          text        not null,
    risk_justification  text,
    steps               jsonb       not null default '[]',
    rollback_plan       text,
    planned_start       timestamptz,
    planned_end         timestamptz,
    actual_start        timestamptz,
    actual_end          timestamptz,
    outcome             text,
    outcome_note        text,
    review              text,
    reviewed_at         timestamptz,
    reviewer_id         bigint,
    provider_party_id   bigint,
    requester_id        bigint      not null,
    approval_policy_id  bigint,
    approval_request_id bigint,
    approval_granted    boolean     not null default false,
    freeze_override     boolean     not null default false,
    override_request_id bigint,
    override_granted    boolean     not null default false,
    submitted_hash      text,
    submitted_at        timestamptz,
    approved_at         timestamptz,
    decision_note       text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint change_request_planned check (planned_end is null or planned_start is null or planned_end > planned_start)
);

-- the list: newest change first, by keyset, per provider and overall
create index change_request_updated on change_request (updated_at desc, id desc);
create index change_request_provider_updated on change_request (provider_party_id, updated_at desc, id desc);
create index change_request_customers on change_request using gin (customer_unit_ids);
-- the evidence register's counts of a period: raised, approved, ended
create index change_request_created on change_request (created_at);
create index change_request_approved on change_request (approved_at) where approved_at is not null;
create index change_request_ended on change_request (actual_end) where actual_end is not null;
-- the calendar and conflict detection: changes planned in a window, changes on the same items
create index change_request_planned on change_request (planned_start, planned_end) where planned_start is not null;
create index change_request_cis on change_request using gin (ci_ids);

-- change numbers (CHG-20261207-0001) without gaps or collisions: one counter row per day, taken under its lock
create table change_number_counter (
    day  date    primary key,
    last integer not null
);

-- Freeze windows (重要保障期: major events, holidays) block non-emergency changes planned into them; an emergency
-- change may proceed with an extra override approval. Removing one keeps the row (removed_at) for the record.
create table change_freeze_window (
    id         bigserial primary key,
    name       text        not null,
    reason     text,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    created_by bigint      not null,
    created_at timestamptz not null default now(),
    removed_at timestamptz,
    constraint change_freeze_window_period check (ends_at > starts_at)
);
create index change_freeze_window_live on change_freeze_window (starts_at, ends_at) where removed_at is null;

-- Which approval policy a change of a category and risk level goes to; a missing row means the installation's
-- default policy. Read at submission only: the policy chosen then stays the change's policy. The row
-- ('FREEZE_OVERRIDE', 'ANY') names the policy of the extra approval an emergency change in a freeze window needs.
create table change_approval_rule (
    category   text   not null,
    risk_level text   not null,
    policy_id  bigint not null,
    primary key (category, risk_level)
);
