-- A category management no longer uses is retired: its documents stay, no new document is filed under it.
alter table document_category add column retired_at timestamptz;
