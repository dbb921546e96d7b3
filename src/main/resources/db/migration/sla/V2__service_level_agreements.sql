-- Service level agreements (服务级别协议, GZ 9.1.2): a provider, a customer subtree and a set of services bound to
-- response and resolution targets per priority, with warning thresholds and escalation steps.
-- Parties, organisation units, services and business calendars belong to other modules or tables and are kept by id.
create table service_level_agreement (
    id                   bigint generated always as identity primary key,
    code                 text    not null,
    name                 text    not null,
    -- a party of kind PROVIDER (identity module)
    provider_party_id    bigint  not null,
    -- an organisation unit of a CUSTOMER party; it covers its subtree. null: any customer
    customer_org_unit_id bigint,
    -- the fallback when no other agreement applies; at most one (index below)
    is_default           boolean not null default false,
    -- a business calendar (V1); null: the default calendar (CN-DEFAULT)
    calendar_id          bigint references business_calendar (id),
    valid_from           date    not null,
    -- null: open-ended
    valid_to             date,
    enabled              boolean not null default true,
    version              integer not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint sla_code_unique unique (code),
    constraint sla_validity check (valid_to is null or valid_from <= valid_to)
);
create unique index sla_single_default on service_level_agreement (is_default) where is_default;
create index sla_provider_idx on service_level_agreement (provider_party_id, code);
create index sla_customer_idx on service_level_agreement (customer_org_unit_id, code);

-- the services an agreement covers; none: all services
create table sla_service (
    agreement_id bigint not null references service_level_agreement (id) on delete cascade,
    service_id   bigint not null,
    primary key (agreement_id, service_id)
);
create index sla_service_service_idx on sla_service (service_id);

create table sla_target (
    agreement_id       bigint  not null references service_level_agreement (id) on delete cascade,
    priority           text    not null check (priority in ('P1', 'P2', 'P3', 'P4')),
    response_seconds   bigint  not null check (response_seconds > 0),
    response_basis     text    not null check (response_basis in ('BUSINESS', 'CALENDAR')),
    resolution_seconds bigint  not null check (resolution_seconds > 0),
    resolution_basis   text    not null check (resolution_basis in ('BUSINESS', 'CALENDAR')),
    -- percentages of the target at which a warning is raised, strictly increasing, each in (0, 100)
    thresholds         integer[] not null default '{50,75,90}',
    primary key (agreement_id, priority),
    constraint sla_target_order check (response_seconds <= resolution_seconds)
);

create table sla_escalation (
    id                bigint generated always as identity primary key,
    agreement_id      bigint  not null references service_level_agreement (id) on delete cascade,
    priority          text    not null check (priority in ('P1', 'P2', 'P3', 'P4')),
    -- one of the target's thresholds, or 100 for the breach itself
    threshold_percent integer not null check (threshold_percent > 0 and threshold_percent <= 100),
    step_order        integer not null check (step_order > 0),
    -- FUNCTIONAL: reassign to an assignment group (职能升级); HIERARCHICAL: notify a level (层级升级)
    kind              text    not null check (kind in ('FUNCTIONAL', 'HIERARCHICAL')),
    target            text    not null,
    constraint sla_escalation_step_unique unique (agreement_id, priority, threshold_percent, step_order)
);
