-- The audit trail: append-only, hash-chained by the sealer (chain_seq, prev_hash, hash are set once, after commit).
create table audit_record (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null,
    actor          text        not null,
    client_address text,
    action         text        not null,
    object_type    text        not null,
    object_id      text,
    outcome        text        not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    detail         text,
    before_value   jsonb,
    after_value    jsonb,
    chain_seq      bigint,
    prev_hash      text,
    hash           text,
    constraint audit_record_chain_seq_unique unique (chain_seq)
);
create index audit_record_unsealed_idx on audit_record (id) where hash is null;
create index audit_record_occurred_idx on audit_record (occurred_at desc, id desc);
create index audit_record_actor_idx on audit_record (actor, id desc);
create index audit_record_action_idx on audit_record (action, id desc);

-- Where the chain starts after old records were purged: the hash of the last purged record.
create table audit_chain_anchor (
    id         integer primary key check (id = 1),
    chain_seq  bigint      not null,
    hash       text        not null,
    purged_at  timestamptz not null
);

-- Records are never changed, only sealed once; they can be purged only when older than 180 days (网络安全法 §21).
create function audit_record_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.occurred_at > now() - interval '180 days' then
            raise exception 'audit records younger than 180 days cannot be purged' using errcode = 'P0001';
        end if;
        return old;
    end if;
    if old.hash is not null
       or new.hash is null
       or (new.id, new.occurred_at, new.actor, new.action, new.object_type, new.outcome)
          is distinct from (old.id, old.occurred_at, old.actor, old.action, old.object_type, old.outcome)
       or (new.client_address, new.object_id, new.detail, new.before_value, new.after_value)
          is distinct from (old.client_address, old.object_id, old.detail, old.before_value, old.after_value) then
        raise exception 'audit records are append-only' using errcode = 'P0001';
    end if;
    return new;
end;
$$;

create trigger audit_record_guard before update or delete on audit_record
    for each row execute function audit_record_guard();
create function audit_record_refuse_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail cannot be truncated' using errcode = 'P0001';
end;
$$;
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_refuse_truncate();
