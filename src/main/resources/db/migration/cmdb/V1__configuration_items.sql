-- Configuration management (配置管理): CI classes with typed attributes defined by administrators, configuration
-- items, their change history, and the relations between them. See docs/decisions/0003-cmdb-attribute-storage.md for
-- why attribute values live in a jsonb column beside typed uniqueness rows.

-- A class of configuration items; path holds the ids from the root class down to and including this one
-- ('/3/7/'), so that "this class and its subclasses" is a prefix match on an indexed column.
create table ci_class (
    id          bigserial primary key,
    code        varchar(50)  not null unique,
    name        varchar(100) not null,
    name_en     varchar(100),
    parent_id   bigint references ci_class (id),
    path        varchar(500) not null default '/',
    description varchar(500),
    built_in    boolean not null default false,
    enabled     boolean not null default true,
    created_at  timestamptz not null default now()
);
create index ci_class_parent_idx on ci_class (parent_id);

-- An attribute a class defines; its subclasses inherit it. A code is unique along a class's line of ancestors and
-- descendants (checked by the application: a subclass may not redefine an inherited attribute).
create table ci_attribute (
    id                 bigserial primary key,
    class_id           bigint not null references ci_class (id),
    code               varchar(50)  not null,
    name               varchar(100) not null,
    name_en            varchar(100),
    type               varchar(20)  not null check (type in ('TEXT', 'NUMBER', 'DATE', 'ENUM', 'REFERENCE', 'IP_ADDRESS')),
    required           boolean not null default false,
    unique_value       boolean not null default false,
    options            jsonb   not null default '[]',
    reference_class_id bigint references ci_class (id),
    position           int     not null default 100,
    unique (class_id, code)
);

-- Helpers for search as you type: the bigrams and single characters of a text (lower-cased as ilike compares), the
-- module's own copy of the gram scheme the ticket list uses, so that no module depends on another's functions.
create function cmdb_text_grams(value text) returns text[]
    language plpgsql immutable strict parallel safe
as $$
declare
    lowered text := lower(value);
    grams text[] := '{}';
begin
    for i in 1 .. char_length(lowered) loop
        grams := grams || substr(lowered, i, 1) || substr(lowered, i, 2);
    end loop;
    return grams;
end
$$;

create function cmdb_text_sought(value text) returns text[]
    language plpgsql immutable strict parallel safe
as $$
declare
    lowered text := lower(value);
    grams text[] := '{}';
begin
    if char_length(lowered) = 1 then
        return array[lowered];
    end if;
    for i in 1 .. char_length(lowered) - 1 loop
        grams := grams || substr(lowered, i, 2);
    end loop;
    return grams;
end
$$;

create table configuration_item (
    id                bigserial primary key,
    class_id          bigint not null references ci_class (id),
    class_path        varchar(500) not null,
    name              varchar(200) not null,
    lifecycle         varchar(20)  not null check (lifecycle in
                          ('PLANNED', 'IN_STOCK', 'IN_USE', 'UNDER_REPAIR', 'RETIRED', 'DISPOSED')),
    asset_tag         varchar(64),
    serial_number     varchar(100),
    ip_address        varchar(45),
    customer_unit_id  bigint,
    provider_party_id bigint,
    owner_user_id     bigint,
    custodian_user_id bigint,
    building          varchar(100),
    floor             varchar(50),
    room              varchar(100),
    rack              varchar(100),
    supplier          varchar(200),
    purchased_on      date,
    purchase_price    numeric(14, 2),
    warranty_until    date,
    attributes        jsonb not null default '{}',
    search_text       text generated always as (lower(name || ' ' || coalesce(ip_address, '') || ' '
                          || coalesce(serial_number, '') || ' ' || coalesce(asset_tag, ''))) stored,
    version           int not null default 1,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create unique index configuration_item_asset_tag_idx on configuration_item (asset_tag) where asset_tag is not null;
create index configuration_item_name_idx on configuration_item (name, id);
create index configuration_item_class_idx on configuration_item (class_path text_pattern_ops, name, id);
create index configuration_item_unit_idx on configuration_item (customer_unit_id, name, id);
create index configuration_item_provider_idx on configuration_item (provider_party_id, name, id);
create index configuration_item_lifecycle_idx on configuration_item (lifecycle, name, id);
create index configuration_item_warranty_idx on configuration_item (warranty_until, id) where warranty_until is not null;
create index configuration_item_updated_idx on configuration_item (updated_at desc, id desc);
create index configuration_item_ip_idx on configuration_item (ip_address) where ip_address is not null;
create index configuration_item_serial_idx on configuration_item (serial_number) where serial_number is not null;
create index configuration_item_attributes_idx on configuration_item using gin (attributes jsonb_path_ops);
create index configuration_item_search_idx on configuration_item using gin (cmdb_text_grams(search_text));

-- The values of unique attributes, one row per item and attribute: the primary key is the uniqueness rule, held by
-- the database even under concurrent writes. An inherited attribute has one id, so the rule spans the subclasses.
create table ci_unique_value (
    attribute_id bigint not null references ci_attribute (id),
    value        varchar(500) not null,
    item_id      bigint not null references configuration_item (id) on delete cascade,
    primary key (attribute_id, value)
);
create index ci_unique_value_item_idx on ci_unique_value (item_id);

-- Every change of an item (配置项的变化记录): who, when, why, what changed, and the item as it was afterwards, so
-- that the item as of any moment is the snapshot of its last change before that moment.
create table ci_change (
    id              bigserial primary key,
    item_id         bigint not null references configuration_item (id),
    version         int not null,
    kind            varchar(30) not null check (kind in
                        ('CREATED', 'UPDATED', 'LIFECYCLE', 'RELATION_ADDED', 'RELATION_REMOVED')),
    changed_at      timestamptz not null default now(),
    changed_by_id   bigint,
    changed_by_name varchar(200) not null,
    reason          varchar(1000),
    changes         jsonb not null default '[]',
    snapshot        jsonb not null
);
create index ci_change_item_idx on ci_change (item_id, changed_at desc, id desc);
create index ci_change_at_idx on ci_change (changed_at);

-- Relations between items; a removed relation keeps its row (removed_at), so that the graph as of a moment can be
-- read back.
create table ci_relation (
    id              bigserial primary key,
    source_id       bigint not null references configuration_item (id),
    target_id       bigint not null references configuration_item (id),
    type            varchar(20) not null check (type in
                        ('RUNS_ON', 'DEPENDS_ON', 'CONNECTED_TO', 'CONTAINS', 'BACKED_UP_BY', 'INSTALLED_ON')),
    note            varchar(500),
    created_at      timestamptz not null default now(),
    created_by_name varchar(200) not null,
    removed_at      timestamptz,
    removed_by_name varchar(200),
    check (source_id <> target_id)
);
create unique index ci_relation_live_idx on ci_relation (source_id, target_id, type) where removed_at is null;
create index ci_relation_source_idx on ci_relation (source_id) include (target_id, type) where removed_at is null;
create index ci_relation_target_idx on ci_relation (target_id) include (source_id, type) where removed_at is null;
