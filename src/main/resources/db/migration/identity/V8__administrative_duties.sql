-- 三员分立 (GB/T 22239-2019 level 3): the system administrator keeps accounts but no longer gives roles; the
-- security administrator gives them; granting one of the three administrative roles waits for a second officer
-- (a system administrator, or another security administrator) who confirms or rejects it.
delete from role_permission
where permission = 'ROLE_ASSIGN' and role_id = (select id from role where code = 'SYSTEM_ADMIN');

insert into role_permission (role_id, permission)
select r.id, 'ADMIN_GRANT_DECIDE' from role r where r.code in ('SYSTEM_ADMIN', 'SECURITY_ADMIN')
on conflict do nothing;

-- A requested change of a person's roles that gives an administrative role: the complete set asked for, the set the
-- person held when it was asked (a decision on a set that has changed since is refused as stale), and the decision.
create table administrative_grant (
    id            bigint generated always as identity primary key,
    user_id       bigint      not null references app_user (id),
    roles_before  text[]      not null,
    roles_asked   text[]      not null,
    requested_by  bigint      not null references app_user (id),
    requested_at  timestamptz not null default now(),
    status        text        not null default 'PENDING' check (status in ('PENDING', 'CONFIRMED', 'REJECTED')),
    decided_by    bigint      references app_user (id),
    decided_at    timestamptz,
    constraint administrative_grant_decider_differs check (decided_by is null
        or (decided_by <> requested_by and decided_by <> user_id))
);
-- one open request per person: a second request waits until the first is decided
create unique index administrative_grant_pending_unique on administrative_grant (user_id) where status = 'PENDING';
create index administrative_grant_status_idx on administrative_grant (status, requested_at desc, id desc);

-- RFC 6238 §5.2: a TOTP code is accepted once. The latest accepted time step per account; a code of that step or an
-- earlier one is refused. In the row that sign-in already locks, so that it holds on every node.
alter table app_user add column totp_last_step bigint;

-- Where each person has signed in successfully: while an address is paused after many failures across accounts
-- (password spraying), people who have signed in from it before still may, so that one address's failures do not
-- shut out a whole office behind one NAT.
create table sign_in_origin (
    user_id         bigint      not null references app_user (id),
    address         text        not null,
    last_success_at timestamptz not null,
    primary key (user_id, address)
);

-- Tokens of administrators without a second factor were issued before tokens required one: they stop working.
update api_token t set revoked_at = now()
where t.revoked_at is null
  and exists (select 1 from user_role ur join role r on r.id = ur.role_id
              where ur.user_id = t.user_id and r.code in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'))
  and exists (select 1 from app_user u where u.id = t.user_id and u.totp_secret is null);
