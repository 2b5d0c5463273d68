#!/usr/bin/env bash
# Load test of the dashboard: fills a database with a whole offline paper run on the replay exchange,
# serves it with `trader web` on 127.0.0.1, then drives GET /api/status and GET /api/orders with wrk
# (Debian package `wrk`) and prints requests per second and the latency percentiles. wrk and the
# server share this machine's cores, so the figures are a floor.
#
#   scripts/bench-web.sh [SECONDS] [CONNECTIONS]     # defaults: 20 s, 16 connections, 2 threads
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-20}"
connections="${2:-16}"
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
work="$(mktemp -d)"
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$here/trader" --version >/dev/null   # builds the jar if needed
jar="$here/target/coin-trader.jar"
common=(--exchange replay --db "$work/bench.db" --log-dir "$work/logs" --set "KILL_SWITCH_FILE=$work/kill_switch")
java -jar "$jar" run "${common[@]}" >"$work/run.txt" 2>&1

java ${TRADER_JAVA_OPTS:-} -jar "$jar" web "${common[@]}" --port 0 >"$work/web.txt" 2>&1 &
server=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/web.txt" | head -1 || true)
  [[ -n "$url" ]] && break
  sleep 0.2
done
[[ -n "$url" ]] || { echo "error: trader web did not start:" >&2; cat "$work/web.txt" >&2; exit 1; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "database: a whole replay run ($(grep -o 'orders placed [0-9]*' "$work/run.txt" | head -1))"
for path in "api/status" "api/orders?limit=50&offset=0"; do
  wrk -t2 -c"$connections" -d2s "$url$path" >/dev/null   # warm-up (JIT)
  echo
  echo "== GET /$path  (wrk -t2 -c$connections -d${seconds}s --latency)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url$path" \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|75|90|99)%|Latency +[0-9]'
done
