-- Statistics by assignee (Hunan 5.4.2 c; docs/ticket-statistics.md, "By assignee"): which of the tickets resolved in
-- a period had been reopened. A reopening is a timeline entry changing the status from RESOLVED back to work; these
-- are a few percent of the tickets, so a partial index of them alone stays tiny. Without it every resolved ticket's
-- timeline was read to find none (EXPLAIN on 100,000 generated tickets, 950,000 entries, a month of 4,215 resolved:
-- a parallel sequential scan of ticket_entry, 250 ms of the query's 490 ms; with it 1 ms). The query
-- (AssigneeTimeliness.REOPEN) repeats this condition word for word so that the planner matches it.
create index ticket_entry_reopen_idx on ticket_entry (ticket_id)
    where kind = 'STATUS_CHANGED' and (details -> 'status' ->> 'from') = 'RESOLVED'
      and (details -> 'status' ->> 'to') <> 'CLOSED';
