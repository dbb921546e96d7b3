-- A text of one character has no bigram, so V10's index could not serve it: a rare one ("池", in 0.1 % of the
-- subjects) read the whole ticket table, 0.76 s at 1,000,000 tickets (TicketBenchmark, quiet machine). The subjects'
-- index now holds each character as well as each bigram; a search looks up the text's bigrams, or its one character,
-- and the ilike rechecks what the index finds, as before (docs/performance.md, "The list's text filter").

-- The bigrams and the single characters of a text, lower-cased as ilike compares them. Repeats are left in: GIN keeps
-- each key once per row anyway.
create function ticket_text_grams(value text) returns text[]
    language plpgsql immutable strict parallel safe
as $$
declare
    lowered text := lower(value);
    grams text[] := '{}';
begin
    for i in 1 .. char_length(lowered) loop
        grams := grams || substr(lowered, i, 1) || substr(lowered, i, 2);
    end loop;
    return grams;
end
$$;

-- What a search looks up among a subject's grams: the text's bigrams, or, for a text of one character, that
-- character (lower() may make one character two, which are then a bigram).
create function ticket_text_sought(value text) returns text[]
    language sql immutable strict parallel safe
as $$
    select case when char_length(lower(value)) = 1 then array[lower(value)] else ticket_text_bigrams(value) end
$$;

create index ticket_subject_grams_idx on ticket using gin (ticket_text_grams(subject))
    with (gin_pending_list_limit = 64);
drop index ticket_subject_bigrams_idx;
