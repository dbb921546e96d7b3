-- The knowledge search's vocabulary (synonyms, a user dictionary) is one for every party, so management's service
-- level administrator keeps it and may rebuild the index; writing articles stays KNOWLEDGE_MANAGE (V17).
insert into role_permission (role_id, permission)
select r.id, 'KNOWLEDGE_ADMIN' from role r where r.code = 'SERVICE_MANAGER'
on conflict do nothing;
