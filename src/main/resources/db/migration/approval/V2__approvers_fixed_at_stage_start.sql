-- A post's backup stands in for the holder seated when the stage started, not for whoever holds the post later:
-- the approvers of a stage are fixed when it starts and a change in the directory does not move them.
alter table approval_assignment add column stands_in_for bigint;

update approval_assignment b set stands_in_for = h.approver_id
from approval_assignment h
where b.via = 'POST_BACKUP' and h.via = 'POST_HOLDER' and h.request_id = b.request_id
  and h.stage_position = b.stage_position and h.post_id = b.post_id;
