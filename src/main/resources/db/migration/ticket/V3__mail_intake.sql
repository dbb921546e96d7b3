-- E-mail intake (邮件受理): every message taken from the polled mailbox, once. The unique Message-ID decides whether
-- a message was already filed: it is recorded in the transaction that opens or changes the ticket, and the message
-- is marked \Seen only after that commits, so a crash in between files nothing twice. A message that could not be
-- filed is recorded as FAILED with the reason (and not read again); administrators list those.
create table ticket_mail_message (
    id          bigint generated always as identity primary key,
    -- the Message-ID header with its angle brackets, or a digest of the message when it has none
    message_id  text        not null,
    mailbox     text        not null,
    sender      text,
    subject     text,
    -- RECEIVED only inside the filing transaction; CREATED a ticket, REPLY (public), NOTE (internal), IGNORED
    -- (automatic replies), FAILED (reason says why)
    outcome     text        not null check (outcome in ('RECEIVED', 'CREATED', 'REPLY', 'NOTE', 'IGNORED', 'FAILED')),
    ticket_id   bigint references ticket (id),
    reason      text,
    -- the provider party the mailbox serves (of its default group or service), which may see its failures
    party_id    bigint,
    received_at timestamptz not null default now()
);
create unique index ticket_mail_message_id_unique on ticket_mail_message (message_id);
create index ticket_mail_message_failed_idx on ticket_mail_message (id desc) where outcome = 'FAILED';
