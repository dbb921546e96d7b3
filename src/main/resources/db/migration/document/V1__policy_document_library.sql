-- The policy and document library (制度与文档库): categories the Hunan standard's key assessment items name, documents
-- with owner, applicable parties and units, effective and review dates, their versions (an uploaded file or rich
-- text), who must confirm having read a published version (阅知确认) and who has, and the responsibility statement
-- (岗位职责说明书) of each post.

create table document_category (
    id                 bigint generated always as identity primary key,
    -- the built-in categories carry a code (their name is in the bundles); those administrators add carry a name
    code               text unique,
    name               text,
    -- the key assessment items a current document of this category evidences, e.g. '6.1.2a'
    items              text[]      not null default '{}',
    approval_policy_id bigint,
    built_in           boolean     not null default false,
    created_at         timestamptz not null default now(),
    constraint document_category_named check (code is not null or name is not null)
);
create unique index document_category_name_unique on document_category (lower(name)) where name is not null;

insert into document_category (code, items, built_in) values
    ('SERVICE_DESK', '{6.1.2a}', true),
    ('KNOWLEDGE', '{6.2.2a}', true),
    ('CONFIGURATION', '{7.4.2a}', true),
    ('RELEASE', '{7.6.2a}', true),
    ('CHANGE', '{}', true),
    ('PROBLEM', '{}', true),
    ('EMERGENCY', '{}', true),
    ('SECURITY', '{7.7.2d}', true),
    ('CONDUCT', '{4.4.2a}', true),
    ('MACHINE_ROOM', '{4.4.2c}', true),
    ('CONFIDENTIALITY', '{}', true),
    ('POST_BACKUP', '{5.3.2c}', true),
    ('POST_DUTIES', '{5.3.2b}', true);

create table document (
    id                 bigint generated always as identity primary key,
    category_id        bigint      not null references document_category (id),
    title              text        not null,
    owner_id           bigint      not null,
    -- the party that keeps the document (its owner's when it was made): a provider manages its own
    party_id           bigint      not null,
    summary            text        not null default '',
    review_date        date,
    effective_date     date,
    current_version_id bigint,
    -- the review date a reminder was last sent for: a reminder goes once per review date
    review_reminded    date,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index document_category_idx on document (category_id, current_version_id);
create index document_review_idx on document (review_date) where current_version_id is not null;
create index document_title_trgm_idx on document (lower(title) text_pattern_ops);

-- the parties and units a document applies to; none: it applies to its own party alone
create table document_scope (
    document_id bigint not null references document (id) on delete cascade,
    party_id    bigint,
    org_unit_id bigint,
    constraint document_scope_one check ((party_id is null) <> (org_unit_id is null))
);
create unique index document_scope_unique on document_scope (document_id, coalesce(party_id, 0), coalesce(org_unit_id, 0));
create index document_scope_party_idx on document_scope (party_id) where party_id is not null;
create index document_scope_unit_idx on document_scope (org_unit_id) where org_unit_id is not null;

create table document_version (
    id                  bigint generated always as identity primary key,
    document_id         bigint      not null references document (id),
    number              integer     not null,
    -- DRAFT, PENDING (approval under way), PUBLISHED (current), SUPERSEDED (an older published version)
    status              text        not null check (status in ('DRAFT', 'PENDING', 'PUBLISHED', 'SUPERSEDED')),
    kind                text        not null check (kind in ('FILE', 'TEXT')),
    filename            text,
    content_type        text,
    size_bytes          bigint,
    content             bytea,
    body                text,
    sha256              text        not null,
    internal            boolean     not null default false,
    change_note         text        not null default '',
    effective_date      date,
    -- why the last approval did not grant it (rejected, returned, withdrawn), shown beside the draft
    reason              text,
    -- how the last approval ended when it did not grant it: REJECTED, RETURNED or WITHDRAWN
    declined            text check (declined in ('REJECTED', 'RETURNED', 'WITHDRAWN')),
    approval_request_id bigint,
    created_by          bigint      not null,
    created_by_name     text        not null,
    created_at          timestamptz not null default now(),
    published_at        timestamptz,
    constraint document_version_number_unique unique (document_id, number),
    constraint document_version_content check ((kind = 'FILE') = (content is not null) and (kind = 'TEXT') = (body is not null))
);

alter table document add constraint document_current_version_fk foreign key (current_version_id)
    references document_version (id);

-- who must confirm having read a published version: named people, holders of a role, members of a unit
create table document_reader (
    version_id  bigint not null references document_version (id),
    user_id     bigint,
    role_code   text,
    org_unit_id bigint,
    constraint document_reader_one check (num_nonnulls(user_id, role_code, org_unit_id) = 1)
);
create unique index document_reader_unique on document_reader (version_id, coalesce(user_id, 0), coalesce(role_code, ''), coalesce(org_unit_id, 0));

-- the people a version asks to confirm, resolved when it asked, and when they confirmed
create table document_acknowledgement (
    version_id      bigint      not null references document_version (id),
    user_id         bigint      not null,
    asked_at        timestamptz not null default now(),
    acknowledged_at timestamptz,
    reminded_at     timestamptz,
    primary key (version_id, user_id)
);
create index document_acknowledgement_open_idx on document_acknowledgement (user_id) where acknowledged_at is null;

-- the responsibility statement (岗位职责说明书) of a post of identity's
create table document_post_statement (
    post_id     bigint primary key,
    document_id bigint not null references document (id)
);
