-- Staff records (人员档案, personnel module): PERSONNEL_READ reads the records of the parties in one's scope without
-- their personal data; PERSONNEL_MANAGE keeps them and reads the phone and ID numbers. A provider's service desk
-- manager keeps the records of the provider's own people, management's service level manager those of every
-- provider; supervision reads. Everyone reads their own record, which needs no permission.
insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('SERVICE_DESK_MANAGER', 'PERSONNEL_READ'), ('SERVICE_DESK_MANAGER', 'PERSONNEL_MANAGE'),
    ('SERVICE_MANAGER', 'PERSONNEL_READ'), ('SERVICE_MANAGER', 'PERSONNEL_MANAGE'),
    ('SUPERVISOR', 'PERSONNEL_READ')
) as p(code, permission) on p.code = r.code
on conflict do nothing;
