#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster on loopback, then remove the cluster.
#   scripts/with_postgres.sh make pytest
# The command sees DATABASE_URL pointing at a database whose role may create databases
# (pytest-django creates its test database). Installs PostgreSQL from Debian if it is missing.
set -euo pipefail

PG_PORT="${PG_PORT:-55432}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "Installing PostgreSQL from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

DATA_DIR="$(mktemp -d /tmp/portal-pg.XXXXXX)"
chown postgres "$DATA_DIR"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_cluster() {
  as_postgres "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA_DIR"
}
trap stop_cluster EXIT

as_postgres "$PG_BIN/initdb" -D "$DATA_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" -l "$DATA_DIR/server.log" -w start \
  -o "-p $PG_PORT -k $DATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q \
  -c "CREATE ROLE portal LOGIN CREATEDB PASSWORD 'portal'" -c "CREATE DATABASE portal OWNER portal"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

export DATABASE_URL="postgres://portal:portal@127.0.0.1:$PG_PORT/portal"
# For fault tests: how to stop and start this cluster again.
PG_OPTIONS="-p $PG_PORT -k $DATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off"
export PORTAL_PG_STOP="runuser -u postgres -- $PG_BIN/pg_ctl -D $DATA_DIR/data -m fast -w stop"
export PORTAL_PG_START="runuser -u postgres -- $PG_BIN/pg_ctl -D $DATA_DIR/data -l $DATA_DIR/server.log -w start -o '$PG_OPTIONS'"
"$@"
