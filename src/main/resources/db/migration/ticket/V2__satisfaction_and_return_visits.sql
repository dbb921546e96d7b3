-- Satisfaction (满意度) and return visits (回访, Hunan 6.1.1e, 6.1.2e; GZ 6.4.6).

-- The customer's rating of a resolved ticket: one per ticket and final (see SatisfactionSurvey).
create table ticket_rating (
    ticket_id           bigint      primary key references ticket (id),
    score               smallint    not null check (score between 1 and 5),
    comment             text        check (comment is null or char_length(comment) <= 2000),
    rated_by_user_id    bigint      not null,
    rated_by_name       text        not null,
    rated_at            timestamptz not null,
    -- the ticket a low rating opened (or joined) for the service desk to follow up
    follow_up_ticket_id bigint references ticket (id)
);
-- satisfaction figures per period
create index ticket_rating_rated_idx on ticket_rating (rated_at);

-- A return-visit call by the service desk; a ticket may have several (an unreachable customer is called again).
create table ticket_return_visit (
    id                  bigint generated always as identity primary key,
    ticket_id           bigint      not null references ticket (id),
    called_by_user_id   bigint      not null,
    called_by_name      text        not null,
    called_at           timestamptz not null,
    contact             text        not null,
    result              text        not null check (result in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED',
                                                               'UNREACHABLE')),
    comment             text,
    follow_up           text,
    follow_up_ticket_id bigint references ticket (id)
);
create index ticket_return_visit_ticket_idx on ticket_return_visit (ticket_id, id);
create index ticket_return_visit_called_idx on ticket_return_visit (called_at);

-- the return-visit worklist: resolved and closed tickets, newest resolution first, for everyone or one provider
create index ticket_feedback_resolved_idx on ticket (resolved_at desc, id desc)
    where status in ('RESOLVED', 'CLOSED');
create index ticket_feedback_provider_resolved_idx on ticket (provider_party_id, resolved_at desc, id desc)
    where status in ('RESOLVED', 'CLOSED');
