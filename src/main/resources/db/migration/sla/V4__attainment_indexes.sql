-- SLA attainment (GZ 9.1.2.4) reads stopped clocks by the period they stopped in: for all agreements at once (the
-- summary) and for one agreement (its breaches and twelve-month trend). Partial, as only stopped clocks count.
create index sla_clock_stopped_idx on sla_clock (stopped_at, agreement_id) where state = 'STOPPED';
create index sla_clock_agreement_stopped_idx on sla_clock (agreement_id, stopped_at) where state = 'STOPPED';
-- the running clocks of an agreement past their due time, listed with its breaches
create index sla_clock_agreement_running_idx on sla_clock (agreement_id, due_at) where state = 'RUNNING';
