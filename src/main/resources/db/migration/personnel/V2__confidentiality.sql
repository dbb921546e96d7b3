-- Confidentiality (保密): the agreements each staff member signed, by version (保密协议书); the confidentiality checks
-- of a provider (保密检查情况表); the register of leak incidents (泄密事件), whose count in a period is the "zero leaks"
-- indicator. Each row is placed by the provider party it belongs to, for the data scope.
create table confidentiality_agreement (
    id          bigserial primary key,
    staff_id    bigint      not null references staff_member (id),
    party_id    bigint      not null,
    version     text        not null,
    signed_on   date        not null,
    expires_on  date,
    recorded_by bigint      not null,
    created_at  timestamptz not null default now(),
    constraint confidentiality_agreement_version_unique unique (staff_id, version)
);
create index confidentiality_agreement_party_idx on confidentiality_agreement (party_id, id);

create table confidentiality_check (
    id          bigserial primary key,
    party_id    bigint      not null,
    checked_on  date        not null,
    subject     text        not null,
    findings    text,
    passed      boolean     not null,
    recorded_by bigint      not null,
    created_at  timestamptz not null default now()
);
create index confidentiality_check_party_idx on confidentiality_check (party_id, checked_on, id);

create table leak_incident (
    id          bigserial primary key,
    party_id    bigint      not null,
    occurred_on date        not null,
    summary     text        not null,
    measures    text,
    recorded_by bigint      not null,
    created_at  timestamptz not null default now()
);
create index leak_incident_party_idx on leak_incident (party_id, occurred_on, id);
