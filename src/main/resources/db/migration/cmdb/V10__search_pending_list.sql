-- Search as you type (issue 16): the grams index of search_text is a GIN index, whose new entries wait in a pending
-- list that every search reads in full until VACUUM, an autovacuum's ANALYZE or an overflowing insert merges it. By
-- default the list grows to 4 MB: after an import (or the benchmark's fill) each search read ~465 pending pages, 60-90
-- ms, where the merged index answers from ~25 pages in about a millisecond. A list of at most 128 kB keeps the
-- batching of inserts and bounds what a search reads (docs/performance.md, CMDB).
alter index configuration_item_search_idx set (gin_pending_list_limit = 128);
select gin_clean_pending_list('configuration_item_search_idx');
