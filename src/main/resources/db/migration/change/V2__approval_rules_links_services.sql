-- Issue 18 continued. The approval rules become records kept on a page: an id, a version for concurrent edits, and
-- retirement instead of deletion (a retired rule is kept for the record and chosen no more; the policy a change was
-- submitted under stays on the change). At most one live rule per category and risk level; 'ANY' as risk level is
-- the rule for a category's levels without one of their own.
alter table change_approval_rule drop constraint change_approval_rule_pkey;
alter table change_approval_rule
    add column id         bigint generated always as identity primary key,
    add column version    int         not null default 0,
    add column created_at timestamptz not null default now(),
    add column updated_at timestamptz not null default now(),
    add column retired_at timestamptz;
create unique index change_approval_rule_live on change_approval_rule (category, risk_level) where retired_at is null;

-- The business services and application systems a change reaches (its items and their downstream impact within
-- three hops), kept at every save for conflicts on shared services; the incidents and problems a change fixes.
alter table change_request
    add column service_ids bigint[] not null default '{}',
    add column ticket_ids  bigint[] not null default '{}',
    add column problem_ids bigint[] not null default '{}';
create index change_request_services on change_request using gin (service_ids);
create index change_request_tickets on change_request using gin (ticket_ids);
create index change_request_problems on change_request using gin (problem_ids);
