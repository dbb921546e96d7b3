-- The ticket list's text filter (subject ilike '%…%') read the whole table for a rare text: nothing but a sequential
-- scan can answer a substring condition, so a word in 50 of 1,000,000 subjects took 1.4 s (TicketBenchmark). This
-- index finds the tickets whose subject holds every two-character piece (bigram) of the text; the ilike then
-- rechecks them, so the filter's results are exactly what they were. TicketSearch decides when to use it: a common
-- text is still read in list order, which finds a page at once (docs/performance.md, "The list's text filter").
--
-- Not pg_trgm: a production PostgreSQL may not have the extension, and it keeps only characters that the
-- database's locale calls alphanumeric, so under the C locale a Chinese subject gives no trigrams at all. These
-- bigrams keep every character. They are lower-cased by lower(), which is what ilike applies to both sides in a
-- UTF-8 database, so "the subject contains the text, ignoring case" always implies "the subject's bigrams contain
-- the text's". A text of one character has no bigram and is filtered without this index.

-- The bigrams of a text, lower-cased, in order and with repeats (GIN keeps each key once per row anyway); empty for
-- a text shorter than two characters. PL/pgSQL: more than twice as fast as the same in one SQL statement
-- (generate_series and array_agg), and every ticket creation computes it once.
create function ticket_text_bigrams(value text) returns text[]
    language plpgsql immutable strict parallel safe
as $$
declare
    lowered text := lower(value);
    bigrams text[] := '{}';
begin
    for i in 1 .. char_length(lowered) - 1 loop
        bigrams := bigrams || substr(lowered, i, 2);
    end loop;
    return bigrams;
end
$$;

-- A new ticket's bigrams go to the index's pending list (fastupdate), which a later insert merges into the index
-- in one go; every search reads the whole list. With the default limit of 4 MB that is up to about 500 pages, which
-- made a search for rare words take 10-20 ms instead of 0.1 ms; at 64 kB (the least allowed) it is at most 8. An
-- insert then cost about 0.05 ms of PostgreSQL's CPU more than without the index, as with the default limit;
-- without the pending list (fastupdate off) 0.22 ms more (PostgreSQL 15, 1,000,000 tickets).
create index ticket_subject_bigrams_idx on ticket using gin (ticket_text_bigrams(subject))
    with (gin_pending_list_limit = 64);
