-- Notifications (通知). A notice is delivered once per publication of the event registry: notice_key is that
-- publication's id, so that a delivery repeated after a crash (the rows committed, the publication not yet marked
-- complete) writes nothing twice. Users, parties and robots of other modules are referenced by id only.

-- In-app notifications (站内通知), one per recipient user.
create table notification (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null,
    notice_key uuid        not null,
    topic      text        not null,
    subject    text        not null,
    body       text        not null,
    link       text,
    created_at timestamptz not null default now(),
    read_at    timestamptz,
    constraint notification_once unique (notice_key, user_id)
);
-- a user's list, newest first, and the unread ones (the bell's count) as a small partial index
create index notification_user_idx on notification (user_id, id desc);
create index notification_unread_idx on notification (user_id, id desc) where read_at is null;

-- Group robots (群机器人): a webhook of a DingTalk, WeCom or Feishu group that hears of the topics it names.
create table notification_robot (
    id         bigint generated always as identity primary key,
    name       text        not null,
    kind       text        not null check (kind in ('DINGTALK', 'WECOM', 'FEISHU')),
    -- the webhook address carries the robot's access token: shown masked, never logged
    url        text        not null,
    -- the signing secret (加签), write-only
    secret     text,
    -- exact topics (ticket.assigned) or prefixes ending in a dot (ticket.)
    topics     text[]      not null,
    -- only notices of this party; null: every notice
    party_id   bigint,
    enabled    boolean     not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint notification_robot_name_unique unique (name)
);

-- What is still to be sent, or was: e-mail to one address or a message to one robot, tried with backoff.
-- HELD: e-mail waiting because no mail server is configured; FAILED: given up after the last attempt (an
-- administrator may retry it).
create table notification_outbox (
    id              bigint generated always as identity primary key,
    notice_key      uuid        not null,
    channel         text        not null check (channel in ('EMAIL', 'ROBOT')),
    -- the e-mail address (lower case), or the robot's id
    recipient       text        not null,
    robot_id        bigint references notification_robot (id) on delete cascade,
    party_id        bigint,
    topic           text        not null,
    subject         text        not null,
    body            text        not null,
    link            text,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'HELD', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_attempt_at timestamptz,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz not null default now(),
    constraint notification_outbox_once unique (notice_key, channel, recipient),
    constraint notification_outbox_robot check ((channel = 'ROBOT') = (robot_id is not null))
);
create index notification_outbox_due_idx on notification_outbox (next_attempt_at) where status = 'PENDING';
create index notification_outbox_status_idx on notification_outbox (status, id desc);
create index notification_outbox_robot_idx on notification_outbox (robot_id);
