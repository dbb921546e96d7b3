-- Management's service level manager reports on the whole desk (事件统计), beside SLA attainment.
insert into role_permission (role_id, permission)
select id, 'TICKET_REPORT' from role where code = 'SERVICE_MANAGER';
