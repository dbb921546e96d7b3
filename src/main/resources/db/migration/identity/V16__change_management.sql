-- Change management (变更管理, change module): CHANGE_READ reads change requests, their assessment, plan, approval,
-- implementation and review; CHANGE_MANAGE raises, assesses, plans, submits, implements and reviews them within the
-- scope served. A new built-in role, the change manager (变更经理), holds both; the service desk's agents read (a
-- change explains an incident) and its managers keep their provider's changes, as does management's service level
-- manager; the configuration manager reads (a change touches items); supervision reads. The change manager also
-- reads the CMDB, to pick the items a change affects. Customers read the changes
-- that affect their units by their party.
insert into role (code, name, description, built_in) values
    ('CHANGE_MANAGER', '变更经理', 'Change requests: assessment, plans, approval, implementation and review', true)
on conflict (code) do nothing;

insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('CHANGE_MANAGER', 'CHANGE_READ'), ('CHANGE_MANAGER', 'CHANGE_MANAGE'), ('CHANGE_MANAGER', 'CMDB_READ'),
    ('SERVICE_DESK_AGENT', 'CHANGE_READ'),
    ('SERVICE_DESK_MANAGER', 'CHANGE_READ'), ('SERVICE_DESK_MANAGER', 'CHANGE_MANAGE'),
    ('SERVICE_MANAGER', 'CHANGE_READ'), ('SERVICE_MANAGER', 'CHANGE_MANAGE'),
    ('CONFIGURATION_MANAGER', 'CHANGE_READ'),
    ('SUPERVISOR', 'CHANGE_READ')
) as p(code, permission) on p.code = r.code
on conflict do nothing;
