#!/usr/bin/env bash
# Runs a whole offline paper run on the replay exchange and samples the process's resident memory
# (VmRSS) every 200 ms. Prints ticks, wall time and the median and peak RSS.
#
#   scripts/measure-rss.sh                      # bundled history, BTC ETH XRP SOL
#   scripts/measure-rss.sh DIR SYMBOLS          # e.g. a directory of upbit_KRW-ETH_60m*.csv files, ETH/KRW
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="${1:-}"
symbols="${2:-BTC/KRW,ETH/KRW,XRP/KRW,SOL/KRW}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$here/trader" --version >/dev/null   # builds the jar if needed
args=(run --exchange replay --symbols "$symbols" --db "$work/rss.db" --log-dir "$work/logs"
      --set "KILL_SWITCH_FILE=$work/kill_switch")
[[ -n "$data_dir" ]] && args+=(--set "REPLAY_DATA_DIR=$data_dir")

start=$(date +%s.%N)
java ${TRADER_JAVA_OPTS:-} -jar "$here/target/coin-trader.jar" "${args[@]}" >"$work/out.txt" 2>"$work/err.txt" &
pid=$!
samples="$work/rss.txt"
while kill -0 "$pid" 2>/dev/null; do
  awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null >>"$samples" || true
  sleep 0.2
done
wait "$pid"
end=$(date +%s.%N)

ticks=$(grep -c ' KST  ' "$work/out.txt" || true)
sort -n "$samples" | awk -v ticks="$ticks" -v t0="$start" -v t1="$end" '
  { v[NR] = $1 }
  END {
    med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "ticks %d in %.1f s wall (JVM start included)\n", ticks, t1 - t0
    printf "resident memory: median %.0f MiB, peak %.0f MiB over %d samples\n", med / 1024, v[NR] / 1024, NR
  }'
tail -6 "$work/out.txt"
