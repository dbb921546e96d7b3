-- A post's backup stands in for the holder seated when the stage started, not for whoever holds the post later:
-- the approvers of a stage are fixed when it starts and a change in the directory does not move them.
alter table approval_assignment add column stands_in_for bigint;

update approval_assignment b set stands_in_for = h.approver_id
from approval_assignment h
where b.via = 'POST_BACKUP' and h.via = 'POST_HOLDER' and h.request_id = b.request_id
  and h.stage_position = b.stage_position and h.post_id = b.post_id;

-- the register counts a period's requests of a subject type (7.1.2b service reports, 7.7.2c security assessments)
create index approval_request_type_time_idx on approval_request (subject_type, requested_at);
