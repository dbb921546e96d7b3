-- Tickets counted per day (the dashboard's tickets created by type, priority, category, customer, service, channel and
-- status, and those resolved and closed), kept so that a period is a read of a few thousand rows instead of an
-- aggregation of every ticket of it (docs/performance.md, "Ticket statistics: the daily rollup").
--
-- Every write to a ticket's counted columns appends its change here: +1 for the new values, -1 for the old ones.
-- Appending never waits for another transaction, so a creation does not queue behind the day's counters;
-- TicketVolumeFolding moves the changes into ticket_volume_day once a second, and a reader adds the changes not yet
-- folded to the day rows in one statement, so its figures are exact whenever it reads.
create table ticket_volume_change (
    created_at           timestamptz not null,
    provider_party_id    bigint,
    customer_org_unit_id bigint      not null,
    type                 text        not null,
    priority             text        not null,
    category             text,
    service_id           bigint,
    channel              text        not null,
    status               text        not null,
    resolved_at          timestamptz,
    closed_at            timestamptz,
    tickets              integer     not null
);

-- The tickets of one provider created on a day (in the service desk's zone, ticket_volume_rollup.zone) that have one
-- value of one dimension (key null for "none", as the statistics' tallies say it); and, without a key, those resolved
-- and closed on the day. Dimensions (TicketVolumeRollup.CODES): 1 type, 2 priority, 3 category, 4 customer unit,
-- 5 service, 6 channel, 7 status; 8 resolved, 9 closed.
create table ticket_volume_day (
    day               date     not null,
    provider_party_id bigint,
    dimension         smallint not null,
    key               text,
    tickets           bigint   not null
);
create unique index ticket_volume_day_unique on ticket_volume_day (day, provider_party_id, dimension, key)
    nulls not distinct;

-- The zone the day rows were counted in. No row: the day rows are not built yet, and readers count the tickets
-- themselves until TicketVolumeFolding has built them (at the first start after this migration, or after the zone
-- was changed).
create table ticket_volume_rollup (
    zone     text        not null,
    built_at timestamptz not null
);

create function ticket_volume_inserted() returns trigger language plpgsql as $$
begin
    insert into ticket_volume_change
    select created_at, provider_party_id, customer_org_unit_id, type, priority, category, service_id, channel,
           status, resolved_at, closed_at, 1
    from inserted;
    return null;
end $$;

create function ticket_volume_deleted() returns trigger language plpgsql as $$
begin
    insert into ticket_volume_change
    select created_at, provider_party_id, customer_org_unit_id, type, priority, category, service_id, channel,
           status, resolved_at, closed_at, -1
    from deleted;
    return null;
end $$;

create function ticket_volume_updated() returns trigger language plpgsql as $$
begin
    insert into ticket_volume_change values
        (old.created_at, old.provider_party_id, old.customer_org_unit_id, old.type, old.priority, old.category,
         old.service_id, old.channel, old.status, old.resolved_at, old.closed_at, -1),
        (new.created_at, new.provider_party_id, new.customer_org_unit_id, new.type, new.priority, new.category,
         new.service_id, new.channel, new.status, new.resolved_at, new.closed_at, 1);
    return null;
end $$;

-- per statement for inserts and deletes, so that the generator's COPY of 50,000 tickets appends its changes at once
create trigger ticket_volume_inserted after insert on ticket referencing new table as inserted
    for each statement execute function ticket_volume_inserted();
create trigger ticket_volume_deleted after delete on ticket referencing old table as deleted
    for each statement execute function ticket_volume_deleted();
-- per row for updates, and only when a counted column changed: most updates (due times, breaches, assignees) do not
create trigger ticket_volume_updated after update on ticket for each row
    when ((old.created_at, old.provider_party_id, old.customer_org_unit_id, old.type, old.priority, old.category,
           old.service_id, old.channel, old.status, old.resolved_at, old.closed_at)
          is distinct from (new.created_at, new.provider_party_id, new.customer_org_unit_id, new.type, new.priority,
           new.category, new.service_id, new.channel, new.status, new.resolved_at, new.closed_at))
    execute function ticket_volume_updated();

-- a truncated ticket table takes its counts with it: readers count the tickets themselves until the rollup is rebuilt
create function ticket_volume_truncated() returns trigger language plpgsql as $$
begin
    delete from ticket_volume_rollup;
    delete from ticket_volume_day;
    delete from ticket_volume_change;
    return null;
end $$;
create trigger ticket_volume_truncated after truncate on ticket
    for each statement execute function ticket_volume_truncated();
