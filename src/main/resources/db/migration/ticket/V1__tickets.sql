-- Service desk (服务台) and incident management (事件管理, Hunan 6.1, 7.2; GZ 8.2.2).
-- Organisation units, parties, users and catalogue services are referenced by id only (other modules own them).

-- 处理组: the teams tickets are assigned to; each belongs to one party (a provider, or management's own desk).
create table ticket_group (
    id                  bigint generated always as identity primary key,
    code                text        not null,
    name                text        not null,
    party_id            bigint      not null,
    lead_user_id        bigint,
    -- the second-line group a functional escalation hands the ticket to when the SLA names none
    escalation_group_id bigint references ticket_group (id),
    enabled             boolean     not null default true,
    created_at          timestamptz not null default now()
);
create unique index ticket_group_code_unique on ticket_group (lower(code));

create table ticket_group_member (
    group_id bigint not null references ticket_group (id) on delete cascade,
    user_id  bigint not null,
    primary key (group_id, user_id)
);
create index ticket_group_member_user_idx on ticket_group_member (user_id);

-- impact × urgency → priority (1 = high, 3 = low); administrators may change the cells.
create table ticket_priority_matrix (
    impact   smallint not null check (impact between 1 and 3),
    urgency  smallint not null check (urgency between 1 and 3),
    priority text     not null check (priority in ('P1', 'P2', 'P3', 'P4')),
    primary key (impact, urgency)
);
insert into ticket_priority_matrix (impact, urgency, priority) values
    (1, 1, 'P1'), (1, 2, 'P2'), (1, 3, 'P3'),
    (2, 1, 'P2'), (2, 2, 'P3'), (2, 3, 'P4'),
    (3, 1, 'P3'), (3, 2, 'P4'), (3, 3, 'P4');

-- The last number given out per prefix and day: INC-20261122-0001. Taken with the row lock of an upsert in the
-- creating transaction, so a rolled-back ticket gives its number back and no two tickets share one.
create table ticket_number_counter (
    prefix text    not null,
    day    date    not null,
    last   integer not null,
    primary key (prefix, day)
);

create table ticket (
    id                   bigint generated always as identity primary key,
    number               text        not null,
    type                 text        not null check (type in ('INCIDENT', 'SERVICE_REQUEST')),
    status               text        not null check (status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING',
                                                                 'RESOLVED', 'CLOSED')),
    pending_reason       text        check (pending_reason in ('CUSTOMER', 'THIRD_PARTY')),
    channel              text        not null check (channel in ('PORTAL', 'PHONE', 'EMAIL', 'API', 'MONITORING')),
    subject              text        not null,
    description          text        not null,
    reporter_user_id     bigint,
    reporter_name        text        not null,
    reporter_contact     text,
    customer_org_unit_id bigint      not null,
    -- the provider party that serves the ticket: the service's provider, then the assigned group's party
    provider_party_id    bigint,
    service_id           bigint,
    service_object       text,
    configuration_item   text,
    category             text,
    impact               smallint    not null check (impact between 1 and 3),
    urgency              smallint    not null check (urgency between 1 and 3),
    priority             text        not null check (priority in ('P1', 'P2', 'P3', 'P4')),
    group_id             bigint references ticket_group (id),
    assignee_user_id     bigint,
    major                boolean     not null default false,
    coordinator_user_id  bigint,
    agreement_id         bigint,
    -- copies of the SLA clocks' due times, so that a queue sorts by them on an index
    response_due_at      timestamptz,
    resolution_due_at    timestamptz,
    responded_at         timestamptz,
    resolved_at          timestamptz,
    closed_at            timestamptz,
    resolution_code      text,
    resolution_text      text,
    -- the alert source and its key (Alertmanager group key, Zabbix event id) that repeats add to
    alert_key            text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              integer     not null default 0
);
create unique index ticket_number_unique on ticket (number);
create unique index ticket_alert_key_unique on ticket (alert_key) where alert_key is not null;
-- agents' queues: by group or assignee and status, sorted by the resolution due time
create index ticket_group_queue_idx on ticket (group_id, status, resolution_due_at, id);
create index ticket_assignee_queue_idx on ticket (assignee_user_id, status, resolution_due_at, id);
create index ticket_provider_queue_idx on ticket (provider_party_id, status, resolution_due_at, id);
create index ticket_status_due_idx on ticket (status, resolution_due_at, id);
-- newest first, within a customer subtree or a provider
create index ticket_created_idx on ticket (created_at desc, id desc);
create index ticket_customer_created_idx on ticket (customer_org_unit_id, created_at desc, id desc);
create index ticket_provider_created_idx on ticket (provider_party_id, created_at desc, id desc);
create index ticket_reporter_idx on ticket (reporter_user_id, created_at desc);
create index ticket_resolved_idx on ticket (resolved_at) where status = 'RESOLVED';

-- The timeline (时间线) of a ticket: creation, field changes, status changes, replies, internal notes, work log,
-- SLA events, escalations, ratings and return visits. Public entries are what the customer sees.
create table ticket_entry (
    id             bigint generated always as identity primary key,
    ticket_id      bigint      not null references ticket (id),
    kind           text        not null,
    public         boolean     not null default false,
    author_user_id bigint,
    author_name    text        not null,
    body           text,
    -- what changed: {"field": {"from": ..., "to": ...}}, SLA event data, link targets
    details        jsonb,
    minutes_spent  integer     check (minutes_spent is null or minutes_spent > 0),
    created_at     timestamptz not null default now()
);
create index ticket_entry_ticket_idx on ticket_entry (ticket_id, id);

create table ticket_attachment (
    id           bigint generated always as identity primary key,
    ticket_id    bigint      not null references ticket (id),
    entry_id     bigint references ticket_entry (id),
    filename     text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    sha256       text        not null,
    content      bytea       not null,
    uploaded_by  text        not null,
    created_at   timestamptz not null default now()
);
create index ticket_attachment_ticket_idx on ticket_attachment (ticket_id, id);

-- PARENT_OF: ticket is the parent of other; DUPLICATE_OF: ticket duplicates other; RELATED both ways.
create table ticket_link (
    ticket_id       bigint      not null references ticket (id),
    other_ticket_id bigint      not null references ticket (id),
    kind            text        not null check (kind in ('PARENT_OF', 'DUPLICATE_OF', 'RELATED')),
    created_at      timestamptz not null default now(),
    primary key (ticket_id, other_ticket_id, kind),
    constraint ticket_link_not_self check (ticket_id <> other_ticket_id)
);
create index ticket_link_other_idx on ticket_link (other_ticket_id);

-- 保存的筛选 / queues: a named query string of the list page, the owner's or shared with everyone in scope.
create table ticket_saved_filter (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null,
    name       text        not null,
    query      text        not null,
    shared     boolean     not null default false,
    created_at timestamptz not null default now()
);
create unique index ticket_saved_filter_name_unique on ticket_saved_filter (user_id, lower(name));
