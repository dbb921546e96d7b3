-- SLA clocks: one per object and kind (the response or resolution clock of ticket 123). The row is a projection of
-- the clock's history in sla_clock_event, rebuilt from it after a calendar or SLA correction ("repair"); the
-- scheduler reads only the row.
create table sla_clock (
    id               bigint generated always as identity primary key,
    subject_type     text        not null,
    subject_id       text        not null,
    kind             text        not null check (kind in ('RESPONSE', 'RESOLUTION')),
    -- a service level agreement (service_level_agreement.id); null when the target came from elsewhere
    agreement_id     bigint,
    priority         text        not null,
    -- a business calendar; null: the default calendar
    calendar_id      bigint references business_calendar (id),
    basis            text        not null check (basis in ('BUSINESS', 'CALENDAR')),
    target_seconds   bigint      not null check (target_seconds >= 0),
    -- warning thresholds in percent of the target, increasing, each below 100
    thresholds       integer[]   not null,
    state            text        not null check (state in ('RUNNING', 'PAUSED', 'STOPPED')),
    started_at       timestamptz not null,
    -- null while paused: the due time then depends on when the clock runs again
    due_at           timestamptz,
    -- the earliest threshold or breach instant not yet fired; null when none is left or the clock is not running
    next_deadline    timestamptz,
    -- the percent next_deadline belongs to; 100 is the breach
    next_threshold   integer,
    fired_thresholds integer[]   not null default '{}',
    breached         boolean     not null default false,
    stopped_at       timestamptz,
    version          integer     not null default 0,
    constraint sla_clock_subject_unique unique (subject_type, subject_id, kind),
    constraint sla_clock_deadline_when_running check (state = 'RUNNING' or next_deadline is null)
);
-- the scheduler's only query: due running clocks, earliest first. Partial, so that it grows with running clocks only
-- and a tick costs in proportion to the clocks that are due.
create index sla_clock_due_idx on sla_clock (next_deadline) where state = 'RUNNING';
create index sla_clock_calendar_idx on sla_clock (calendar_id, id);

-- The history of every clock, append-only: what happened (started, paused, ...) and what the engine raised
-- (thresholds, breach). A clock's state is derived from it.
create table sla_clock_event (
    clock_id    bigint      not null references sla_clock (id),
    seq         integer     not null,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null default now(),
    type        text        not null check (type in ('STARTED', 'PAUSED', 'RESUMED', 'STOPPED', 'TARGET_CHANGED',
                                                     'THRESHOLD_REACHED', 'BREACHED', 'REPAIRED')),
    details     jsonb       not null default '{}',
    primary key (clock_id, seq)
);
-- a threshold or the breach is raised once per clock, whatever the scheduler does: the last line of defence for
-- "exactly once" next to the row lock
create unique index sla_clock_event_fired_once on sla_clock_event (clock_id, ((details ->> 'percent')::integer))
    where type in ('THRESHOLD_REACHED', 'BREACHED');
