-- The P1 incidents whose opening during a key period paged the duty leads: one row per ticket, so that an event
-- delivered twice pages once.
create table duty_page (
    ticket_id bigint      primary key,
    paged_at  timestamptz not null default now(),
    lead_ids  bigint[]    not null
);
