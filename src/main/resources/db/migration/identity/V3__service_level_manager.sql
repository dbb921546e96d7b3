-- The management party's service level manager (服务级别管理员) keeps the catalogue, calendars and SLAs;
-- supervision reads SLA attainment.
insert into role (code, name, description, built_in) values
    ('SERVICE_MANAGER', '服务级别管理员', 'Service catalogue, business calendars, SLAs and their attainment', true);

insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('SERVICE_MANAGER', 'CATALOG_MANAGE'), ('SERVICE_MANAGER', 'CALENDAR_MANAGE'), ('SERVICE_MANAGER', 'SLA_MANAGE'),
    ('SERVICE_MANAGER', 'SLA_REPORT'), ('SUPERVISOR', 'SLA_REPORT')
) as p(code, permission) on p.code = r.code;
