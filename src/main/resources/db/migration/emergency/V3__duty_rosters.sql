-- On-duty rosters (值守) for normal days, holidays and key periods (重要保障期): the shifts that cover the roster's
-- days, each with the person on duty and whether they lead it, and the duty log with its handovers.
create table duty_roster (
    id          bigint generated always as identity primary key,
    party_id    bigint      not null references party (id),
    org_unit_id bigint      not null references org_unit (id),
    name        text        not null,
    kind        text        not null check (kind in ('NORMAL', 'HOLIDAY', 'KEY_PERIOD')),
    starts_on   date        not null,
    ends_on     date        not null,
    created_by  bigint      not null references app_user (id),
    created_at  timestamptz not null default now(),
    constraint duty_roster_period check (ends_on >= starts_on)
);
create index duty_roster_party_idx on duty_roster (party_id, starts_on desc, id desc);

create table duty_shift (
    id         bigint generated always as identity primary key,
    roster_id  bigint      not null references duty_roster (id),
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    person_id  bigint      not null references app_user (id),
    lead       boolean     not null default false,
    created_at timestamptz not null default now(),
    constraint duty_shift_period check (ends_at > starts_at)
);
create index duty_shift_roster_idx on duty_shift (roster_id, starts_at);
create index duty_shift_now_idx on duty_shift (starts_at, ends_at);

create table duty_log (
    id         bigint generated always as identity primary key,
    roster_id  bigint      not null references duty_roster (id),
    at         timestamptz not null,
    author_id  bigint      not null references app_user (id),
    kind       text        not null check (kind in ('LOG', 'HANDOVER')),
    text       text        not null,
    handed_to  bigint      references app_user (id)
);
create index duty_log_roster_idx on duty_log (roster_id, at, id);
