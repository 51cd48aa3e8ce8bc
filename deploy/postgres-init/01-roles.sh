#!/bin/sh
# Runs once, when the database volume is new. The image's superuser only creates the two roles:
# the owner (no superuser, no role creation: it owns the database and its schema and runs the
# migrations) and the app's role, which owns nothing (the migrations grant it what it needs).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE uitstroom_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${OWNER_DB_PASSWORD}';
CREATE ROLE uitstroom_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${APP_DB_PASSWORD}';
ALTER DATABASE "$POSTGRES_DB" OWNER TO uitstroom_owner;
ALTER SCHEMA public OWNER TO uitstroom_owner;
REVOKE ALL ON DATABASE "$POSTGRES_DB" FROM PUBLIC;
GRANT CONNECT ON DATABASE "$POSTGRES_DB" TO uitstroom_app;
SQL
