-- Who leads an organisation unit (负责人): approval policies name "the requester's unit lead", and an approval that
-- waits too long escalates to the approver's lead. A unit without a lead defers to the unit above it.
alter table org_unit add column lead_id bigint references app_user (id);

-- A post's holder marked absent (请假, 出差, 培训 …) from when to when, and why: the post's backup acts meanwhile.
-- These records are the 岗位备份 evidence that a backup did take over, not only a name on the post.
create table post_absence (
    id          bigint generated always as identity primary key,
    post_id     bigint      not null references post (id) on delete cascade,
    holder_id   bigint      not null references app_user (id),
    absent_from timestamptz not null,
    absent_until timestamptz not null,
    reason      text        not null,
    recorded_by bigint      not null references app_user (id),
    recorded_at timestamptz not null default now(),
    constraint post_absence_period check (absent_until > absent_from)
);
create index post_absence_post_idx on post_absence (post_id, absent_until desc);

-- Approval policies are kept by the service manager's office; anyone with a role may decide what waits for them.
insert into role (code, name, description, built_in) values
    ('APPROVAL_POLICY_ADMIN', '审批流程管理员', 'Keeps the approval policies: stages, approvers, conditions, time limits', true);

insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('APPROVAL_POLICY_ADMIN', 'APPROVAL_POLICY_MANAGE'),
    ('SYSTEM_ADMIN', 'APPROVAL_POLICY_MANAGE'),
    ('SYSTEM_ADMIN', 'POST_ABSENCE_RECORD')
) as p(code, permission) on p.code = r.code;
