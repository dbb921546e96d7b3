-- The automated checks' runs counted per hour and party, so that the evidence register (CheckEvidence: 10.1.2a,
-- 10.2.2c, 10.3.2b) reads a month as a few thousand rows instead of counting every run of it: a check every
-- 30 seconds is 86,400 runs a month, and the city's month of runs took seconds to count (docs/performance.md,
-- "The register's sources one by one").
--
-- An hour is an instant on a whole UTC hour, so that the rows serve a period of days in any zone: a zone whose
-- offset is not whole hours counts its period's partial first and last hour from the runs themselves. The rows
-- follow the runs in the statement that writes or purges them (the triggers below): a reader's figures are exact,
-- and runs purged after the retention take their hours' counts with them.
create table inspection_check_hour (
    hour      timestamptz not null,
    party_id  bigint      not null,
    runs      bigint      not null,
    failures  bigint      not null,
    warnings  bigint      not null,
    opened    bigint      not null,
    told      bigint      not null,
    -- RECOVERED or RESOLVED: the alarm ended by itself
    recovered bigint      not null,
    resolved  bigint      not null,
    primary key (hour, party_id)
);
create index inspection_check_hour_party_idx on inspection_check_hour (party_id, hour);

create function inspection_check_hour_of(ran_at timestamptz) returns timestamptz language sql immutable parallel safe
    as $$ select to_timestamp(floor(extract(epoch from ran_at) / 3600) * 3600) $$;

insert into inspection_check_hour (hour, party_id, runs, failures, warnings, opened, told, recovered, resolved)
select inspection_check_hour_of(ran_at), party_id, count(*), count(*) filter (where outcome = 'DOWN'),
       count(*) filter (where outcome = 'WARNING'), count(*) filter (where action = 'OPENED'),
       count(*) filter (where action = 'TOLD'), count(*) filter (where action in ('RECOVERED', 'RESOLVED')),
       count(*) filter (where action = 'RESOLVED')
from inspection_check_result group by 1, 2;

-- per statement, so that the generator's COPY of a week of runs and the purge's batches count once per hour
create function inspection_check_hour_inserted() returns trigger language plpgsql as $$
begin
    insert into inspection_check_hour as h (hour, party_id, runs, failures, warnings, opened, told, recovered, resolved)
    select inspection_check_hour_of(ran_at), party_id, count(*), count(*) filter (where outcome = 'DOWN'),
           count(*) filter (where outcome = 'WARNING'), count(*) filter (where action = 'OPENED'),
           count(*) filter (where action = 'TOLD'), count(*) filter (where action in ('RECOVERED', 'RESOLVED')),
           count(*) filter (where action = 'RESOLVED')
    from inserted group by 1, 2 order by 1, 2
    on conflict (hour, party_id) do update set runs = h.runs + excluded.runs, failures = h.failures + excluded.failures,
        warnings = h.warnings + excluded.warnings, opened = h.opened + excluded.opened, told = h.told + excluded.told,
        recovered = h.recovered + excluded.recovered, resolved = h.resolved + excluded.resolved;
    return null;
end $$;

create function inspection_check_hour_deleted() returns trigger language plpgsql as $$
begin
    with gone as (
        select inspection_check_hour_of(ran_at) as hour, party_id, count(*) as runs,
               count(*) filter (where outcome = 'DOWN') as failures, count(*) filter (where outcome = 'WARNING') as warnings,
               count(*) filter (where action = 'OPENED') as opened, count(*) filter (where action = 'TOLD') as told,
               count(*) filter (where action in ('RECOVERED', 'RESOLVED')) as recovered,
               count(*) filter (where action = 'RESOLVED') as resolved
        from deleted group by 1, 2)
    update inspection_check_hour h set runs = h.runs - g.runs, failures = h.failures - g.failures,
        warnings = h.warnings - g.warnings, opened = h.opened - g.opened, told = h.told - g.told,
        recovered = h.recovered - g.recovered, resolved = h.resolved - g.resolved
    from gone g where h.hour = g.hour and h.party_id = g.party_id;
    delete from inspection_check_hour h
    where h.runs = 0 and (h.hour, h.party_id) in (select inspection_check_hour_of(ran_at), party_id from deleted);
    return null;
end $$;

-- a run's counted columns (time, party, outcome, action) are not changed once written; should one be, its hour follows
create function inspection_check_hour_updated() returns trigger language plpgsql as $$
begin
    with moved as (
        select inspection_check_hour_of(ran_at) as hour, party_id, -1 as sign, outcome, action from old_runs
        union all
        select inspection_check_hour_of(ran_at), party_id, 1, outcome, action from new_runs)
    insert into inspection_check_hour as h (hour, party_id, runs, failures, warnings, opened, told, recovered, resolved)
    select hour, party_id, sum(sign), sum(case when outcome = 'DOWN' then sign else 0 end),
           sum(case when outcome = 'WARNING' then sign else 0 end), sum(case when action = 'OPENED' then sign else 0 end),
           sum(case when action = 'TOLD' then sign else 0 end),
           sum(case when action in ('RECOVERED', 'RESOLVED') then sign else 0 end),
           sum(case when action = 'RESOLVED' then sign else 0 end)
    from moved group by 1, 2 order by 1, 2
    on conflict (hour, party_id) do update set runs = h.runs + excluded.runs, failures = h.failures + excluded.failures,
        warnings = h.warnings + excluded.warnings, opened = h.opened + excluded.opened, told = h.told + excluded.told,
        recovered = h.recovered + excluded.recovered, resolved = h.resolved + excluded.resolved;
    return null;
end $$;

create trigger inspection_check_hour_inserted after insert on inspection_check_result
    referencing new table as inserted for each statement execute function inspection_check_hour_inserted();
create trigger inspection_check_hour_deleted after delete on inspection_check_result
    referencing old table as deleted for each statement execute function inspection_check_hour_deleted();
create trigger inspection_check_hour_updated after update on inspection_check_result
    referencing old table as old_runs new table as new_runs for each statement execute function inspection_check_hour_updated();

-- truncated runs take their counts with them
create function inspection_check_hour_truncated() returns trigger language plpgsql as $$
begin
    delete from inspection_check_hour;
    return null;
end $$;
create trigger inspection_check_hour_truncated after truncate on inspection_check_result
    for each statement execute function inspection_check_hour_truncated();

-- the register's latest alarms of a period (opened, told, recovered: a run in hundreds) without reading the others
create index inspection_check_result_action_idx on inspection_check_result (ran_at desc, id desc) where action is not null;

-- the register's latest inspections submitted in a period (InspectionEvidence), without reading every task
create index inspection_task_submitted_idx on inspection_task (submitted_at) where status = 'DONE';
