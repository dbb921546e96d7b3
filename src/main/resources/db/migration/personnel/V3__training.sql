-- Training (培训): a provider's plans with the needs they answer (培训需求), their courses (国产化设备运维, 保密法律法规,
-- 应用系统日常管理, 安全意识 …), the sessions held, and per session who attended and, when the session ends with an
-- exam, each attendee's score. A person's training record is read from the attendance.
create table training_plan (
    id          bigserial primary key,
    party_id    bigint      not null,
    year        integer     not null,
    title       text        not null,
    needs       text,
    created_by  bigint      not null,
    created_at  timestamptz not null default now()
);
create index training_plan_party_idx on training_plan (party_id, year, id);

create table training_course (
    id        bigserial primary key,
    plan_id   bigint  not null references training_plan (id),
    title     text    not null,
    category  text    not null
        constraint training_course_category_check check (category in ('DOMESTIC_EQUIPMENT', 'CONFIDENTIALITY_LAW',
            'APPLICATION_OPERATION', 'SECURITY_AWARENESS', 'OTHER')),
    hours     numeric(5, 1)
);
create index training_course_plan_idx on training_course (plan_id, id);

create table training_session (
    id          bigserial primary key,
    course_id   bigint  not null references training_course (id),
    held_on     date    not null,
    place       text,
    trainer     text,
    exam_title  text,
    pass_score  numeric(5, 1),
    max_score   numeric(5, 1),
    constraint training_session_exam_check check ((exam_title is null) = (max_score is null)
        and (pass_score is null or (max_score is not null and pass_score <= max_score)))
);
create index training_session_course_idx on training_session (course_id, held_on, id);

create table training_attendance (
    session_id bigint  not null references training_session (id),
    staff_id   bigint  not null references staff_member (id),
    score      numeric(5, 1),
    primary key (session_id, staff_id)
);
create index training_attendance_staff_idx on training_attendance (staff_id);
