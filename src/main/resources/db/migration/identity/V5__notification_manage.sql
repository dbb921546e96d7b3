-- The system administrator keeps the group robots (DingTalk, WeCom, Feishu) and watches the notification outbox.
insert into role_permission (role_id, permission)
select r.id, 'NOTIFICATION_MANAGE' from role r where r.code = 'SYSTEM_ADMIN'
on conflict do nothing;
