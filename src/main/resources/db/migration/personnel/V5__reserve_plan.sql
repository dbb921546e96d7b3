-- The reserve plan (人员储备计划): per post of a provider, how many people it needs on duty and how many in reserve;
-- the gap is what the staff records naming the post fall short of the two together.
create table reserve_target (
    post_id     bigint      primary key,
    party_id    bigint      not null,
    required    integer     not null check (required >= 0 and required <= 1000),
    reserve     integer     not null check (reserve >= 0 and reserve <= 1000),
    updated_by  bigint      not null,
    updated_at  timestamptz not null default now()
);
create index reserve_target_party_idx on reserve_target (party_id);
