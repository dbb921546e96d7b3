-- The assessment-evidence register (compliance) counts work-log entries (日常工作记录, Hunan 6.1.2b) and escalations
-- (事件升级, 7.2.2c) of a period; the timeline is otherwise read per ticket only, so without this index a month's
-- count would read every entry ever written. Partial on the two kinds, small beside the whole timeline.
create index ticket_entry_evidence_idx on ticket_entry (kind, created_at)
    include (ticket_id, minutes_spent)
    where kind in ('WORK_LOG', 'ESCALATED');
