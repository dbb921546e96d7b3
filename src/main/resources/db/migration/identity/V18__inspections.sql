-- Inspections (巡检, inspection module): INSPECTION_READ reads templates, plans, tasks and reports; INSPECTION_WORK
-- does the tasks assigned to oneself; INSPECTION_MANAGE keeps templates and plans. A new built-in role, the inspector
-- (巡检员), reads and works and reads the configuration items it inspects; the service desk's agents do inspections too, its manager plans them, management's
-- service-level manager keeps templates and plans of every party, supervision reads.
insert into role (code, name, description, built_in) values
    ('INSPECTOR', '巡检员', 'Does the inspection tasks assigned to them', true)
on conflict (code) do nothing;

insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('INSPECTOR', 'INSPECTION_READ'), ('INSPECTOR', 'INSPECTION_WORK'), ('INSPECTOR', 'CMDB_READ'),
    ('SERVICE_DESK_AGENT', 'INSPECTION_READ'), ('SERVICE_DESK_AGENT', 'INSPECTION_WORK'),
    ('SERVICE_DESK_MANAGER', 'INSPECTION_READ'), ('SERVICE_DESK_MANAGER', 'INSPECTION_WORK'),
    ('SERVICE_DESK_MANAGER', 'INSPECTION_MANAGE'),
    ('SERVICE_MANAGER', 'INSPECTION_READ'), ('SERVICE_MANAGER', 'INSPECTION_MANAGE'),
    ('SUPERVISOR', 'INSPECTION_READ')
) as p(code, permission) on p.code = r.code
on conflict do nothing;
