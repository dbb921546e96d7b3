-- Emergency response (应急管理, emergency module): EMERGENCY_READ reads the plan library and the emergency events;
-- EMERGENCY_MANAGE writes plans (应急预案) and submits them for approval; EMERGENCY_RESPOND declares emergency events
-- and records their steps. A new built-in role, the emergency manager (应急管理员), holds all three; the service desk
-- responds (an agent is the first to see a major incident), its manager and management's service level manager also
-- keep the plans; supervision reads.
insert into role (code, name, description, built_in) values
    ('EMERGENCY_MANAGER', '应急管理员', 'Emergency plans, emergency events and their response', true)
on conflict (code) do nothing;

insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('EMERGENCY_MANAGER', 'EMERGENCY_READ'), ('EMERGENCY_MANAGER', 'EMERGENCY_MANAGE'),
    ('EMERGENCY_MANAGER', 'EMERGENCY_RESPOND'),
    ('SERVICE_DESK_AGENT', 'EMERGENCY_READ'), ('SERVICE_DESK_AGENT', 'EMERGENCY_RESPOND'),
    ('SERVICE_DESK_MANAGER', 'EMERGENCY_READ'), ('SERVICE_DESK_MANAGER', 'EMERGENCY_MANAGE'),
    ('SERVICE_DESK_MANAGER', 'EMERGENCY_RESPOND'),
    ('SERVICE_MANAGER', 'EMERGENCY_READ'), ('SERVICE_MANAGER', 'EMERGENCY_MANAGE'),
    ('SERVICE_MANAGER', 'EMERGENCY_RESPOND'),
    ('SUPERVISOR', 'EMERGENCY_READ')
) as p(code, permission) on p.code = r.code
on conflict do nothing;
