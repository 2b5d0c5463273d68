#!/usr/bin/env bash
# The dashboard under load while the trading loop trades into the same database.
#
# 1. A replay run without load (REPLAY_STEP_SEC=60 over the bundled history: tens of thousands of
#    passes, every one writing to SQLite) gives the reference result.
# 2. The same run again into a fresh database while `trader web` serves that database and wrk drives
#    GET /api/status and GET /api/orders as hard as it can.
# Then: the loaded run must end exactly as the reference run (same orders, same equity: the replay is
# deterministic, so a failed or lost write would show), with no error logged, no pass over the tick
# budget, and a database that passes PRAGMA integrity_check. Prints the loop's pass-time percentiles
# with and without load, wrk's latency percentiles, and a last line "N passed, N failed".
#
#   scripts/load-while-trading.sh [CONNECTIONS]     # default 16 connections, 2 wrk threads
#
# Needs wrk and python3 (Debian packages `wrk`, `python3`). wrk, the dashboard and the loop share this
# machine's cores, so the figures are a floor.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
connections="${1:-16}"
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "error: python3 is not installed (apt-get install python3)" >&2; exit 2; }
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$here/trader" --version >/dev/null   # builds the jar if needed
jar="$here/target/coin-trader.jar"
settings=(--exchange replay --set "REPLAY_STEP_SEC=60" --set "KILL_SWITCH_FILE=$work/kill_switch")

run_loop() { # $1 = name
  java -jar "$jar" run "${settings[@]}" --db "$work/$1.db" --log-dir "$work/$1-logs" >"$work/$1.txt" 2>&1
}

summary() { # the lines of a run's summary that must not change under load
  grep -E '^Finished after|^  orders placed|^  equity|^  holding|^  open orders' "$work/$1.txt" \
    | sed -E 's/ at [0-9T:Z -]+\.$//'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
start=$(date +%s)
run_loop quiet
echo "reference run without load: $(( $(date +%s) - start )) s: $(grep -m1 '^Finished after' "$work/quiet.txt")"

# the loop into a fresh database, and the dashboard on that database as soon as it exists
loaded_start=$(date +%s)
run_loop loaded &
loop=$!
pids+=("$loop")
for _ in $(seq 1 150); do [[ -s "$work/loaded.db" ]] && break; sleep 0.1; done
java -jar "$jar" web "${settings[@]}" --db "$work/loaded.db" --log-dir "$work/web-logs" --port 0 >"$work/web.txt" 2>&1 &
pids+=($!)
url=""
for _ in $(seq 1 150); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/web.txt" | head -1 || true)
  [[ -n "$url" ]] && break
  sleep 0.2
done
[[ -n "$url" ]] || { echo "error: trader web did not start:" >&2; cat "$work/web.txt" >&2; exit 1; }
wrk_out="$work/wrk.txt"
: >"$wrk_out"
while kill -0 "$loop" 2>/dev/null; do
  for path in "api/status" "api/orders?limit=50&offset=0"; do
    echo "== GET /$path" >>"$wrk_out"
    wrk -t2 -c"$connections" -d5s --latency "$url$path" >>"$wrk_out" 2>&1 || true
  done
done
wait "$loop" || true
echo "the same run under load: $(( $(date +%s) - loaded_start )) s"

passed=0
failed=0
check() { # $1 = description, $2... = command
  local what="$1"; shift
  if "$@"; then passed=$((passed + 1)); echo "PASS $what"; else failed=$((failed + 1)); echo "FAIL $what"; fi
}

echo
echo "loop without load: $(grep -o 'pass time median.*' "$work/quiet.txt")"
echo "loop under load:   $(grep -o 'pass time median.*' "$work/loaded.txt")"
echo
echo "dashboard under load (wrk -t2 -c$connections, 5 s rounds while the loop ran):"
python3 - "$wrk_out" <<'PY'
import re, sys
rounds = {}
path = None
for line in open(sys.argv[1]):
    if line.startswith("== GET "):
        path = line[7:].strip(); rounds.setdefault(path, {"req": 0, "secs": 0, "non2xx": 0, "p": {}}); continue
    m = re.match(r"\s+(\d+) requests in ([\d.]+)s", line)
    if m: rounds[path]["req"] += int(m.group(1)); rounds[path]["secs"] += float(m.group(2))
    m = re.match(r"\s+Non-2xx or 3xx responses: (\d+)", line)
    if m: rounds[path]["non2xx"] += int(m.group(1))
    m = re.match(r"\s+(50|90|99)%\s+([\d.]+)(us|ms|s)", line)
    if m:
        v = float(m.group(2)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(3)]
        rounds[path]["p"].setdefault(m.group(1), []).append(v)
for path, r in rounds.items():
    worst = {k: max(v) for k, v in r["p"].items()}
    rate = r["req"] / r["secs"] if r["secs"] else 0
    print(f"  GET {path}: {r['req']} requests, {rate:.0f}/s, non-2xx {r['non2xx']}, latency "
          f"p50 <= {worst.get('50', 0):.2f} ms, p90 <= {worst.get('90', 0):.2f} ms, p99 <= {worst.get('99', 0):.2f} ms (worst round)")
PY
echo
check "the loaded run ends exactly as the reference run" diff <(summary quiet) <(summary loaded)
check "the dashboard answered every request with 2xx" bash -c "! grep -q 'Non-2xx' '$wrk_out'"
check "no pass of the loaded run went over the tick budget" grep -q 'passes over it 0)' "$work/loaded.txt"
check "no error in the loaded run's log" bash -c "! grep -qs '\"level\":\"ERROR\"' '$work'/loaded-logs/*.jsonl"
check "the loaded database passes PRAGMA integrity_check" \
  python3 -c "import sqlite3,sys; sys.exit(0 if sqlite3.connect('file:$work/loaded.db?mode=ro', uri=True).execute('PRAGMA integrity_check').fetchone()[0] == 'ok' else 1)"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
