-- Emergency reports kept as documents (issue 20, item 2 and 3): the fault report (故障报告) and the post-event report
-- (事后总结报告) of an event, the drill report (应急演练报告) of a drill. A report is drafted from the timeline, its
-- sections are edited (each save a version in the history: who, when, which sections), it is submitted for approval
-- at its content hash, and once granted it is issued and frozen (the approvers and the date are kept). The times and
-- the timeline it prints stay derived from the event or drill and are not stored here.
create table emergency_report (
    id                  bigint generated always as identity primary key,
    kind                text        not null check (kind in ('FAULT', 'POST_EVENT', 'DRILL')),
    event_id            bigint      references emergency_event (id),
    drill_id            bigint      references emergency_drill (id),
    party_id            bigint      not null references party (id),
    org_unit_id         bigint      not null references org_unit (id),
    status              text        not null check (status in ('DRAFT', 'IN_REVIEW', 'ISSUED')),
    -- the sections' text by key (cause, scope, process …), always read and written whole
    sections            jsonb       not null,
    content_hash        text        not null,
    revision            integer     not null,
    approval_request_id bigint,
    return_reason       text,
    -- the people who approved it, in the order they decided, and when it was issued
    approved_by         jsonb,
    issued_at           timestamptz,
    created_by          bigint      not null references app_user (id),
    created_at          timestamptz not null default now(),
    constraint emergency_report_subject check ((kind = 'DRILL' and drill_id is not null and event_id is null)
        or (kind <> 'DRILL' and event_id is not null and drill_id is null)),
    constraint emergency_report_event_once unique (event_id, kind),
    constraint emergency_report_drill_once unique (drill_id)
);

create table emergency_report_history (
    id          bigint generated always as identity primary key,
    report_id   bigint      not null references emergency_report (id),
    at          timestamptz not null default clock_timestamp(),
    -- who acted; for a decision of the approval module, the person who decided (null when not known)
    actor_id    bigint      references app_user (id),
    action      text        not null check (action in ('DRAFTED', 'EDITED', 'SUBMITTED', 'WITHDRAWN', 'APPROVED',
                                                       'REJECTED', 'RETURNED')),
    revision    integer     not null,
    -- the keys of the sections this save changed (DRAFTED and EDITED)
    changed     jsonb,
    -- the sections as saved (DRAFTED and EDITED): the version's text
    sections    jsonb,
    reason      text
);
create index emergency_report_history_report_idx on emergency_report_history (report_id, id);
