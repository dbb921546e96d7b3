-- The directory's phone numbers sealed at rest as the staff records' are (issue 21): the sealed value
-- (crypto module's field cipher, key outside the database) and a keyed digest for finding a person by number.
-- SQL cannot seal (the key is not in the database): DirectoryPhoneSealing moves the numbers out of the plain
-- column at start-up, in batches, and empties it; until then a row's plain number is read as it is.
alter table app_user add column phone_sealed bytea, add column phone_digest bytea;
create index app_user_phone_digest_idx on app_user (phone_digest) where phone_digest is not null;
create index app_user_phone_unsealed_idx on app_user (id) where phone is not null;
