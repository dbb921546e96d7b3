-- The version of the agreements in force (AgreementRegister): every statement that changes an agreement, its
-- services, targets or escalation steps raises it, whichever node or tool runs it, so that a node keeping the
-- agreements in memory learns with one cheap read whether its copy is current. The value comes from a sequence: a
-- change that rolls back leaves a value no later change takes again, so a copy read inside that transaction never
-- passes for current.
create sequence sla_agreement_register_version;

create table sla_agreement_register (
    only_row boolean primary key default true check (only_row),
    version  bigint  not null
);
insert into sla_agreement_register (version) values (nextval('sla_agreement_register_version'));

create function sla_agreement_register_changed() returns trigger language plpgsql as $$
begin
    update sla_agreement_register set version = nextval('sla_agreement_register_version');
    return null;
end
$$;

create trigger sla_agreement_register after insert or update or delete or truncate on service_level_agreement
    for each statement execute function sla_agreement_register_changed();
create trigger sla_agreement_register after insert or update or delete or truncate on sla_service
    for each statement execute function sla_agreement_register_changed();
create trigger sla_agreement_register after insert or update or delete or truncate on sla_target
    for each statement execute function sla_agreement_register_changed();
create trigger sla_agreement_register after insert or update or delete or truncate on sla_escalation
    for each statement execute function sla_agreement_register_changed();
