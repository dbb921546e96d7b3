-- The articles agents linked to tickets (知识的使用), and whether each solved the ticket's problem: the usage and
-- usefulness counts, and the coverage figures (a resolved incident with a linked article is covered). Tickets are
-- the ticket module's and referenced by id only.
create table knowledge_ticket_link (
    id         bigint generated always as identity primary key,
    ticket_id  bigint      not null,
    article_id bigint      not null references knowledge_article (id),
    solved     boolean,
    linked_by  bigint      not null references app_user (id),
    linked_at  timestamptz not null default now(),
    marked_by  bigint references app_user (id),
    marked_at  timestamptz,
    constraint knowledge_ticket_link_once unique (ticket_id, article_id)
);
create index knowledge_ticket_link_article_idx on knowledge_ticket_link (article_id);

-- The resolved incidents as the knowledge base counts them (from the ticket module's TicketResolved, and a backfill
-- of those resolved before): the denominator of coverage, by service and period, within a reader's scope.
create table knowledge_resolved_incident (
    ticket_id            bigint      primary key,
    provider_party_id    bigint,
    customer_org_unit_id bigint      not null,
    service_id           bigint,
    resolved_at          timestamptz not null
);
create index knowledge_resolved_incident_at_idx on knowledge_resolved_incident (resolved_at);

-- The compliance register counts a period's links and decided versions (6.2.2c–e) by range, never by a scan.
create index knowledge_ticket_link_at_idx on knowledge_ticket_link (linked_at);
create index knowledge_article_version_decided_idx on knowledge_article_version (decided_at);
