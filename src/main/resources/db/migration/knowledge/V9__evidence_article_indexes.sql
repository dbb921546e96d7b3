-- The evidence register's figures of the articles in force (KnowledgeEvidence, 6.2.2b/c): every published article
-- not retired, those readable by customers and those past their review date, counted from indexes alone instead of
-- joining every article to every version (580 ms on the city's 100,000 articles: docs/performance.md, "The
-- register's sources one by one"); and the articles retired in a period, which read the whole list's index before.
create index knowledge_article_in_force_idx on knowledge_article (published_version_id) include (party_id, review_date)
    where published_version_id is not null and status <> 'RETIRED';
create index knowledge_article_version_customer_idx on knowledge_article_version (id) where visibility = 'CUSTOMER';
create index knowledge_article_retired_idx on knowledge_article (updated_at) include (party_id) where status = 'RETIRED';
