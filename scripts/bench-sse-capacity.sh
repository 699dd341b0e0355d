#!/usr/bin/env bash
# Measures what one bench process holds: concurrent SSE watchers (memory per watcher, delivery
# latency) against a minimal push server in its own process, and the bench's request rate against a
# trivial endpoint compared with wrk in the same run. Writes results/sse-capacity.md.
# Not part of the test suite: it takes several minutes and loads the whole machine.
#   scripts/bench-sse-capacity.sh [--max 19800] [--port 5099] [--seconds 10] [--rounds 3]
set -euo pipefail
cd "$(dirname "$0")/.."

MAX=19800
PORT=5099
SECONDS_PER_RUN=10
# Request-rate rounds: bench, bare HttpClient and wrk take turns, so a burst of other load on the
# machine hits one round of all three rather than one client; the median round is reported.
ROUNDS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --max) MAX="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --seconds) SECONDS_PER_RUN="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 4; }

# Other work on the machine moves every number here; the load average says how much there was.
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
dotnet build -c Release benchmarks/SseCapacity -v quiet -nologo >/dev/null
TOOL=benchmarks/SseCapacity/bin/Release/net10.0/sse-capacity.dll
TARGET="http://127.0.0.1:${PORT}"

dotnet "$TOOL" server --port "$PORT" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs "$TARGET/hello" >/dev/null 2>&1 && break
  sleep 0.1
done
kill -0 "$SERVER_PID" 2>/dev/null || { echo "the push server did not start (port $PORT taken?)" >&2; exit 4; }

echo "== request rate: bench vs wrk, $ROUNDS rounds" >&2
ROUND_ROWS=""
RATIOS=""
for ROUND in $(seq 1 "$ROUNDS"); do
  BENCH=$(dotnet "$TOOL" rps --target "$TARGET" --seconds "$SECONDS_PER_RUN" --concurrency 64)
  RAW=$(dotnet "$TOOL" rps --target "$TARGET" --seconds "$SECONDS_PER_RUN" --concurrency 64 --raw yes)
  WRK=$(wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" "$TARGET/hello")
  BENCH_RPS=$(sed -n 's/^bench_rps=//p' <<<"$BENCH")
  BENCH_CPU=$(sed -n 's/^bench_cpu_us_per_request=//p' <<<"$BENCH")
  BENCH_ERRORS=$(sed -n 's/^bench_errors=//p' <<<"$BENCH")
  RAW_RPS=$(sed -n 's/^raw_rps=//p' <<<"$RAW")
  RAW_CPU=$(sed -n 's/^raw_cpu_us_per_request=//p' <<<"$RAW")
  WRK_RPS=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$WRK")
  RATIO=$(awk -v b="$BENCH_RPS" -v w="$WRK_RPS" 'BEGIN { printf "%.0f", 100 * b / w }')
  RAW_RATIO=$(awk -v b="$BENCH_RPS" -v w="$RAW_RPS" 'BEGIN { printf "%.0f", 100 * b / w }')
  ROUND_ROWS+="| $ROUND | $BENCH_RPS | ${BENCH_CPU} µs | $RAW_RPS | ${RAW_CPU} µs | $WRK_RPS | ${RATIO} % | ${RAW_RATIO} % | $BENCH_ERRORS |"$'\n'
  RATIOS+="$RATIO $RAW_RATIO"$'\n'
done
MEDIAN_RATIO=$(awk '{print $1}' <<<"$RATIOS" | sed '/^$/d' | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')
MEDIAN_RAW_RATIO=$(awk '{print $2}' <<<"$RATIOS" | sed '/^$/d' | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')

echo "== watchers, the engine's socket transport (the default for http), up to $MAX" >&2
SOCKET=$(dotnet "$TOOL" watchers --target "$TARGET" --checkpoints 1000,10000 --max "$MAX" --transport socket --settle "$SECONDS_PER_RUN")
sleep 5
echo "== watchers, HttpClient with shared connection pools, up to $MAX" >&2
SHARED=$(dotnet "$TOOL" watchers --target "$TARGET" --checkpoints 1000,10000 --max "$MAX" --transport shared --settle "$SECONDS_PER_RUN" | tail -n +3)
sleep 5
echo "== watchers, HttpClient with one connection pool per session, up to 10000" >&2
PER_SESSION=$(dotnet "$TOOL" watchers --target "$TARGET" --checkpoints 1000,10000 --max 10000 --transport per-session --settle "$SECONDS_PER_RUN" | tail -n +3)

LOAD_END=$(cut -d' ' -f1 /proc/loadavg)
mkdir -p results
{
  echo "# SSE capacity of one bench process"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, .NET $(dotnet --version);"
  echo "open files capped at $(ulimit -n) per process. The push server runs in its own process on the same"
  echo "machine and sends one event per second to every stream; delivery latency is from the server's"
  echo "send time to the watcher's receipt, measured over ${SECONDS_PER_RUN} s after each checkpoint."
  echo "Memory per watcher is the growth of the bench process over its start, divided by connected watchers."
  echo "Load average (1 min) before the run: ${LOAD_START}, after it: ${LOAD_END}."
  echo
  echo "## Watchers (engine Session + SseClient)"
  echo
  echo "$SOCKET"
  echo "$SHARED"
  echo "$PER_SESSION"
  echo
  echo "## Requests per second against a trivial endpoint (64 concurrent loops, ${SECONDS_PER_RUN} s per client, ${ROUNDS} rounds)"
  echo
  echo "| round | bench (engine Session) requests/s | CPU per request | bare HttpClient requests/s | CPU per request | wrk -t2 -c64 requests/s | bench / wrk | bench / bare | bench errors |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s' "$ROUND_ROWS"
  echo
  echo "Bench / wrk, median round: **${MEDIAN_RATIO} %** (goal ≥ 60 %); bench / bare HttpClient, median: ${MEDIAN_RAW_RATIO} %."
  echo "All three clients share the machine's cores with the server, so only ratios within one run mean anything."
} > results/sse-capacity.md
cat results/sse-capacity.md
