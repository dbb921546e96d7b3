-- The scheduler's queue of deadlines, apart from the clock rows. Each tick moves next_deadline of every clock it
-- touches; while next_deadline was indexed on sla_clock, every such update was a new row version in each of the
-- table's five indexes. Here the moving value is indexed in a narrow table of its own (two indexes), and the
-- sla_clock update changes no indexed column, so PostgreSQL updates the row in place on its page (a HOT update)
-- when the page has room: hence the fill factor. sla_clock.next_deadline stays, as the row's own account.
create table sla_clock_due (
    clock_id      bigint      primary key references sla_clock (id),
    -- the clock's next_deadline; a row exists exactly while the clock runs and has a deadline to come
    next_deadline timestamptz not null
);
create index sla_clock_due_deadline_idx on sla_clock_due (next_deadline);

insert into sla_clock_due (clock_id, next_deadline)
select id, next_deadline from sla_clock where state = 'RUNNING' and next_deadline is not null;

drop index sla_clock_due_idx;

-- room on each page for updated row versions (rows written from now on; existing pages fill up as rows move)
alter table sla_clock set (fillfactor = 80);
alter table sla_clock_due set (fillfactor = 80);
