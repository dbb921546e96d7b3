-- Staff records of the providers' O&M people (人员档案), one per person of the identity module (user_id), placed by
-- the person's party and unit for the data scope. Phone and ID numbers are sealed (AES-256-GCM, SM4-GCM in gm mode)
-- by the application under a key kept outside the database: the columns hold only the sealed bytes.
create table staff_member (
    id                 bigserial primary key,
    user_id            bigint      not null,
    party_id           bigint      not null,
    org_unit_id        bigint      not null,
    post_id            bigint,
    joined_on          date,
    skills             text[]      not null default '{}',
    xinchuang_products text[]      not null default '{}',
    clearance          text        not null default 'NONE'
        constraint staff_member_clearance_check check (clearance in ('NONE', 'MACHINE_ROOM', 'CLASSIFIED_SITE')),
    clearance_until    date,
    phone_sealed       bytea,
    id_number_sealed   bytea,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint staff_member_user_unique unique (user_id)
);
create index staff_member_party_idx on staff_member (party_id, id);

-- Certificates (资质证书) with their expiry; an expired one is flagged on the record and in the evidence register.
create table staff_certificate (
    id         bigserial primary key,
    staff_id   bigint      not null references staff_member (id) on delete cascade,
    name       text        not null,
    issuer     text,
    number     text,
    issued_on  date,
    expires_on date,
    created_at timestamptz not null default now()
);
create index staff_certificate_staff_idx on staff_certificate (staff_id, id);
create index staff_certificate_expiry_idx on staff_certificate (expires_on) where expires_on is not null;
