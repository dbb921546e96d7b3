-- Approval policies (审批流程) of ordered stages, the requests other modules open for a subject at one version, the
-- per-approver worklist the inbox reads, decisions and delegations. Ids of people, units and posts are identity's;
-- no foreign keys cross modules.

create table approval_policy (
    id          bigint generated always as identity primary key,
    name        text        not null,
    description text        not null default '',
    built_in    boolean     not null default false,
    retired     boolean     not null default false,
    -- the version new requests start with; a request keeps the version it started with
    version     integer     not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create unique index approval_policy_name_unique on approval_policy (lower(name));

create table approval_policy_version (
    id                    bigint generated always as identity primary key,
    policy_id             bigint      not null references approval_policy (id),
    version               integer     not null,
    requester_may_approve boolean     not null default false,
    created_by            bigint,
    created_at            timestamptz not null default now(),
    constraint approval_policy_version_unique unique (policy_id, version)
);

create table approval_stage (
    id                 bigint generated always as identity primary key,
    policy_version_id  bigint  not null references approval_policy_version (id),
    position           integer not null,
    name               text    not null,
    rule               text    not null check (rule in ('ANY', 'ALL', 'N_OF')),
    required_count     integer not null default 1 check (required_count >= 1),
    condition          text,
    time_limit_minutes integer check (time_limit_minutes is null or time_limit_minutes > 0),
    constraint approval_stage_position_unique unique (policy_version_id, position)
);

create table approval_stage_approver (
    stage_id    bigint  not null references approval_stage (id),
    position    integer not null,
    kind        text    not null check (kind in ('PERSON', 'ROLE', 'POST', 'UNIT_LEAD')),
    person_id   bigint,
    role_code   text,
    party_id    bigint,
    org_unit_id bigint,
    post_id     bigint,
    primary key (stage_id, position),
    constraint approval_stage_approver_shape check (
        (kind = 'PERSON' and person_id is not null) or
        (kind = 'ROLE' and role_code is not null and party_id is not null) or
        (kind = 'POST' and post_id is not null) or
        kind = 'UNIT_LEAD')
);

create table approval_request (
    id                 bigint generated always as identity primary key,
    subject_type       text        not null,
    subject_id         bigint      not null,
    version_hash       text        not null,
    policy_version_id  bigint      not null references approval_policy_version (id),
    requester_id       bigint      not null,
    requester_party_id bigint      not null,
    requester_unit_id  bigint      not null,
    summary            text        not null,
    link               text        not null,
    facts              jsonb       not null default '{}',
    outcome            text        not null default 'PENDING'
        check (outcome in ('PENDING', 'GRANTED', 'REJECTED', 'RETURNED', 'WITHDRAWN', 'SUPERSEDED')),
    reason             text,
    -- the position of the stage that waits; null once the request has ended
    stage_position     integer,
    requested_at       timestamptz not null default now(),
    decided_at         timestamptz
);
create index approval_request_subject_idx on approval_request (subject_type, subject_id, id desc);
create index approval_request_requester_idx on approval_request (requester_id, id desc);

-- Each stage of a request: what it needs, and how it went.
create table approval_request_stage (
    request_id     bigint      not null references approval_request (id),
    position       integer     not null,
    name           text        not null,
    rule           text        not null,
    required_count integer     not null,
    state          text        not null check (state in ('NOT_REACHED', 'WAITING', 'APPROVED', 'REJECTED',
                                                         'RETURNED', 'SKIPPED', 'CLOSED')),
    started_at     timestamptz,
    due_at         timestamptz,
    reminded_at    timestamptz,
    escalated_at   timestamptz,
    ended_at       timestamptz,
    primary key (request_id, position)
);
create index approval_request_stage_due_idx on approval_request_stage (due_at) where state = 'WAITING';

-- Who may decide in a stage, resolved when the stage starts (a post's backup is listed too, and acts only while the
-- holder is absent). This is the inbox: the partial index serves "what waits for me" without touching the decided.
create table approval_assignment (
    id             bigint generated always as identity primary key,
    request_id     bigint      not null references approval_request (id),
    stage_position integer     not null,
    approver_id    bigint      not null,
    via            text        not null check (via in ('PERSON', 'ROLE', 'POST_HOLDER', 'POST_BACKUP', 'UNIT_LEAD',
                                                        'CO_APPROVER', 'ESCALATION')),
    post_id        bigint,
    waiting        boolean     not null default true,
    since          timestamptz not null default now(),
    constraint approval_assignment_unique unique (request_id, stage_position, approver_id)
);
create index approval_assignment_waiting_idx on approval_assignment (approver_id, since desc, id desc) where waiting;
create index approval_assignment_request_idx on approval_assignment (request_id, stage_position);

create table approval_decision (
    id             bigint generated always as identity primary key,
    request_id     bigint      not null references approval_request (id),
    stage_position integer     not null,
    decider_id     bigint      not null,
    -- the approver the decider acted for as delegate or post backup; null when they decided as themselves
    on_behalf_of   bigint,
    decision       text        not null check (decision in ('APPROVE', 'REJECT', 'RETURN')),
    reason         text,
    version_hash   text        not null,
    -- the seat the decision filled: a post ('post:7'), or the person decided for ('person:42')
    seat           text        not null,
    decided_at     timestamptz not null default now(),
    constraint approval_decision_once unique (request_id, stage_position, decider_id),
    constraint approval_decision_seat_once unique (request_id, stage_position, seat)
);
-- the "decided" tab of an approver's inbox
create index approval_decision_decider_idx on approval_decision (decider_id, decided_at desc, id desc);

create table approval_delegation (
    id           bigint generated always as identity primary key,
    delegator_id bigint      not null,
    delegate_id  bigint      not null,
    valid_from   timestamptz not null,
    valid_until  timestamptz not null,
    reason       text        not null,
    revoked_at   timestamptz,
    created_at   timestamptz not null default now(),
    constraint approval_delegation_period check (valid_until > valid_from),
    constraint approval_delegation_other check (delegate_id <> delegator_id)
);
create index approval_delegation_delegate_idx on approval_delegation (delegate_id, valid_until);
create index approval_delegation_delegator_idx on approval_delegation (delegator_id, valid_until);

-- The built-in policy every installation has: one stage, the requester's unit lead.
insert into approval_policy (name, description, built_in) values
    ('默认审批流程', '由申请人所在单位负责人审批', true);
insert into approval_policy_version (policy_id, version)
select id, 1 from approval_policy where built_in;
insert into approval_stage (policy_version_id, position, name, rule, required_count)
select v.id, 1, '单位负责人审批', 'ANY', 1 from approval_policy_version v join approval_policy p on p.id = v.policy_id
where p.built_in;
insert into approval_stage_approver (stage_id, position, kind)
select s.id, 1, 'UNIT_LEAD' from approval_stage s join approval_policy_version v on v.id = s.policy_version_id
join approval_policy p on p.id = v.policy_id where p.built_in;
