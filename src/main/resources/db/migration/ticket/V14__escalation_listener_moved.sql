-- TicketEscalation moved to org.yunwei.ticket.internal.work when the ticket internals were split by capability. The
-- event publication registry names a listener by its class and method, so an SLA warning or breach still waiting for
-- it under the old name would never be delivered to it: it goes on under the new name. The registry creates its
-- table itself, perhaps after this runs on a new database (where nothing waits).
do $$
begin
    if to_regclass('event_publication') is not null then
        update event_publication
           set listener_id = replace(listener_id, 'org.yunwei.ticket.internal.TicketEscalation.',
                                     'org.yunwei.ticket.internal.work.TicketEscalation.')
         where listener_id like 'org.yunwei.ticket.internal.TicketEscalation.%';
    end if;
end
$$;
