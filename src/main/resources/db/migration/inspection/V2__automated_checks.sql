-- Automated checks (自动巡检) that Yunwei runs itself: HTTP(S), TCP port, TLS certificate expiry, ping, database.

create table inspection_check (
    id                   bigint generated always as identity primary key,
    party_id             bigint      not null references party (id),
    owner_id             bigint      not null references app_user (id),
    -- the provider that works the incidents a failure opens: the keeper's party when it is a provider
    provider_party_id    bigint      references party (id),
    name                 text        not null,
    kind                 text        not null check (kind in ('HTTP', 'TCP', 'TLS', 'PING', 'DATABASE')),
    -- a URL for HTTP, a host for TCP, TLS and PING, a jdbc:postgresql: URL for DATABASE
    target               text        not null,
    port                 int         check (port between 1 and 65535),
    expect_status        int         check (expect_status between 100 and 599),
    body_contains        text,
    -- slower than this is a warning (HTTP, TCP, PING, DATABASE)
    slow_millis          int         check (slow_millis > 0),
    -- a certificate with fewer days left than this is a warning (TLS): the early warning before it expires
    warn_days            int         check (warn_days >= 0),
    db_user              text,
    -- the database password sealed with the installation's field key (crypto.FieldCipher), bound to this check
    db_password_sealed   bytea,
    -- the configuration item checked: its customer unit carries the incident a failure opens
    ci_id                bigint,
    ci_name              text,
    interval_seconds     int         not null check (interval_seconds between 30 and 86400),
    timeout_millis       int         not null check (timeout_millis between 100 and 30000),
    -- how many failures in a row open an incident
    failures_to_alert    int         not null check (failures_to_alert between 1 and 10),
    active               boolean     not null default true,
    next_run_at          timestamptz not null default now(),
    last_run_at          timestamptz,
    last_outcome         text        check (last_outcome in ('UP', 'WARNING', 'DOWN')),
    consecutive_failures int         not null default 0,
    -- the incident opened for the current failure, until the check recovers: one incident per failure, not per run
    open_incident_id     bigint,
    -- set when the owner was told instead (no customer unit): a failure is told once too
    failure_told         boolean     not null default false,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index inspection_check_party_idx on inspection_check (party_id, name, id);
create index inspection_check_due_idx on inspection_check (next_run_at) where active;

-- One run of a check: the time series kept for yunwei.inspections.checks.retention.
create table inspection_check_result (
    id          bigint generated always as identity primary key,
    check_id    bigint      not null references inspection_check (id),
    party_id    bigint      not null references party (id),
    ran_at      timestamptz not null,
    outcome     text        not null check (outcome in ('UP', 'WARNING', 'DOWN')),
    millis      int         not null,
    -- the message key of what was found and its values, shown in the reader's language
    detail_key  text        not null,
    detail_args jsonb       not null default '[]',
    days_left   int,
    -- OPENED when this run opened an incident, TOLD when the owner was told, RECOVERED when it ended a failure
    action      text        check (action in ('OPENED', 'TOLD', 'RECOVERED')),
    incident_id bigint
);
create index inspection_check_result_check_idx on inspection_check_result (check_id, ran_at desc, id desc);
create index inspection_check_result_party_idx on inspection_check_result (party_id, ran_at);
create index inspection_check_result_ran_idx on inspection_check_result (ran_at);
