#!/usr/bin/env bash
# HTTP benchmarks of `corium serve` with wrk on loopback (bench/RESULTS.md): GET /healthz,
# POST /api/v1/screenings (the example consultation) and GET of a client chart, in one run of one
# server on a fresh demo database; then the server's resident memory when idle.
# Usage: bench/http/run.sh [SECONDS] [CONNECTIONS]   (needs build/release: `make release`)
# WORKERS=N runs the server with --workers N (default: the server's own).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-32}
binary=build/release/corium
data=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
"$binary" serve ${WORKERS:+--workers "$WORKERS"} --demo --listen "127.0.0.1:$port" --data-dir "$data" --kb kb >"$data/out.txt" 2>"$data/err.txt" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do grep -q "listening on" "$data/out.txt" 2>/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"

sign_in=$(curl -s -D "$data/headers" -H 'Content-Type: application/json' \
  -d '{"email":"hannah.whitaker@wasatchskin.example","password":"wasatch-demo-2026"}' "$base/api/v1/session")
export COOKIE=$(grep -i '^set-cookie:' "$data/headers" | sed 's/^[^:]*: //; s/;.*//')
export CSRF=$(printf '%s' "$sign_in" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
export BODY_FILE=examples/consultation.json
client=$(curl -s -H "Cookie: $COOKIE" "$base/api/v1/clients?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

sleep 1
echo "idle RSS with the knowledge base loaded: $(grep VmRSS /proc/$server/status)"
run() {
  echo "== $1"
  shift
  wrk -t1 -c"$connections" -d"${seconds}s" --latency "$@" | grep -E "Requests/sec|Latency|99%|Non-2xx|Socket errors"
}
run "GET /healthz" "$base/healthz"
run "POST /api/v1/screenings" -s bench/http/post_screening.lua "$base/api/v1/screenings"
run "GET /api/v1/clients/$client/chart" -s bench/http/get_with_cookie.lua "$base/api/v1/clients/$client/chart"
echo "RSS after the runs: $(grep VmRSS /proc/$server/status)"
