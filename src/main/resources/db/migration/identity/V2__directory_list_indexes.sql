-- User lists are read by keyset on (sort value, id): these keep every page, the first and the thousandth, one
-- index range scan at millions of users. lower(username) is served by app_user_username_unique.
create index app_user_display_name_idx on app_user (display_name, id);
create index app_user_created_idx on app_user (created_at, id);
-- Who holds or backs up a post, when a user is looked up or disabled.
create index post_holder_idx on post (holder_id);
create index post_backup_idx on post (backup_id);
-- Role names are what administrators choose from: two roles of one name would be mistaken for each other.
create unique index role_name_unique on role (name);
