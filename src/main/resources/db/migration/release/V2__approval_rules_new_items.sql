-- Issue 18 continued. Which approval policy a release of a type (MAJOR, MINOR, EMERGENCY) goes to at submission, kept
-- as records like the change approval rules: an id, a version for concurrent edits, and retirement instead of deletion
-- (a retired rule is kept for the record and chosen no more; the policy a release was submitted under stays on the
-- release). At most one live rule per type; a type without one goes to the installation's default policy.
create table release_approval_rule (
    id           bigint generated always as identity primary key,
    release_type text        not null,
    policy_id    bigint      not null,
    version      int         not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    retired_at   timestamptz
);
create unique index release_approval_rule_live on release_approval_rule (release_type) where retired_at is null;

-- The new configuration items a release brings (a new application system, the server it runs on): checked against the
-- CMDB's class rules when listed, approved with the release, created through the CMDB's facade on completion; each
-- entry then holds the id of the item created.
alter table release_record add column new_items jsonb not null default '[]';
