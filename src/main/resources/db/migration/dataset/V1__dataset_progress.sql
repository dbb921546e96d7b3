-- The data generator (docs/dataset-generator.md): what a run was asked for, and each contributor's chunks that are
-- committed. A chunk's rows and its row here are committed together, so a rerun resumes at the first chunk missing.

-- the one generated dataset of this database: a rerun with other arguments is refused rather than mixed in
create table dataset_run (
    id          integer     primary key check (id = 1),
    seed        bigint      not null,
    tickets     integer     not null,
    chunk_size  integer     not null,
    -- "now" of the first run: every chunk dates its data from it, so a resumed chunk is the chunk it would have been
    anchor      timestamptz not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz
);

create table dataset_chunk (
    contributor  text        not null,
    chunk        integer     not null,
    rows_written bigint      not null,
    millis       bigint      not null,
    completed_at timestamptz not null default now(),
    primary key (contributor, chunk)
);
