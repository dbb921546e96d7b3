-- The service catalogue (服务目录, GZ 6.1.5, 9.1.1): a tree of categories and the services in them.
-- Organisation units (identity module) are referenced by id only.
create table catalog_category (
    id          bigint generated always as identity primary key,
    parent_id   bigint references catalog_category (id),
    code        text    not null,
    name        text    not null,
    description text,
    -- ids from the root down to and including this category, '/3/17/': a subtree is one range scan
    path        text    not null,
    sort_order  integer not null default 0,
    enabled     boolean not null default true
);
create unique index catalog_category_code_unique on catalog_category (lower(code));
create index catalog_category_path_idx on catalog_category (path text_pattern_ops);

create table catalog_service (
    id                   bigint generated always as identity primary key,
    category_id          bigint  not null references catalog_category (id),
    code                 text    not null,
    name                 text    not null,
    description          text,
    -- an organisation unit of a service provider party
    provider_org_unit_id bigint  not null,
    enabled              boolean not null default true,
    created_at           timestamptz not null default now()
);
create unique index catalog_service_code_unique on catalog_service (lower(code));
create index catalog_service_category_idx on catalog_service (category_id);
create index catalog_service_provider_idx on catalog_service (provider_org_unit_id);
-- keyset pages sorted by code or by name
create index catalog_service_code_keyset_idx on catalog_service (code, id);
create index catalog_service_name_keyset_idx on catalog_service (name, id);

-- 服务对象 (GZ clause 7): what a service is performed on; several per service, from a fixed set of kinds.
create table catalog_service_object (
    service_id bigint not null references catalog_service (id) on delete cascade,
    kind       text   not null check (kind in ('OFFICE_EQUIPMENT', 'INFRASTRUCTURE', 'GOVERNMENT_CLOUD',
                                               'NETWORK_SECURITY')),
    primary key (service_id, kind)
);
create index catalog_service_object_kind_idx on catalog_service_object (kind, service_id);

-- quantified indicators of a service (服务内容的定量指标, GZ 9.1.1.3), e.g. 响应时间 ≤ 30 分钟
create table catalog_indicator (
    id          bigint generated always as identity primary key,
    service_id  bigint  not null references catalog_service (id) on delete cascade,
    position    integer not null,
    name        text    not null,
    target      numeric not null,
    unit        text    not null,
    measurement text
);
create index catalog_indicator_service_idx on catalog_indicator (service_id, position);

-- customer organisation units that may order a service; a unit's whole subtree may order it
create table catalog_service_customer (
    service_id  bigint not null references catalog_service (id) on delete cascade,
    org_unit_id bigint not null,
    primary key (service_id, org_unit_id)
);
create index catalog_service_customer_unit_idx on catalog_service_customer (org_unit_id, service_id);
