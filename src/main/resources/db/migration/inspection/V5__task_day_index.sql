-- The monthly report of management and supervision counts every party's tasks of the month: by the day, without a
-- party (the party's reports use inspection_task_party_idx).
create index inspection_task_day_idx on inspection_task (scheduled_on);
