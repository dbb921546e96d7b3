-- The service desk's built-in roles. An agent (服务台坐席) works tickets within their party's scope; the service desk
-- manager (服务台经理) also keeps groups and the priority matrix and hears of hierarchical escalations; a monitoring
-- integration account (监控集成账号) may only send alerts. Supervision reads the statistics.
insert into role (code, name, description, built_in) values
    ('SERVICE_DESK_AGENT', '服务台坐席', 'Records, assigns and works tickets of the own party', true),
    ('SERVICE_DESK_MANAGER', '服务台经理', 'Service desk agent, plus assignment groups, priority matrix, statistics', true),
    ('ALERT_INTEGRATION', '监控集成账号', 'Monitoring systems that open incidents through the alert webhooks', true);

insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('SERVICE_DESK_AGENT', 'TICKET_WORK'),
    ('SERVICE_DESK_MANAGER', 'TICKET_WORK'), ('SERVICE_DESK_MANAGER', 'TICKET_ADMIN'),
    ('SERVICE_DESK_MANAGER', 'TICKET_REPORT'),
    ('ALERT_INTEGRATION', 'ALERT_INTAKE'),
    ('SUPERVISOR', 'TICKET_REPORT')
) as p(code, permission) on p.code = r.code;
