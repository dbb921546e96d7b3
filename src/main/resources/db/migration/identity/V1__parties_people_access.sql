-- Four parties (DB4401/T 294.1 §3.8-3.11), their organisation trees, people, roles, posts and API tokens.

create table party (
    id          bigint generated always as identity primary key,
    kind        text        not null check (kind in ('MANAGEMENT', 'CUSTOMER', 'SUPERVISION', 'PROVIDER')),
    code        text        not null,
    name        text        not null,
    enabled     boolean     not null default true,
    created_at  timestamptz not null default now(),
    constraint party_code_unique unique (code),
    constraint party_name_unique unique (name)
);

create table org_unit (
    id          bigint generated always as identity primary key,
    party_id    bigint      not null references party (id),
    parent_id   bigint      references org_unit (id),
    code        text        not null,
    name        text        not null,
    -- materialised path of ids, '/1/4/9/': a subtree is one index range scan
    path        text        not null,
    enabled     boolean     not null default true,
    created_at  timestamptz not null default now(),
    constraint org_unit_code_unique unique (code)
);
create index org_unit_path_idx on org_unit (path text_pattern_ops);
create index org_unit_party_idx on org_unit (party_id);
create unique index org_unit_sibling_name_unique on org_unit (party_id, coalesce(parent_id, 0), name);

create table app_user (
    id                   bigint generated always as identity primary key,
    username             text        not null,
    display_name         text        not null,
    email                text,
    phone                text,
    org_unit_id          bigint      not null references org_unit (id),
    enabled              boolean     not null default true,
    password_hash        text        not null,
    password_changed_at  timestamptz not null default now(),
    must_change_password boolean     not null default false,
    totp_secret          text,
    failed_attempts      integer     not null default 0,
    locked_until         timestamptz,
    -- sessions created before this instant are void: disabling a user or a forced sign-out moves it
    sessions_valid_after timestamptz not null default '1970-01-01 00:00:00+00',
    last_sign_in_at      timestamptz,
    created_at           timestamptz not null default now()
);
create unique index app_user_username_unique on app_user (lower(username));
create index app_user_org_idx on app_user (org_unit_id);

create table password_history (
    user_id       bigint      not null references app_user (id),
    password_hash text        not null,
    changed_at    timestamptz not null default now()
);
create index password_history_user_idx on password_history (user_id, changed_at desc);

create table role (
    id          bigint generated always as identity primary key,
    code        text    not null,
    name        text    not null,
    description text,
    built_in    boolean not null default false,
    constraint role_code_unique unique (code)
);

create table role_permission (
    role_id    bigint not null references role (id) on delete cascade,
    permission text   not null,
    primary key (role_id, permission)
);

create table user_role (
    user_id bigint not null references app_user (id),
    role_id bigint not null references role (id),
    primary key (user_id, role_id)
);
create index user_role_role_idx on user_role (role_id);

create table post (
    id               bigint generated always as identity primary key,
    org_unit_id      bigint not null references org_unit (id),
    name             text   not null,
    responsibilities text   not null,
    holder_id        bigint references app_user (id),
    backup_id        bigint references app_user (id),
    created_at       timestamptz not null default now(),
    constraint post_backup_differs check (backup_id is null or holder_id is null or backup_id <> holder_id)
);
create unique index post_org_name_unique on post (org_unit_id, name);

create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references app_user (id),
    name         text        not null,
    -- SHA-256 (SM3 in gm mode) of the token: the token itself is shown once and never stored
    digest       text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    constraint api_token_digest_unique unique (digest)
);
create index api_token_user_idx on api_token (user_id);

-- The three administrators (三员分立) and the supervisors' reading role are built in.
insert into role (code, name, description, built_in) values
    ('SYSTEM_ADMIN',   '系统管理员', 'Parties, organisations, users, posts and roles', true),
    ('SECURITY_ADMIN', '安全管理员', 'Security policy, unlocking accounts, role permissions', true),
    ('AUDIT_ADMIN',    '审计管理员', 'Reads, filters and exports the audit trail', true),
    ('SUPERVISOR',     '监理人员',   'Supervision: reads everything, changes nothing, reads the audit trail', true);

insert into role_permission (role_id, permission)
select r.id, p.permission from role r
join (values
    ('SYSTEM_ADMIN', 'PARTY_MANAGE'), ('SYSTEM_ADMIN', 'USER_MANAGE'), ('SYSTEM_ADMIN', 'USER_READ'),
    ('SYSTEM_ADMIN', 'POST_MANAGE'), ('SYSTEM_ADMIN', 'ROLE_ASSIGN'), ('SYSTEM_ADMIN', 'AUDIT_VERIFY'),
    ('SECURITY_ADMIN', 'ROLE_MANAGE'), ('SECURITY_ADMIN', 'ROLE_ASSIGN'), ('SECURITY_ADMIN', 'USER_UNLOCK'),
    ('SECURITY_ADMIN', 'USER_READ'), ('SECURITY_ADMIN', 'AUDIT_VERIFY'),
    ('AUDIT_ADMIN', 'AUDIT_READ'), ('AUDIT_ADMIN', 'AUDIT_EXPORT'), ('AUDIT_ADMIN', 'AUDIT_VERIFY'),
    ('SUPERVISOR', 'AUDIT_READ'), ('SUPERVISOR', 'AUDIT_EXPORT'), ('SUPERVISOR', 'USER_READ')
) as p(code, permission) on p.code = r.code;
