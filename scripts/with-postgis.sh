#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a PostGIS-capable PostgreSQL 15 server:
# the one on 127.0.0.1:5432 when it answers, otherwise a throwaway cluster from pg_virtualenv.
# The role is a superuser so that Django's test runner can CREATE EXTENSION postgis itself.
# ATLAS_PGDATABASE names the database (default atlas); the test databases are test_<it>[_gw<n>].
set -euo pipefail
PGHOST_LOCAL=${ATLAS_PGHOST:-127.0.0.1}
PGPORT_LOCAL=${ATLAS_PGPORT:-5432}
PGUSER_LOCAL=${ATLAS_PGUSER:-postgres}
export ATLAS_PGDATABASE=${ATLAS_PGDATABASE:-atlas}
if pg_isready -q -h "$PGHOST_LOCAL" -p "$PGPORT_LOCAL" 2>/dev/null; then
  export DATABASE_URL="postgis://${PGUSER_LOCAL}@${PGHOST_LOCAL}:${PGPORT_LOCAL}/${ATLAS_PGDATABASE}"
  exec "$@"
fi
echo "No PostgreSQL on ${PGHOST_LOCAL}:${PGPORT_LOCAL}; starting a throwaway cluster with pg_virtualenv."
# pg_virtualenv exports PGHOST/PGPORT/PGUSER/PGPASSWORD for the cluster it creates.
exec pg_virtualenv -v 15 bash -c \
  'export DATABASE_URL="postgis://${PGUSER}:${PGPASSWORD}@127.0.0.1:${PGPORT}/${ATLAS_PGDATABASE}"; exec "$@"' _ "$@"
