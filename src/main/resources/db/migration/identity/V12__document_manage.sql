-- The policy and document library (制度与文档库): management's service level manager and a provider's service desk
-- manager keep documents and their versions; management's adds categories.
insert into role_permission (role_id, permission)
select r.id, 'DOCUMENT_MANAGE' from role r
where r.code in ('SERVICE_MANAGER', 'SERVICE_DESK_MANAGER')
on conflict do nothing;
