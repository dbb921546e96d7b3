-- The evidence register's gaps of 7.5.2d (ChangeEvidence): changes implemented without an approval, and implemented
-- changes still without their review a week after they ended. Both are a few hundred among tens of thousands of
-- changes, and without these partial indexes each count read every change (290 and 240 ms on the city's 50,000:
-- docs/performance.md, "The register's sources one by one").
create index change_request_unapproved_started on change_request (provider_party_id)
    where actual_start is not null and approved_at is null;
create index change_request_implemented_ended on change_request (actual_end, provider_party_id)
    where status = 'IMPLEMENTED';
