-- Release management (发布管理, Hunan 7.6): the release is one aggregate in one row. Its scope items and changes are
-- kept twice on purpose: the ids as arrays (GIN-indexed, to find the releases of an item or a change) and a snapshot
-- of their names as they were when picked (jsonb), so that a retired item or a closed change still reads as the
-- release saw it. The deployment record is one jsonb document: who, when, the steps and their results.
create table release_record (
    id                  bigserial primary key,
    number              text        not null unique,
    version             integer     not null default 1,
    status              text        not null,
    release_type        text        not null,
    title               text        not null,
    release_version     text        not null,
    ci_ids              bigint[]    not null default '{}',
    cis                 jsonb       not null default '[]',
    customer_unit_ids   bigint[]    not null default '{}',
    change_ids          bigint[]    not null default '{}',
    changes             jsonb       not null default '[]',
    plan                text,
    planned_at          timestamptz,
    known_errors        text,
    provider_party_id   bigint,
    requester_id        bigint      not null,
    approval_policy_id  bigint,
    approval_request_id bigint,
    submitted_hash      text,
    submitted_at        timestamptz,
    approved_at         timestamptz,
    decision_note       text,
    deployment          jsonb,
    deployed_at         timestamptz,
    completion_note     text,
    completed_by        bigint,
    completed_at        timestamptz,
    cmdb_updates        jsonb       not null default '[]',
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

-- the list: newest release first, by keyset, per provider and overall; by planned date
create index release_record_updated on release_record (updated_at desc, id desc);
create index release_record_provider_updated on release_record (provider_party_id, updated_at desc, id desc);
create index release_record_customers on release_record using gin (customer_unit_ids);
create index release_record_cis on release_record using gin (ci_ids);
create index release_record_changes on release_record using gin (change_ids);
-- the evidence register's counts of a period: planned, approved, completed
create index release_record_created on release_record (created_at);
create index release_record_approved on release_record (approved_at) where approved_at is not null;
create index release_record_completed on release_record (completed_at) where completed_at is not null;

-- release numbers (REL-20261207-0001) without gaps or collisions: one counter row per day, taken under its lock
create table release_number_counter (
    day  date    primary key,
    last integer not null
);
