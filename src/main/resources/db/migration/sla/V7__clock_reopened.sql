-- A stopped clock may run again when the work it measured is reopened (decision 0002): a ticket's resolution clock
-- stops at resolution, so that the resolution counts in the period it was given, and runs again on reopening.
alter table sla_clock_event drop constraint sla_clock_event_type_check;
alter table sla_clock_event add constraint sla_clock_event_type_check check (type in ('STARTED', 'PAUSED', 'RESUMED',
    'STOPPED', 'REOPENED', 'TARGET_CHANGED', 'THRESHOLD_REACHED', 'BREACHED', 'REPAIRED'));
