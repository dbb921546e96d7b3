-- Emergency drills (应急演练): the drill plan (objective, subjects, method, participants, time, place) of an emergency
-- plan's approved version, its steps (the plan's procedure) each started and finished with its exact instants and a
-- contact per stage, screenshots attached to steps, the summary and improvements, and whether the plan must be
-- revised: that revision is closed once a newer version of the plan is approved.
create table emergency_drill (
    id                  bigint generated always as identity primary key,
    party_id            bigint      not null references party (id),
    org_unit_id         bigint      not null references org_unit (id),
    plan_id             bigint      not null references emergency_plan (id),
    plan_version_id     bigint      not null references emergency_plan_version (id),
    title               text        not null,
    objective           text        not null,
    subjects            text        not null,
    method              text        not null check (method in ('TABLETOP', 'FUNCTIONAL', 'FULL_SCALE')),
    participants        text        not null,
    place               text        not null,
    planned_at          timestamptz not null,
    status              text        not null check (status in ('PLANNED', 'RUNNING', 'FINISHED')),
    started_at          timestamptz,
    finished_at         timestamptz,
    summary             text,
    improvements        text,
    revision_required   boolean     not null default false,
    created_by          bigint      not null references app_user (id),
    created_at          timestamptz not null default now()
);
create index emergency_drill_party_idx on emergency_drill (party_id, planned_at desc, id desc);
create index emergency_drill_plan_idx on emergency_drill (plan_id, finished_at desc);

create table emergency_drill_step (
    id          bigint generated always as identity primary key,
    drill_id    bigint      not null references emergency_drill (id),
    position    int         not null,
    phase       text        not null,
    title       text        not null,
    contact_id  bigint      references app_user (id),
    started_at  timestamptz,
    started_by  bigint      references app_user (id),
    finished_at timestamptz,
    finished_by bigint      references app_user (id),
    note        text,
    unique (drill_id, position)
);

-- Screenshots of a step: an image (PNG, JPEG or GIF by its bytes), kept in the database with its digest.
create table emergency_drill_screenshot (
    id          bigint generated always as identity primary key,
    step_id     bigint      not null references emergency_drill_step (id),
    stored_name text        not null,
    extension   text        not null,
    size        bigint      not null,
    sha256      char(64)    not null,
    content     bytea       not null,
    uploaded_by bigint      not null references app_user (id),
    uploaded_at timestamptz not null default now()
);
create index emergency_drill_screenshot_step_idx on emergency_drill_screenshot (step_id, id);
