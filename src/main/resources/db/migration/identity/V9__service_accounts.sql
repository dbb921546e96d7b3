-- A service account (an integration account for Alertmanager or Zabbix, a reporting script) never signs in
-- interactively: it works with API tokens an administrator issues for it.
alter table app_user add column service_account boolean not null default false;
