-- Configuration management (配置管理, cmdb module): CMDB_READ reads the ledger, the classes, the history and the
-- impact of configuration items; CMDB_MANAGE records and changes items and their relations, and, for management's
-- holders, defines the classes. A new built-in role, the configuration manager (配置管理员), holds both; the service
-- desk reads (an agent needs the affected device of a ticket), its manager and management's service level manager
-- also keep the items of the customers they serve; supervision reads. Customers read their own items by their party.
insert into role (code, name, description, built_in) values
    ('CONFIGURATION_MANAGER', '配置管理员', 'Configuration items, their classes, relations and history', true)
on conflict (code) do nothing;

insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('CONFIGURATION_MANAGER', 'CMDB_READ'), ('CONFIGURATION_MANAGER', 'CMDB_MANAGE'),
    ('SERVICE_DESK_AGENT', 'CMDB_READ'),
    ('SERVICE_DESK_MANAGER', 'CMDB_READ'), ('SERVICE_DESK_MANAGER', 'CMDB_MANAGE'),
    ('SERVICE_MANAGER', 'CMDB_READ'), ('SERVICE_MANAGER', 'CMDB_MANAGE'),
    ('SUPERVISOR', 'CMDB_READ')
) as p(code, permission) on p.code = r.code
on conflict do nothing;
