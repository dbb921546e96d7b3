-- Appraisal (考核): score sheets defined by management (创新意识, 专业发挥能力, 跨部门协作, 计划性及时性, 团队执行力 …),
-- each item with its weight in percent (the weights of a sheet add up to 100) and where its score comes from: given
-- by the appraiser, or taken from the service desk's figures of the period (ticket timeliness: the resolution SLA
-- attainment; ticket quality: the mean satisfaction rating). An appraisal keeps each item's score, its basis and the
-- weighted total, so that the history stays as it was scored.
create table score_sheet (
    id          bigserial primary key,
    name        text        not null,
    description text,
    created_by  bigint      not null,
    created_at  timestamptz not null default now(),
    constraint score_sheet_name_unique unique (name)
);

create table score_sheet_item (
    id       bigserial primary key,
    sheet_id bigint        not null references score_sheet (id),
    position integer       not null,
    name     text          not null,
    weight   numeric(5, 1) not null check (weight > 0 and weight <= 100),
    source   text          not null
        constraint score_sheet_item_source_check check (source in ('MANUAL', 'TICKET_TIMELINESS', 'TICKET_QUALITY')),
    constraint score_sheet_item_position_unique unique (sheet_id, position)
);

create table appraisal (
    id          bigserial primary key,
    sheet_id    bigint        not null references score_sheet (id),
    staff_id    bigint        not null references staff_member (id),
    party_id    bigint        not null,
    period_from date          not null,
    period_to   date          not null,
    total       numeric(5, 1) not null,
    comment     text,
    appraiser   bigint        not null,
    created_at  timestamptz   not null default now(),
    constraint appraisal_period_check check (period_from <= period_to)
);
create index appraisal_staff_idx on appraisal (staff_id, period_to desc, id desc);
create index appraisal_party_idx on appraisal (party_id, id);

create table appraisal_score (
    appraisal_id bigint        not null references appraisal (id),
    item_id      bigint        not null references score_sheet_item (id),
    score        numeric(5, 1) not null check (score >= 0 and score <= 100),
    basis        text,
    primary key (appraisal_id, item_id)
);
