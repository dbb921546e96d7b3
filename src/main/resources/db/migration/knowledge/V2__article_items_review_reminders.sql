-- The configuration items an article applies to (CMDB ids, checked against what the author may see when written),
-- kept with each submitted version as the services are, so that a version says exactly what was approved; and the
-- review date an owner was last reminded of, so that each review date brings one reminder.
alter table knowledge_article add column item_ids bigint[] not null default '{}';
alter table knowledge_article add column review_reminded_for date;
alter table knowledge_article_version add column service_ids bigint[] not null default '{}';
alter table knowledge_article_version add column item_ids bigint[] not null default '{}';
create index knowledge_article_review_idx on knowledge_article (review_date)
    where published_version_id is not null and status <> 'RETIRED';
