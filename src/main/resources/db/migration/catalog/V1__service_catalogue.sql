-- The service catalogue (服务目录): a tree of categories and the services in them.
create table catalog_category (
    id          bigint generated always as identity primary key,
    parent_id   bigint references catalog_category (id),
    code        text    not null,
    name        text    not null,
    description text,
    path        text    not null,
    sort_order  integer not null default 0,
    enabled     boolean not null default true,
    constraint catalog_category_code_unique unique (code)
);
create index catalog_category_path_idx on catalog_category (path text_pattern_ops);

create table catalog_service (
    id                   bigint generated always as identity primary key,
    category_id          bigint  not null references catalog_category (id),
    code                 text    not null,
    name                 text    not null,
    description          text,
    -- an organisation unit of a service provider party (identity module), by id only
    provider_org_unit_id bigint  not null,
    enabled              boolean not null default true,
    created_at           timestamptz not null default now(),
    constraint catalog_service_code_unique unique (code)
);
create index catalog_service_category_idx on catalog_service (category_id);
