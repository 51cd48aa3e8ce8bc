#!/bin/sh
# Runs once, when the database volume is new: the role the app connects as. It owns nothing;
# the migrations (run as uitstroom_owner) grant it what it needs.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE uitstroom_app LOGIN PASSWORD '${APP_DB_PASSWORD}';
SQL
