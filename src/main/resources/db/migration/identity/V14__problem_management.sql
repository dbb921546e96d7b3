-- Problem management (问题管理, problem module): PROBLEM_READ reads the problems of one's scope (a provider its own,
-- management and supervision every party's; customers none: a problem is the service side's root-cause work);
-- PROBLEM_RECORD records a problem (问题收集表) and links incidents to it; PROBLEM_ANALYSE records the root cause, the
-- emergency plan, the solution and implementation plans and the known error, starts the work and resolves;
-- PROBLEM_CLOSE closes (which proposes a knowledge article) or cancels. A new built-in role, the problem manager
-- (问题经理), holds them all and writes knowledge, since closing proposes an article.
insert into role (code, name, description, built_in) values
    ('PROBLEM_MANAGER', '问题经理', 'Problems: root cause, plans, known errors, closing', true)
on conflict (code) do nothing;

insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('PROBLEM_MANAGER', 'PROBLEM_READ'), ('PROBLEM_MANAGER', 'PROBLEM_RECORD'),
    ('PROBLEM_MANAGER', 'PROBLEM_ANALYSE'), ('PROBLEM_MANAGER', 'PROBLEM_CLOSE'),
    ('PROBLEM_MANAGER', 'KNOWLEDGE_MANAGE'),
    ('SERVICE_DESK_AGENT', 'PROBLEM_READ'), ('SERVICE_DESK_AGENT', 'PROBLEM_RECORD'),
    ('SERVICE_DESK_MANAGER', 'PROBLEM_READ'), ('SERVICE_DESK_MANAGER', 'PROBLEM_RECORD'),
    ('SERVICE_DESK_MANAGER', 'PROBLEM_ANALYSE'), ('SERVICE_DESK_MANAGER', 'PROBLEM_CLOSE'),
    ('SERVICE_MANAGER', 'PROBLEM_READ'), ('SERVICE_MANAGER', 'PROBLEM_RECORD'),
    ('SERVICE_MANAGER', 'PROBLEM_ANALYSE'), ('SERVICE_MANAGER', 'PROBLEM_CLOSE'),
    ('SUPERVISOR', 'PROBLEM_READ')
) as p(code, permission) on p.code = r.code
on conflict do nothing;
