-- Inspections (巡检): checklist templates in versions, plans that generate tasks on schedule, the tasks themselves.

-- A template is what is checked on one kind of target. Its items live in versions: a task keeps the version it was
-- generated with, so a template revised today does not change yesterday's task or its results.
create table inspection_template (
    id              bigint generated always as identity primary key,
    -- the party that keeps it; null for the shipped templates every party may use and none may change
    party_id        bigint      references party (id),
    name            text        not null,
    target_kind     text        not null check (target_kind in ('CI_CLASS', 'LOCATION', 'APPLICATION_SYSTEM')),
    ci_class_code   text,
    description     text,
    current_version int         not null,
    enabled         boolean     not null default true,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check ((target_kind = 'CI_CLASS') = (ci_class_code is not null))
);
create index inspection_template_party_idx on inspection_template (party_id, name, id);

create table inspection_template_version (
    id          bigint generated always as identity primary key,
    template_id bigint      not null references inspection_template (id),
    number      int         not null,
    -- [{key, label, kind: PASS_FAIL|NUMBER|TEXT|PHOTO, unit, min, max, required}]
    items       jsonb       not null,
    created_by  bigint      references app_user (id),
    created_at  timestamptz not null default now(),
    unique (template_id, number)
);

-- A plan: which template, on what schedule, on which targets, by whom; the owner hears of overdue tasks.
create table inspection_plan (
    id                  bigint generated always as identity primary key,
    party_id            bigint      not null references party (id),
    owner_id            bigint      not null references app_user (id),
    name                text        not null,
    template_id         bigint      not null references inspection_template (id),
    frequency           text        not null check (frequency in ('DAILY', 'WEEKLY', 'MONTHLY')),
    day_of_week         smallint    check (day_of_week between 1 and 7),
    day_of_month        smallint    check (day_of_month between 1 and 28),
    working_days_only   boolean     not null,
    calendar_id         bigint      not null,
    due_time            time        not null,
    starts_on           date        not null,
    ends_on             date,
    active              boolean     not null default true,
    -- the last day whose tasks were generated: a node that was down catches up from the day after
    generated_through   date,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index inspection_plan_party_idx on inspection_plan (party_id, name, id);
create index inspection_plan_active_idx on inspection_plan (id) where active;

create table inspection_plan_target (
    id          bigint generated always as identity primary key,
    plan_id     bigint not null references inspection_plan (id),
    position    int    not null,
    kind        text   not null check (kind in ('CONFIGURATION_ITEM', 'LOCATION')),
    ci_id       bigint,
    location    text,
    label       text   not null,
    unique (plan_id, position),
    check ((kind = 'CONFIGURATION_ITEM') = (ci_id is not null))
);
create index inspection_plan_target_ci_idx on inspection_plan_target (ci_id) where ci_id is not null;

-- the rota: the assignees in order; the tasks of a day go round them
create table inspection_plan_assignee (
    plan_id  bigint not null references inspection_plan (id),
    position int    not null,
    user_id  bigint not null references app_user (id),
    primary key (plan_id, position)
);

-- One task per plan, target and day: the unique key is what keeps two nodes (or a retried tick) from generating it
-- twice.
create table inspection_task (
    id                  bigint generated always as identity primary key,
    plan_id             bigint      not null references inspection_plan (id),
    target_id           bigint      not null references inspection_plan_target (id),
    party_id            bigint      not null references party (id),
    template_version_id bigint      not null references inspection_template_version (id),
    scheduled_on        date        not null,
    due_at              timestamptz not null,
    assignee_id         bigint      not null references app_user (id),
    status              text        not null default 'OPEN' check (status in ('OPEN', 'IN_PROGRESS', 'DONE')),
    -- the answers so far (a draft) and, once done, the submitted ones: {itemKey: {value, note}}
    results             jsonb       not null default '{}',
    draft_revision      int         not null default 0,
    signature           text,
    anomalies           int         not null default 0,
    -- the incident the anomalies opened (ticket module), null when none was opened
    incident_ticket_id  bigint,
    started_at          timestamptz,
    submitted_at        timestamptz,
    escalated_at        timestamptz,
    created_at          timestamptz not null default now(),
    unique (plan_id, target_id, scheduled_on)
);
create index inspection_task_assignee_idx on inspection_task (assignee_id, scheduled_on desc, id desc);
create index inspection_task_party_idx on inspection_task (party_id, scheduled_on desc, id desc);
create index inspection_task_open_due_idx on inspection_task (due_at) where status <> 'DONE' and escalated_at is null;

-- The shipped templates (行业常用巡检表): machine rooms, servers, network devices, office areas, application health.
create function pg_temp.shipped(p_name text, p_kind text, p_class text, p_description text, p_items jsonb)
    returns void language plpgsql as $$
declare
    v_id bigint;
begin
    insert into inspection_template (party_id, name, target_kind, ci_class_code, description, current_version)
    values (null, p_name, p_kind, p_class, p_description, 1) returning id into v_id;
    insert into inspection_template_version (template_id, number, items) values (v_id, 1, p_items);
end $$;

select pg_temp.shipped('机房日常巡检', 'LOCATION', null, '机房环境、供配电、消防与安防的日常检查', '[
  {"key": "temperature", "label": "机房温度", "kind": "NUMBER", "unit": "℃", "min": 18, "max": 27, "required": true},
  {"key": "humidity", "label": "相对湿度", "kind": "NUMBER", "unit": "%", "min": 35, "max": 75, "required": true},
  {"key": "ups", "label": "UPS 运行正常、无告警", "kind": "PASS_FAIL", "required": true},
  {"key": "air", "label": "精密空调运行正常", "kind": "PASS_FAIL", "required": true},
  {"key": "fire", "label": "消防设施完好、通道畅通", "kind": "PASS_FAIL", "required": true},
  {"key": "access", "label": "门禁与视频监控正常", "kind": "PASS_FAIL", "required": true},
  {"key": "leak", "label": "无漏水、无异味、无异响", "kind": "PASS_FAIL", "required": true},
  {"key": "photo", "label": "机房全景照片", "kind": "PHOTO", "required": true},
  {"key": "remark", "label": "其他情况说明", "kind": "TEXT", "required": false}
]');
select pg_temp.shipped('服务器巡检', 'CI_CLASS', 'SERVER', '服务器硬件状态与资源使用', '[
  {"key": "lights", "label": "指示灯与硬件告警正常", "kind": "PASS_FAIL", "required": true},
  {"key": "cpu", "label": "CPU 使用率", "kind": "NUMBER", "unit": "%", "min": 0, "max": 80, "required": true},
  {"key": "memory", "label": "内存使用率", "kind": "NUMBER", "unit": "%", "min": 0, "max": 85, "required": true},
  {"key": "disk", "label": "磁盘使用率（最高分区）", "kind": "NUMBER", "unit": "%", "min": 0, "max": 85, "required": true},
  {"key": "logs", "label": "系统日志无严重错误", "kind": "PASS_FAIL", "required": true},
  {"key": "remark", "label": "其他情况说明", "kind": "TEXT", "required": false}
]');
select pg_temp.shipped('网络设备巡检', 'CI_CLASS', 'NETWORK_DEVICE', '交换机、路由器的运行状态与端口', '[
  {"key": "power", "label": "电源与风扇正常", "kind": "PASS_FAIL", "required": true},
  {"key": "cpu", "label": "CPU 使用率", "kind": "NUMBER", "unit": "%", "min": 0, "max": 70, "required": true},
  {"key": "temperature", "label": "设备温度", "kind": "NUMBER", "unit": "℃", "min": 0, "max": 60, "required": true},
  {"key": "ports", "label": "上联端口状态正常、无错包", "kind": "PASS_FAIL", "required": true},
  {"key": "config", "label": "配置已备份", "kind": "PASS_FAIL", "required": true},
  {"key": "remark", "label": "其他情况说明", "kind": "TEXT", "required": false}
]');
select pg_temp.shipped('办公区域巡检', 'LOCATION', null, '办公区终端、打印与网络接入点', '[
  {"key": "network", "label": "网络接入正常", "kind": "PASS_FAIL", "required": true},
  {"key": "printers", "label": "打印机可用、耗材充足", "kind": "PASS_FAIL", "required": true},
  {"key": "wifi", "label": "无线网络覆盖正常", "kind": "PASS_FAIL", "required": true},
  {"key": "meeting", "label": "会议室设备可用", "kind": "PASS_FAIL", "required": false},
  {"key": "photo", "label": "现场照片", "kind": "PHOTO", "required": false},
  {"key": "remark", "label": "用户反映的问题", "kind": "TEXT", "required": false}
]');
select pg_temp.shipped('应用系统健康检查', 'APPLICATION_SYSTEM', null, '应用系统可用性、性能与备份', '[
  {"key": "login", "label": "系统可登录、主要功能可用", "kind": "PASS_FAIL", "required": true},
  {"key": "response", "label": "首页响应时间", "kind": "NUMBER", "unit": "毫秒", "min": 0, "max": 3000, "required": true},
  {"key": "errors", "label": "应用日志无异常报错", "kind": "PASS_FAIL", "required": true},
  {"key": "backup", "label": "昨日备份已完成", "kind": "PASS_FAIL", "required": true},
  {"key": "certificate", "label": "证书剩余有效天数", "kind": "NUMBER", "unit": "天", "min": 30, "required": true},
  {"key": "remark", "label": "其他情况说明", "kind": "TEXT", "required": false}
]');

-- Photos taken during an inspection (拍照留证): the bytes sniffed as JPEG/PNG, size-limited; the time and place the
-- camera wrote into a JPEG's EXIF kept as evidence when present.
create table inspection_photo (
    id           bigint generated always as identity primary key,
    task_id      bigint      not null references inspection_task (id),
    item_key     text        not null,
    file_name    text        not null,
    media_type   text        not null,
    size         int         not null,
    sha256       char(64)    not null,
    content      bytea       not null,
    taken_at     timestamp,
    latitude     double precision,
    longitude    double precision,
    uploaded_by  bigint      not null references app_user (id),
    uploaded_at  timestamptz not null default now(),
    -- the same photo sent again after a lost answer is the same photo, not a second one
    unique (task_id, item_key, sha256)
);
create index inspection_photo_task_idx on inspection_photo (task_id, item_key, id);
