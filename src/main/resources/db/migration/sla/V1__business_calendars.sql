-- Business calendars (工作日历): working hours per weekday, time zone, public holidays and make-up workdays (调休).
create table business_calendar (
    id                bigint generated always as identity primary key,
    code              text        not null,
    name              text        not null,
    zone_id           text        not null,
    -- weekday (MONDAY..SUNDAY) to a list of intervals such as "09:00-12:00"; a missing weekday is closed
    working_hours     jsonb       not null,
    -- a 7×24 calendar counts every instant and ignores its days
    twenty_four_seven boolean     not null default false,
    is_default        boolean     not null default false,
    enabled           boolean     not null default true,
    -- raised by every change, of the calendar or of its days: optimistic locking and the facade's cache key
    version           integer     not null default 0,
    created_at        timestamptz not null default now(),
    constraint business_calendar_code_unique unique (code)
);
-- at most one default calendar
create unique index business_calendar_default_idx on business_calendar (is_default) where is_default;

-- Each calendar owns its list of holidays and make-up workdays; the default calendar starts with the national one.
create table business_calendar_day (
    calendar_id bigint not null references business_calendar (id) on delete cascade,
    day         date   not null,
    kind        text   not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name        text   not null default '',
    primary key (calendar_id, day)
);
