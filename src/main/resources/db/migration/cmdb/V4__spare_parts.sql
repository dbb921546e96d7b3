-- 备品备件 and 低值易耗品: the kinds of parts a keeper (a provider, or management when none is named) holds, the stock
-- of each at each storage location, and every movement — received, issued against a ticket, returned against it.
create table ci_spare_part (
    id                bigserial primary key,
    name              varchar(200) not null,
    kind              varchar(20)  not null check (kind in ('SPARE_PART', 'CONSUMABLE')),
    model             varchar(200),
    unit_name         varchar(20)  not null,
    -- below this total the part is low on stock (0: never warned)
    minimum_stock     int not null default 0 check (minimum_stock >= 0),
    provider_party_id bigint,
    created_at        timestamptz not null default now()
);
create index ci_spare_part_provider_idx on ci_spare_part (provider_party_id, name, id);

create table ci_spare_stock (
    part_id  bigint not null references ci_spare_part (id),
    location varchar(200) not null,
    quantity int not null check (quantity >= 0),
    primary key (part_id, location)
);

create table ci_spare_movement (
    id            bigserial primary key,
    part_id       bigint not null references ci_spare_part (id),
    location      varchar(200) not null,
    kind          varchar(20) not null check (kind in ('RECEIVED', 'ISSUED', 'RETURNED')),
    quantity      int not null check (quantity > 0),
    ticket_id     bigint,
    ticket_number varchar(40),
    reason        varchar(1000),
    moved_by_id   bigint,
    moved_by_name varchar(200) not null,
    moved_at      timestamptz not null default now(),
    check (kind = 'RECEIVED' or ticket_id is not null)
);
create index ci_spare_movement_part_idx on ci_spare_movement (part_id, id desc);
create index ci_spare_movement_ticket_idx on ci_spare_movement (ticket_id) where ticket_id is not null;
