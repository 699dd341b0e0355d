#!/usr/bin/env bash
# Measures whether splitting one run over several processes changes what it measures (issue 23; results/segments.md):
# `isubench run --processes N` for each N of --settings, in rounds (each round runs every setting once, in a rotating
# order, so that the machine's drift over minutes falls on all settings alike), each run after a reset of the target.
# For each run: score, pass, the bench's CPU (its own and its segments', from /usr/bin/time), whether the bench ran out of
# sockets (`bench_capacity`), and the errors. Then the medians per setting, CPU per point, and each setting's median
# score relative to the first setting's.
# Against the reference (--profile baseline|tuned): a private MariaDB, the data set reloaded and the server restarted
# before each run (scripts/reset-reference.sh). Against any other target: --url URL and --reset-command CMD.
# Not part of the test suite: it loads the whole machine for (rounds x settings) minutes.
#   scripts/bench-segments.sh (--profile baseline|tuned | --url URL --reset-command CMD) [--settings "1 2 4"] [--rounds 3]
#                             [--duration 60] [--run-options "--front-end isucon6f ..."] [--out results/segments-DATE]
set -euo pipefail
cd "$(dirname "$0")/.."

profile="" url="" reset_command="" settings="1 2 4" rounds=3 duration=60 run_options="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    --url) url="$2"; shift 2 ;;
    --reset-command) reset_command="$2"; shift 2 ;;
    --settings) settings="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --run-options) run_options="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --profile P | --url URL --reset-command CMD, --settings \"1 2 4\", --rounds N, --duration S, --run-options OPTIONS, --out DIR)" >&2; exit 2 ;;
  esac
done
if [ -n "$profile" ] && [ -n "$url" ]; then echo "give --profile (the reference, started here) or --url (another target), not both" >&2; exit 2; fi
if [ -z "$profile" ] && { [ -z "$url" ] || [ -z "$reset_command" ]; }; then
  echo "give --profile baseline|tuned, or --url URL with --reset-command CMD (what puts that target back to its initial data)" >&2; exit 2
fi
for n in $settings; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "--settings takes process counts such as \"1 2 4\", not '$n'" >&2; exit 2; }
done

scripts/setup.sh
command -v python3 >/dev/null || { echo "python3 is required (it summarizes the results)" >&2; exit 4; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is required (it measures the bench's CPU): sudo apt-get install -y time" >&2; exit 4; }
dotnet build src/Bench -c Release -v quiet -nologo >/dev/null
bin=src/Bench/bin/Release/net10.0
isubench() { dotnet "$bin/isubench.dll" "$@"; }

out="${out:-results/segments-$(date -u +%Y-%m-%d)}"
work=.local/bench-segments
dir="$work/db"
pid_file="$work/server.pid"
mkdir -p "$out" "$work"
# Every watcher holds a socket on both sides: the server gets as many open files as the system allows.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

stop_server() {
  if [ -s "$pid_file" ]; then
    local pid; pid="$(cat "$pid_file")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pid_file"
  fi
}
cleanup() {
  stop_server
  [ -n "$profile" ] && isubench db stop --dir "$dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$profile" ]; then
  isubench db stop --dir "$dir" >/dev/null 2>&1 || true
  rm -rf "$dir"
  mysql="$(isubench db start --dir "$dir" --port 0 | tail -n 1)"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  url="http://127.0.0.1:$port"
  reset_command="scripts/reset-reference.sh --mysql '$mysql' --profile $profile --url $url --pid-file $pid_file --log $work/server.log"
fi

read -r -a counts <<<"$settings"
for round in $(seq 1 "$rounds"); do
  for i in "${!counts[@]}"; do
    n="${counts[$(((round - 1 + i) % ${#counts[@]}))]}"
    folder="$out/processes-$n/round-$round"
    rm -rf "$folder"
    mkdir -p "$folder"
    echo "== round $round: --processes $n" >&2
    bash -c "$reset_command" >"$work/reset.log" 2>&1 || { echo "the reset failed; see $work/reset.log" >&2; exit 1; }
    # /usr/bin/time counts the segments' CPU too: the bench waits for each of its processes.
    # shellcheck disable=SC2086
    /usr/bin/time -o "$folder/time.txt" -f '%U %S %e' dotnet "$bin/isubench.dll" run --target "$url" --duration "$duration" \
      --processes "$n" --no-progress --out "$folder" --baseline "$work/no-baseline.json" $run_options >"$folder/stdout.txt" 2>&1 || true
    [ -f "$folder/result.json" ] || echo "round $round, --processes $n wrote no result.json; see $folder/stdout.txt" >&2
  done
done
stop_server

python3 - "$out" "$duration" "$settings" "$url" <<'PY'
import glob, json, os, statistics, sys
out, duration, settings, url = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4]
rows, medians = [], {}
for n in settings:
    runs = []
    for folder in sorted(glob.glob(os.path.join(out, f"processes-{n}", "round-*"))):
        result = os.path.join(folder, "result.json")
        if not os.path.exists(result):
            runs.append(None)
            continue
        doc = json.load(open(result))
        user, system, wall = map(float, open(os.path.join(folder, "time.txt")).read().split()[-3:])
        errors = doc.get("errors") or []
        runs.append({"score": doc["score"], "pass": doc["pass"], "cpu": user + system,
                     "capacity": sum(e["count"] for e in errors if e["kind"] == "bench_capacity"),
                     "errors": sum(e["count"] for e in errors), "round": os.path.basename(folder)})
    done = [r for r in runs if r]
    for r in done:
        rows.append(f"| {n} | {r['round']} | {r['score']:,} | {'yes' if r['pass'] else 'NO'} | {r['cpu']:.1f} s | "
                    f"{1000 * r['cpu'] / max(r['score'], 1):.2f} ms | {r['capacity']:,} | {r['errors']:,} |")
    if done:
        medians[n] = (statistics.median(r["score"] for r in done),
                      statistics.median(1000 * r["cpu"] / max(r["score"], 1) for r in done), len(done), len(runs))
lines = [f"Target {url}, {duration} s runs, settings {' '.join(settings)}, in rounds of one run per setting (rotating order).", "",
         "| processes | run | score | pass | bench CPU | CPU per point | bench_capacity errors | all errors |", "|---|---|---|---|---|---|---|---|", *rows, "",
         "| processes | runs | median score | relative to the first | median CPU per point | relative to the first |", "|---|---|---|---|---|---|"]
first = medians.get(settings[0])
for n, (score, cpu, done, total) in medians.items():
    lines.append(f"| {n} | {done} of {total} | {score:,.0f} | {score / first[0]:.2f} | {cpu:.2f} ms | {cpu / first[1]:.2f} |" if first
                 else f"| {n} | {done} of {total} | {score:,.0f} | - | {cpu:.2f} ms | - |")
text = "\n".join(lines) + "\n"
open(os.path.join(out, "segments.md"), "w").write(text)
print(text)
PY
