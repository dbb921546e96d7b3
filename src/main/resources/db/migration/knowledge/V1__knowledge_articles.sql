-- Knowledge articles (知识): the working copy an author edits, and the versions submitted for 入库审批. Readers see
-- only the published version; a revision in draft or in review leaves the published one in place until approved.
create table knowledge_article (
    id                   bigint generated always as identity primary key,
    party_id             bigint      not null references party (id),
    org_unit_id          bigint      not null references org_unit (id),
    owner_id             bigint      not null references app_user (id),
    title                text        not null,
    body                 text        not null,
    category             text        not null,
    tags                 text[]      not null default '{}',
    service_ids          bigint[]    not null default '{}',
    visibility           text        not null check (visibility in ('INTERNAL', 'CUSTOMER')),
    review_date          date,
    status               text        not null check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'RETIRED')),
    published_version_id bigint,
    pending_version_id   bigint,
    return_reason        text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index knowledge_article_party_idx on knowledge_article (party_id, updated_at desc, id desc);

-- Every submitted revision, kept: what was approved (the content hash the approval holds for), by whose request,
-- and when it was published or why it was not.
create table knowledge_article_version (
    id                  bigint generated always as identity primary key,
    article_id          bigint      not null references knowledge_article (id),
    number              int         not null,
    title               text        not null,
    body                text        not null,
    category            text        not null,
    tags                text[]      not null,
    visibility          text        not null,
    content_hash        char(64)    not null,
    status              text        not null check (status in ('IN_REVIEW', 'PUBLISHED', 'SUPERSEDED', 'NOT_APPROVED')),
    approval_request_id bigint,
    submitted_by        bigint      not null references app_user (id),
    submitted_at        timestamptz not null default now(),
    decided_at          timestamptz,
    decision_reason     text,
    unique (article_id, number)
);
alter table knowledge_article add constraint knowledge_article_published_fk
    foreign key (published_version_id) references knowledge_article_version (id);
alter table knowledge_article add constraint knowledge_article_pending_fk
    foreign key (pending_version_id) references knowledge_article_version (id);

-- What the search index must follow: one row per change of what readers may find, numbered by a counter row that
-- each writing transaction locks until it commits, so numbers become visible in order and without gaps. The index
-- stores the last number it applied; at start it applies the rest (after a crash, a restored backup, a lost index).
-- The epoch names this database's change log: an index that recorded another epoch (a restored backup, a copied
-- data directory) is rebuilt rather than trusted.
create table knowledge_change_counter (
    id    int    primary key check (id = 1),
    last  bigint not null,
    epoch text   not null default gen_random_uuid()::text
);
insert into knowledge_change_counter (id, last) values (1, 0);

create table knowledge_change (
    seq        bigint      primary key,
    article_id bigint      not null references knowledge_article (id),
    changed_at timestamptz not null default now()
);
