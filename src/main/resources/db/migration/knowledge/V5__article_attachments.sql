-- Files attached to an article (附件: a wiring diagram, a driver's manual). Each is internal (its party's staff and
-- supervision alone) or for whoever reads the article; the bytes are kept here with their SHA-256 and the name the
-- uploader gave, cleaned, and the type comes from the extension the bytes proved.
create table knowledge_attachment (
    id           bigint generated always as identity primary key,
    article_id   bigint      not null references knowledge_article (id),
    filename     text        not null,
    content_type text        not null,
    size_bytes   int         not null check (size_bytes > 0),
    sha256       text        not null,
    content      bytea       not null,
    internal     boolean     not null,
    uploaded_by  bigint      not null references app_user (id),
    uploaded_at  timestamptz not null default now()
);
create index knowledge_attachment_article_idx on knowledge_attachment (article_id, id);
