-- The anchor is where verification starts after a purge: it may only move forward along the chain, never back or away,
-- or a forged anchor could hide records removed from the start of the chain.
create function audit_chain_anchor_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or new.chain_seq <= old.chain_seq then
        raise exception 'the audit chain anchor only moves forward' using errcode = 'P0001';
    end if;
    return new;
end;
$$;

create trigger audit_chain_anchor_guard before update or delete on audit_chain_anchor
    for each row execute function audit_chain_anchor_guard();
create trigger audit_chain_anchor_no_truncate before truncate on audit_chain_anchor
    for each statement execute function audit_record_refuse_truncate();
