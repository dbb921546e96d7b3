-- 配置管理审核流程: a class may require that edits of its items (and of its subclasses' items) are reviewed through
-- the approval module before they apply. An edit of such an item waits here as a pending change: the fields as
-- checked when submitted, what they change against the item's version then, and the hash the approval is asked for.
alter table ci_class add column review_required boolean not null default false;

create table ci_pending_change (
    id                  bigserial primary key,
    item_id             bigint not null references configuration_item (id),
    base_version        int not null,
    fields              jsonb not null,
    changes             jsonb not null,
    reason              varchar(1000) not null,
    content_hash        varchar(64) not null,
    requested_by_id     bigint,
    requested_by_name   varchar(200) not null,
    requested_at        timestamptz not null default now(),
    approval_request_id bigint,
    state               varchar(20) not null default 'PENDING' check (state in
                            ('PENDING', 'APPLIED', 'REJECTED', 'RETURNED', 'WITHDRAWN', 'SUPERSEDED')),
    decided_at          timestamptz,
    decision_reason     varchar(1000)
);
-- at most one change of an item waits at a time: a newer edit supersedes the one waiting
create unique index ci_pending_change_open_idx on ci_pending_change (item_id) where state = 'PENDING';
create index ci_pending_change_item_idx on ci_pending_change (item_id, id desc);
create index ci_pending_change_requested_idx on ci_pending_change (requested_at);

-- a change applied after its review is a history entry of its own kind
alter table ci_change drop constraint ci_change_kind_check;
alter table ci_change add constraint ci_change_kind_check check (kind in
    ('CREATED', 'UPDATED', 'REVIEWED', 'LIFECYCLE', 'RELATION_ADDED', 'RELATION_REMOVED'));
