-- Release management (发布管理, release module): RELEASE_READ reads releases, their plan, approval, deployment and
-- completion records; RELEASE_MANAGE plans, submits, records the deployment and completes them within the scope
-- served. They go to the roles that keep or read changes: a release groups approved changes. Customers read the
-- releases that reach their units by their party.
insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('CHANGE_MANAGER', 'RELEASE_READ'), ('CHANGE_MANAGER', 'RELEASE_MANAGE'),
    ('SERVICE_DESK_AGENT', 'RELEASE_READ'),
    ('SERVICE_DESK_MANAGER', 'RELEASE_READ'), ('SERVICE_DESK_MANAGER', 'RELEASE_MANAGE'),
    ('SERVICE_MANAGER', 'RELEASE_READ'), ('SERVICE_MANAGER', 'RELEASE_MANAGE'),
    ('CONFIGURATION_MANAGER', 'RELEASE_READ'),
    ('SUPERVISOR', 'RELEASE_READ')
) as p(code, permission) on p.code = r.code
on conflict do nothing;
