-- The modules that ask for approvals each listened to the four decision events themselves and ignored the other
-- modules' subjects (ReleaseApprovalListener, ChangeApprovalListener, ArticleApprovalListener,
-- EmergencyPlanApprovalListener, CiReviewListener, ApprovalDecisionListener); now ApprovalDecisionDelivery of this
-- module receives each event once and passes it to the subject's module. The event publication registry names a
-- listener by its class and method, so a decision still waiting for an old listener (its module failed, or the server
-- stopped first) would never be delivered: it goes on under the new name. An event that waited for several old
-- listeners waits once for the new one. The registry creates its table itself, perhaps after this runs on a new
-- database (where nothing waits).
do $$
declare
    old_listeners constant text := '^org\.yunwei\.(release\.internal\.ReleaseApprovalListener'
        || '|change\.internal\.ChangeApprovalListener|knowledge\.internal\.ArticleApprovalListener'
        || '|emergency\.internal\.EmergencyPlanApprovalListener|cmdb\.internal\.CiReviewListener'
        || '|document\.internal\.ApprovalDecisionListener)\.on\(';
    delivery constant text := 'org.yunwei.approval.internal.ApprovalDecisionDelivery.on(';
begin
    if to_regclass('event_publication') is not null then
        update event_publication
           set listener_id = regexp_replace(listener_id, old_listeners, delivery)
         where listener_id ~ old_listeners;
        delete from event_publication later
         using event_publication earlier
         where later.listener_id like delivery || '%'
           and earlier.listener_id = later.listener_id
           and earlier.event_type = later.event_type
           and earlier.serialized_event = later.serialized_event
           and earlier.completion_date is null
           and later.completion_date is null
           and earlier.id < later.id;
    end if;
end
$$;
