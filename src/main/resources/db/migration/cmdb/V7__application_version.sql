-- The version an application system runs (当前版本): written by hand like any attribute, and by a completed release
-- (发布完成) through the module's facade, so that the ledger says which version each system is at after a release.
insert into ci_attribute (class_id, code, name, name_en, type, required, unique_value, position)
select id, 'app_version', '当前版本', 'Current version', 'TEXT', false, false, 24 from ci_class
where code = 'APPLICATION_SYSTEM'
on conflict (class_id, code) do nothing;
