-- Knowledge articles are written and submitted for 入库审批 by the service desk and the service manager's office;
-- reading needs no permission (customers read the articles published for them, staff the internal ones too).
insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('SERVICE_DESK_AGENT', 'KNOWLEDGE_MANAGE'),
    ('SERVICE_DESK_MANAGER', 'KNOWLEDGE_MANAGE'),
    ('SERVICE_MANAGER', 'KNOWLEDGE_MANAGE')
) as p(code, permission) on p.code = r.code;
