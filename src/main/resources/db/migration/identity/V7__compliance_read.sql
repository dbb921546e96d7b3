-- The assessment-evidence register (考核证据, /compliance): management's service level manager and supervision read
-- every provider's evidence, a provider's service desk manager its own party's.
insert into role_permission (role_id, permission)
select r.id, 'COMPLIANCE_READ' from role r
where r.code in ('SERVICE_MANAGER', 'SUPERVISOR', 'SERVICE_DESK_MANAGER')
on conflict do nothing;
