-- Problems (问题管理, Hunan 7.3): the 问题收集表 (source, description, impact, priority, service, configuration items),
-- the root cause, the 问题处理应急方案 that must exist before work starts, the 问题解决方案 and 问题实施方案 with owner and
-- dates, the known error (已知错误) with its workaround, and the knowledge article proposed on closing. A problem
-- belongs to the party that recorded it (a provider, or management) and is read within that party's scope.
create table problem (
    id                      bigint generated always as identity primary key,
    number                  text        not null unique,
    party_id                bigint      not null references party (id),
    org_unit_id             bigint      not null references org_unit (id),
    customer_org_unit_id    bigint references org_unit (id),
    status                  text        not null check (status in
                                ('REGISTERED', 'ANALYSING', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED')),
    source                  text        not null check (source in
                                ('INCIDENT', 'TREND', 'MONITORING', 'INSPECTION', 'CUSTOMER', 'SUPPLIER', 'OTHER')),
    subject                 text        not null,
    description             text        not null,
    impact                  text        not null,
    priority                text        not null check (priority in ('P1', 'P2', 'P3', 'P4')),
    service_id              bigint,
    configuration_item_ids  bigint[]    not null default '{}',
    root_cause              text,
    emergency_plan          text,
    emergency_plan_at       timestamptz,
    solution                text,
    solution_owner_id       bigint references app_user (id),
    solution_due            date,
    implementation_plan     text,
    implementation_owner_id bigint references app_user (id),
    implementation_start    date,
    implementation_end      date,
    known_error             boolean     not null default false,
    workaround              text,
    known_error_at          timestamptz,
    resolution              text,
    cancel_reason           text,
    article_id              bigint,
    agreement_id            bigint,
    resolution_due_at       timestamptz,
    recorded_by             bigint      not null references app_user (id),
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    resolved_at             timestamptz,
    closed_at               timestamptz
);
-- the list: newest first within a party, and the evidence's counts by period
create index problem_party_created_idx on problem (party_id, created_at desc, id desc);
create index problem_created_idx on problem (created_at desc, id desc);
create index problem_closed_idx on problem (closed_at) where closed_at is not null;
-- the evidence's gap: problems worked without an emergency plan
create index problem_without_plan_idx on problem (party_id)
    where emergency_plan is null and status in ('IN_PROGRESS', 'RESOLVED', 'CLOSED');

-- The incidents a problem was opened from or linked to later; a ticket is named by id only (the ticket module owns it).
create table problem_incident (
    problem_id  bigint      not null references problem (id),
    ticket_id   bigint      not null,
    number      text        not null,
    subject     text        not null,
    linked_by   bigint      not null references app_user (id),
    linked_at   timestamptz not null default now(),
    primary key (problem_id, ticket_id)
);
create index problem_incident_ticket_idx on problem_incident (ticket_id);

-- The problem's timeline: every step, who and when, in order.
create table problem_entry (
    id          bigint generated always as identity primary key,
    problem_id  bigint      not null references problem (id),
    kind        text        not null,
    text        text,
    actor_id    bigint      references app_user (id),
    actor_name  text        not null,
    at          timestamptz not null default now()
);
create index problem_entry_problem_idx on problem_entry (problem_id, id);

-- Numbers PRB-yyyymmdd-nnnn without gaps: the day's row is locked by the transaction that takes a number until it
-- commits, and a rolled-back transaction gives its number back.
create table problem_number_counter (
    day   date   primary key,
    last  int    not null
);
