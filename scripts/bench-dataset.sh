#!/usr/bin/env bash
# Measures (does not assert) how long the full initial data set takes to load into a private MariaDB, and the
# reference server's cold start: process start to the first 200 on /api/rooms with that data loaded.
# Writes results/dataset-load.md. Usage: scripts/bench-dataset.sh [runs (default 3)]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
scripts/setup.sh
dotnet build src/Bench -c Release -v quiet -nologo >/dev/null
bin=src/Bench/bin/Release/net10.0
isubench() { dotnet "$bin/isubench.dll" "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

dir=.local/bench-dataset-db
rm -rf "$dir"
mysql="$(isubench db start --dir "$dir" --port 0 | tail -n 1)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  isubench db stop --dir "$dir" >/dev/null || true
}
trap cleanup EXIT

loads=()
for i in $(seq 1 "$runs"); do
  start=$(now_ms)
  line="$(isubench data init --mysql "$mysql" 2>/dev/null)"
  end=$(now_ms)
  inner="$(sed -n 's/^data set loaded in \([0-9.]*\) s.*/\1/p' <<<"$line")"
  loads+=("$inner s (command wall time $(( end - start )) ms)")
  counts="${line#*: }"
  echo "load $i: $line" >&2
done

# Cold start: a fresh process until the first 200 on /api/rooms (the server applies the schema first).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
starts=()
for i in $(seq 1 "$runs"); do
  start=$(now_ms)
  ISUKETCH_MYSQL="$mysql" dotnet "$bin/isuketch.dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  server_pid=$!
  first=""
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/rooms" || true)" = 200 ]; do
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "the reference server exited" >&2; exit 1; fi
    if [ $(( $(now_ms) - start )) -gt 60000 ]; then echo "no 200 on /api/rooms within 60 s" >&2; exit 1; fi
    sleep 0.02
  done
  first=$(( $(now_ms) - start ))
  starts+=("$first ms")
  echo "cold start $i: $first ms" >&2
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done

{
  echo "# Initial data set load and reference cold start"
  echo
  echo "Measured by \`scripts/bench-dataset.sh $runs\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores,"
  echo "$(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(mariadbd --version 2>/dev/null | sed 's/.*Ver //; s/ for.*//'), .NET SDK $(dotnet --version), Release build."
  echo "MariaDB is the private one of \`isubench db start\` (innodb_buffer_pool_size 1G, flush_log_at_trx_commit 2, local_infile on)."
  echo
  echo "## Full data set (\`isubench data init\`, seed 42, 1000 rooms)"
  echo
  echo "Rows: $counts"
  echo
  echo "| run | load (drop, create, LOAD DATA LOCAL, AUTO_INCREMENT, count) |"
  echo "|---|---|"
  for i in "${!loads[@]}"; do echo "| $(( i + 1 )) | ${loads[$i]} |"; done
  echo
  echo "Goal: under 20 s."
  echo
  echo "## Reference cold start (\`dotnet isuketch.dll\` to the first 200 on \`/api/rooms\`, full data set loaded)"
  echo
  echo "| run | time |"
  echo "|---|---|"
  for i in "${!starts[@]}"; do echo "| $(( i + 1 )) | ${starts[$i]} |"; done
} > results/dataset-load.md
cat results/dataset-load.md
