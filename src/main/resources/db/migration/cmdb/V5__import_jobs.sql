-- Imports that run in the background: who started which, how far they got, and their report when done, so that the
-- page that shows the progress may be left and come back to, on any node of a cluster.
create table ci_import_job (
    id                bigserial primary key,
    class_id          bigint not null references ci_class (id),
    requested_by_id   bigint,
    requested_by_name varchar(200) not null,
    valid_rows_only   boolean not null,
    state             varchar(20) not null default 'RUNNING' check (state in ('RUNNING', 'DONE', 'FAILED')),
    rows_total        int,
    rows_checked      int not null default 0,
    report            jsonb,
    problem           varchar(200),
    started_at        timestamptz not null default now(),
    finished_at       timestamptz
);
create index ci_import_job_requester_idx on ci_import_job (requested_by_id, id desc);
