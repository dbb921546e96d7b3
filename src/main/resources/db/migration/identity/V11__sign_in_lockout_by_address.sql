-- Lockout by account and address together (docs/security.md, "lockout"): failed sign-ins are counted, and an account
-- locked, for the address they came from, so that someone who knows a user name cannot lock its owner out from
-- everywhere else. app_user.failed_attempts and locked_until stay as the latest lock of any address, for the user
-- list and the security administrator's "unlock".
create table sign_in_lockout (
    user_id         bigint      not null references app_user (id),
    address         text        not null,
    failed_attempts integer     not null,
    locked_until    timestamptz,
    primary key (user_id, address)
);
