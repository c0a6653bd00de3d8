#!/usr/bin/env bash
# postgres_durability.sh [BENCH_BINARY] [BENCHMARK ARGS...]: durable chart commits against a bare
# durable INSERT on PostgreSQL 15, in one run of records_bench.
#
# Starts a THROWAWAY cluster in a new temp directory, listening only on 127.0.0.1 at a free port,
# with the settings a clinic's server must have: fsync=on, synchronous_commit=on,
# full_page_writes=on (scripts/with-postgres turns fsync off, which makes every commit cheap and
# says nothing about durability). Runs the PostgreSQL pair of bench/records_bench.cpp against it,
# then always stops the server and removes the directory.
#
#   cmake --preset release && cmake --build --preset release --target records_bench
#   bench/postgres_durability.sh build/release/bench/records_bench --benchmark_repetitions=3
#
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin), BENCH_PG_FIRST_PORT (default 56432).
set -euo pipefail

readonly PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
readonly FIRST_PORT=${BENCH_PG_FIRST_PORT:-56432}
readonly BENCH=${1:-build/release/bench/records_bench}
[ $# -gt 0 ] && shift

say() { printf 'postgres_durability: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

[ -x "$BENCH" ] || die "$BENCH not found (build the release preset's records_bench first)"
for tool in initdb pg_ctl psql; do
  [ -x "$PG_BIN/$tool" ] || die "$PG_BIN/$tool not found (set PG_BIN)"
done

# PostgreSQL refuses to run as root; as root the cluster belongs to `postgres`.
if [ "$(id -u)" -eq 0 ]; then
  as_pg() { (cd "$PG_ROOT" && runuser -u postgres -- "$@"); }
  tmp_base=/tmp
else
  as_pg() { (cd "$PG_ROOT" && "$@"); }
  tmp_base=${TMPDIR:-/tmp}
fi

PG_ROOT=$(mktemp -d "$tmp_base/corium-bench-pg.XXXXXX")
PG_DATA="$PG_ROOT/data"
SERVER_UP=0
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ "$SERVER_UP" -eq 1 ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 \
      || say "could not stop the server in $PG_DATA"
  fi
  rm -rf -- "$PG_ROOT"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_ROOT"

# initdb itself may skip its own fsync (the cluster is new and disposable); the server may not.
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 \
  >"$PG_ROOT/initdb.log" 2>&1 || { cat "$PG_ROOT/initdb.log" >&2; die "initdb failed"; }
cat >>"$PG_DATA/postgresql.conf" <<CONF

# --- bench/postgres_durability.sh: durable settings, as on a clinic's server ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_ROOT'
fsync = on
synchronous_commit = on
full_page_writes = on
CONF

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for ((port = FIRST_PORT; port < FIRST_PORT + 50; port++)); do
  port_in_use "$port" && continue
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_ROOT/server.log" -o "-p $port" -w -t 60 start \
      >/dev/null 2>&1; then
    SERVER_UP=1
    break
  fi
  grep -qE 'could not bind|could not create any TCP/IP sockets' "$PG_ROOT/server.log" \
    || { cat "$PG_ROOT/server.log" >&2; die "the server did not start"; }
done
[ "$SERVER_UP" -eq 1 ] || die "no free port from $FIRST_PORT"

"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
  -c 'CREATE DATABASE corium_bench' >/dev/null
say "PostgreSQL on 127.0.0.1:$port with" \
  "$("$PG_BIN/psql" -X -At -h 127.0.0.1 -p "$port" -U postgres -d corium_bench -c \
     "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings
      WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method')")"

CORIUM_BENCH_POSTGRES="host=127.0.0.1 port=$port user=postgres dbname=corium_bench" \
  "$BENCH" --benchmark_filter='(BM_BareDurableInsert|BM_DurableChartCommit)' "$@"
