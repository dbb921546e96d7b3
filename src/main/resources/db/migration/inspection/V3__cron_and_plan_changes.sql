-- Cron schedules for plans, and plans changed in place: a target taken out of a plan is kept (its tasks point at it)
-- but marked removed, so that it makes no more tasks.
alter table inspection_plan drop constraint inspection_plan_frequency_check;
alter table inspection_plan add constraint inspection_plan_frequency_check
    check (frequency in ('DAILY', 'WEEKLY', 'MONTHLY', 'CRON'));
-- five fields (minute hour day-of-month month day-of-week); the days it fires on are the inspection days
alter table inspection_plan add column cron text;
alter table inspection_plan add constraint inspection_plan_cron_check check ((frequency = 'CRON') = (cron is not null));
alter table inspection_plan_target add column removed boolean not null default false;
