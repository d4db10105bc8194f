#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (Debian's, any installed major version) for the store tests and
# exports AGENTLOOP_PG_URL, PGUSER and PGPASSWORD. Source it: `. .ci/postgres.sh`.
# Without PostgreSQL the tests that need it skip with a message.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "warning: PostgreSQL is not installed; PostgreSQL store tests will be skipped" >&2
  return 0 2>/dev/null || exit 0
fi
pg_dir=$(mktemp -d /tmp/agentloop-pg.XXXXXX)
pg_port=${AGENTLOOP_PG_PORT:-$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])" 2>/dev/null || echo 55432)}
run_pg() {
  if [ "$(id -u)" = "0" ]; then
    chown -R postgres "$pg_dir"
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}
run_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U agentloop --auth=trust -E UTF8 >'$pg_dir/initdb.log' 2>&1"
run_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w \
  -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null"
run_pg "'$pg_bin/createdb' -h 127.0.0.1 -p $pg_port -U agentloop agentloop"
export AGENTLOOP_PG_URL="jdbc:postgresql://127.0.0.1:$pg_port/agentloop"
export PGUSER=agentloop
export PGPASSWORD=agentloop
# Stops the server when the CI script exits.
trap "run_pg \"'$pg_bin/pg_ctl' -D '$pg_dir/data' -m fast stop >/dev/null\" || true" EXIT
echo "PostgreSQL for tests: $AGENTLOOP_PG_URL" >&2
