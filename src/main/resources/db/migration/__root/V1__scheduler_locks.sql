-- ShedLock: a scheduled job runs on one node of a cluster at a time. The times are UTC wall times without a zone:
-- ShedLock's database-time mode writes and compares timezone('utc', now()), which a timestamptz column would
-- reinterpret in each session's zone (Asia/Shanghai here), skewing the lock by hours between nodes in other zones.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
