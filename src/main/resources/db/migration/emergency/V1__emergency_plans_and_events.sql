-- Emergency plans (应急预案): the working copy its authors edit, and the versions submitted for approval. An event
-- follows the approved version; a revision in draft or in review leaves the approved one in force until approved.
-- The plan's structure (event levels with criteria, the response organisation, the procedure's steps) is one jsonb
-- document: it is always read and versioned whole, never queried by its parts.
create table emergency_plan (
    id                  bigint generated always as identity primary key,
    party_id            bigint      not null references party (id),
    org_unit_id         bigint      not null references org_unit (id),
    owner_id            bigint      not null references app_user (id),
    title               text        not null,
    scenario            text        not null,
    application_system  text,
    site                text,
    review_date         date        not null,
    content             jsonb       not null,
    status              text        not null check (status in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'RETIRED')),
    approved_version_id bigint,
    pending_version_id  bigint,
    return_reason       text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index emergency_plan_party_idx on emergency_plan (party_id, updated_at desc, id desc);

create table emergency_plan_version (
    id                  bigint generated always as identity primary key,
    plan_id             bigint      not null references emergency_plan (id),
    number              int         not null,
    title               text        not null,
    content             jsonb       not null,
    content_hash        char(64)    not null,
    status              text        not null check (status in ('IN_REVIEW', 'APPROVED', 'SUPERSEDED', 'NOT_APPROVED')),
    approval_request_id bigint,
    submitted_by        bigint      not null references app_user (id),
    submitted_at        timestamptz not null default now(),
    decided_at          timestamptz,
    decision_reason     text,
    unique (plan_id, number)
);
alter table emergency_plan add constraint emergency_plan_approved_fk
    foreign key (approved_version_id) references emergency_plan_version (id);
alter table emergency_plan add constraint emergency_plan_pending_fk
    foreign key (pending_version_id) references emergency_plan_version (id);

-- Emergency events' numbers (EMG-yyyyMMdd-nnnn): one counter row per day, taken with a row lock by the declaring
-- transaction, so that numbers have neither gaps nor duplicates under concurrency.
create table emergency_event_number (
    day  date primary key,
    last int  not null
);

create table emergency_event (
    id              bigint generated always as identity primary key,
    number          text        not null unique,
    party_id        bigint      not null references party (id),
    org_unit_id     bigint      not null references org_unit (id),
    title           text        not null,
    description     text        not null,
    level           text        not null check (level in ('EXTRAORDINARY', 'MAJOR', 'SERIOUS', 'GENERAL')),
    plan_id         bigint      references emergency_plan (id),
    plan_version_id bigint      references emergency_plan_version (id),
    ticket_id       bigint,
    status          text        not null check (status in ('OPEN', 'CLOSED')),
    declared_by     bigint      not null references app_user (id),
    declared_at     timestamptz not null,
    closed_at       timestamptz,
    summary         text
);
create index emergency_event_party_idx on emergency_event (party_id, declared_at desc, id desc);
create index emergency_event_ticket_idx on emergency_event (ticket_id) where ticket_id is not null;

-- The checklist an event takes from its plan's procedure: each step done once, by whom and when.
create table emergency_event_step (
    id            bigint generated always as identity primary key,
    event_id      bigint      not null references emergency_event (id),
    position      int         not null,
    phase         text        not null,
    title         text        not null,
    owner_role    text,
    limit_minutes int,
    done_by       bigint      references app_user (id),
    done_at       timestamptz,
    note          text,
    unique (event_id, position)
);

-- The timeline: append-only, one row per thing done, to the microsecond; read in (at, id) order.
create table emergency_event_entry (
    id       bigint generated always as identity primary key,
    event_id bigint      not null references emergency_event (id),
    at       timestamptz not null,
    actor_id bigint      not null references app_user (id),
    kind     text        not null,
    phase    text,
    step_id  bigint      references emergency_event_step (id),
    text     text
);
create index emergency_event_entry_idx on emergency_event_entry (event_id, id);
