#!/usr/bin/env bash
# Benchmarks the reference server's two profiles one after the other in one invocation, on this machine:
# a private MariaDB, then for baseline and then tuned: the full initial data set loaded fresh, the server
# started with that profile, `isubench run` for the same duration and seed, CPU and memory of the server,
# the bench and mariadbd sampled from /proc during the run. Writes results/profiles.md (the table),
# results/profiles-<profile>.json (each run's result.json) and the run folders under results/profiles-<date>/.
# Not part of the test suite: it takes a few minutes and loads the whole machine.
#   scripts/bench-profiles.sh [--duration 60] [--seed 42]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=60
seed=42
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --duration SECONDS, --seed N)" >&2; exit 2 ;;
  esac
done
profiles=(baseline tuned)
# Every watcher holds a socket on both sides: the server gets as many open files as the system allows (the bench raises its own).
ulimit -n "$(cat /proc/sys/fs/nr_open 2>/dev/null || echo 1048576)" 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

scripts/setup.sh
command -v python3 >/dev/null || { echo "python3 is required (it reads /proc and result.json)" >&2; exit 4; }
dotnet build src/Bench -c Release -v quiet -nologo >/dev/null
bin=src/Bench/bin/Release/net10.0
isubench() { dotnet "$bin/isubench.dll" "$@"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

day=$(date -u +%Y-%m-%d)
out="results/profiles-$day"
logs=.local/bench-profiles-logs
dir=.local/bench-profiles-db
mkdir -p "$out" "$logs"

server_pid=""
sampler_pid=""
stop_pid() {  # stop_pid PID: SIGTERM, up to 10 s, then SIGKILL; always reaped
  local pid="$1" i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  # The sampler forwards SIGTERM to the bench it runs; should the bench outlive it, it is killed by its pid.
  if [ -n "$sampler_pid" ]; then
    local bench_pid i
    bench_pid="$(ps -o pid= --ppid "$sampler_pid" | tr -d ' ' || true)"
    stop_pid "$sampler_pid"
    if [ -n "$bench_pid" ]; then
      for i in $(seq 1 50); do kill -0 "$bench_pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$bench_pid" 2>/dev/null || true
    fi
  fi
  [ -n "$server_pid" ] && stop_pid "$server_pid"
  isubench db stop --dir "$dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A database of our own, fresh: the left-overs of an interrupted invocation are stopped and removed.
isubench db stop --dir "$dir" >/dev/null 2>&1 || true
rm -rf "$dir"
mysql="$(isubench db start --dir "$dir" --port 0 | tail -n 1)"
db_pid="$(cat "$dir/mysqld.pid")"

# Runs the command after `--` as a child, samples it and the given pids from /proc every 0.5 s until it exits,
# then prints JSON: wall seconds, and per name CPU seconds used during the run and peak RSS.
# The child's CPU and peak RSS come from wait4 (exact); the others' CPU is the difference of
# utime+stime between the child's start and exit, their peak RSS the highest VmRSS seen meanwhile
# (also VmHWM, the process's own peak since it started). "machine" is all CPU of the machine (/proc/stat).
# Only run it in the background: exec makes the job's pid python's own, so the cleanup can signal it.
sampler() {
  exec python3 - "$@" <<'PY'
import json, os, resource, signal, subprocess, sys, time
args = sys.argv[1:]
split = args.index("--")
named = [a.split("=", 1) for a in args[:split]]          # name=pid
command = args[split + 1:]
tick = os.sysconf("SC_CLK_TCK")

def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick    # utime, stime (fields 14, 15)

def status_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0

def machine():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return (sum(v[:8]) - idle) / tick, sum(v[:8]) / tick

start_cpu = {name: cpu_seconds(pid) for name, pid in named}
last_cpu = dict(start_cpu)
peak_rss = {name: status_kb(pid, "VmRSS") for name, pid in named}
busy0, total0 = machine()
started, started_wall, samples = time.monotonic(), time.time(), []
child = subprocess.Popen(command, stdout=sys.stderr)
for s in (signal.SIGTERM, signal.SIGINT):
    signal.signal(s, lambda *_: child.send_signal(signal.SIGTERM))
while child.poll() is None:
    for name, pid in named:
        try:
            last_cpu[name] = cpu_seconds(pid)
            peak_rss[name] = max(peak_rss[name], status_kb(pid, "VmRSS"))
        except (FileNotFoundError, ProcessLookupError):
            pass
    try:
        bench_cpu = cpu_seconds(child.pid)
    except (FileNotFoundError, ProcessLookupError):
        bench_cpu = None
    busy, total = machine()
    samples.append({"t": time.monotonic() - started, "bench": bench_cpu, "busy": busy - busy0, "capacity": total - total0,
                    **{name: last_cpu[name] - start_cpu[name] for name, _ in named}})
    time.sleep(0.5)
# poll() reaped the child; its usage is in RUSAGE_CHILDREN (the only child this process had).
wall = time.monotonic() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
busy1, total1 = machine()
result = {"wall_seconds": wall, "exit_code": child.returncode, "started_wall": started_wall, "samples": samples,
          "bench": {"cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_kb": usage.ru_maxrss}}
for name, pid in named:
    try:
        last_cpu[name] = cpu_seconds(pid)
        hwm = status_kb(pid, "VmHWM")
    except (FileNotFoundError, ProcessLookupError):
        hwm = 0
    result[name] = {"cpu_seconds": last_cpu[name] - start_cpu[name], "peak_rss_kb": peak_rss[name], "hwm_kb": hwm}
result["machine"] = {"cpu_seconds": busy1 - busy0, "capacity_seconds": total1 - total0}
print(json.dumps(result))
PY
}

load_before="$(cat /proc/loadavg)"
for profile in "${profiles[@]}"; do
  echo "== $profile: loading the full initial data set" >&2
  isubench data init --mysql "$mysql" --seed "$seed" >&2

  port=$(free_port)
  target="http://127.0.0.1:$port"
  echo "== $profile: starting the reference server on $target" >&2
  ISUKETCH_MYSQL="$mysql" dotnet "$bin/isuketch.dll" --profile "$profile" --urls "$target" >"$logs/$profile-server.log" 2>&1 &
  server_pid=$!
  waited=0
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$target/api/rooms" || true)" = 200 ]; do
    kill -0 "$server_pid" 2>/dev/null || { echo "the $profile server exited; see $logs/$profile-server.log" >&2; exit 1; }
    [ "$waited" -lt 1800 ] || { echo "the $profile server gave no 200 on /api/rooms within 180 s" >&2; exit 1; }
    sleep 0.1; waited=$((waited + 1))
  done

  echo "== $profile: isubench run for $duration s (seed $seed)" >&2
  rm -rf "${out:?}/$profile"
  sampler server="$server_pid" database="$db_pid" -- \
    dotnet "$bin/isubench.dll" run --target "$target" --duration "$duration" --seed "$seed" --no-progress --out "$out/$profile" \
    >"$logs/$profile-usage.json" 2>"$logs/$profile-bench.log" &
  sampler_pid=$!
  wait "$sampler_pid" || true   # the bench's own exit code (1 = a critical check failed) is in usage.json
  sampler_pid=""
  [ -s "$logs/$profile-usage.json" ] || { echo "no usage sample for $profile; see $logs/$profile-bench.log" >&2; exit 1; }
  [ -f "$out/$profile/result.json" ] || { echo "$profile wrote no result.json; see $logs/$profile-bench.log" >&2; exit 1; }
  cp "$logs/$profile-usage.json" "$out/$profile/usage.json"
  cp "$out/$profile/result.json" "results/profiles-$profile.json"

  stop_pid "$server_pid"
  server_pid=""
done
load_after="$(cat /proc/loadavg)"

python3 - "$out" "$day" "$duration" "$seed" "$load_before" "$load_after" "$(nproc)" "${profiles[@]}" >results/profiles.md <<'PY'
import json, sys
from datetime import datetime
out, day, duration, seed, load_before, load_after, cores = sys.argv[1:8]
profiles = sys.argv[8:]
runs = {p: (json.load(open(f"{out}/{p}/result.json")), json.load(open(f"{out}/{p}/usage.json"))) for p in profiles}

def rate(result):
    # Mean requests/s over the load phase's time series (each sample covers the time since the one before).
    points, total, before = result.get("time_series") or [], 0.0, 0.0
    for p in points:
        total += p["requests_per_second"] * (p["elapsed_seconds"] - before)
        before = p["elapsed_seconds"]
    return total / before if before else 0.0

def cell(values): return "| " + " | ".join(values) + " |"
def mib(kb): return f"{kb / 1024:.0f} MiB"
def cpu(usage, name):
    s, wall = usage[name]["cpu_seconds"], usage["wall_seconds"]
    return f"{s:.1f} s ({100 * s / wall:.0f} %)"

lines = [f"# Reference profiles: baseline vs tuned ({day})", "",
         f"`scripts/bench-profiles.sh`: `isubench run --duration {duration} --seed {seed}` against each profile in turn, "
         "each on the full initial data set loaded fresh (1000 rooms, 41,000 strokes), one private MariaDB. "
         f"Bench, server and database share the machine's {cores} cores (and with whatever else runs on it).", "",
         cell(["", *profiles]), cell(["---"] * (len(profiles) + 1))]
def row(label, f): lines.append(cell([label, *(f(*runs[p]) for p in profiles)]))
row("**score**", lambda r, u: f"**{r['score']}**")
row("pass (exit code)", lambda r, u: f"{str(r['pass']).lower()} ({u['exit_code']})")
for kind in ("get", "post", "stream_stroke"):
    row(f"score: {kind} (count)", lambda r, u, k=kind: f"{r['scores'][k]['points']} ({r['scores'][k]['count']})")
row("requests/s (load phase mean)", lambda r, u: f"{rate(r):.0f}")
row("peak watchers", lambda r, u: str(max((p["watchers"] for p in r.get("time_series") or []), default=0)))
row("errors (ordinary / critical)", lambda r, u: "{} / {}".format(
    sum(e["count"] for e in r["errors"] if e["kind"] != "critical"), sum(e["count"] for e in r["errors"] if e["kind"] == "critical")))
row("SSE delivery p50 / p99 (strokes seen)", lambda r, u: "–" if not r["sse_delivery"]["count"] else
    f"{r['sse_delivery']['p50_ms']:.0f} / {r['sse_delivery']['p99_ms']:.0f} ms ({r['sse_delivery']['count']})")
endpoints = sorted({e["endpoint"] for r, _ in runs.values() for e in r["endpoints"]})
for name in endpoints:
    def p99(r, u, name=name):
        e = next((e for e in r["endpoints"] if e["endpoint"] == name), None)
        return "–" if e is None else f"{e['p99_ms']:.0f} ms ({e['count']})"
    row(f"p99 `{name}` (count)", p99)
row("bench wall time", lambda r, u: f"{u['wall_seconds']:.0f} s")
for name, label in (("server", "server"), ("bench", "bench"), ("database", "mariadbd")):
    row(f"CPU {label}", lambda r, u, n=name: cpu(u, n))
row("CPU all other processes", lambda r, u: "{:.1f} s".format(
    u["machine"]["cpu_seconds"] - sum(u[n]["cpu_seconds"] for n in ("server", "bench", "database"))))
row("peak RSS server", lambda r, u: mib(max(u["server"]["peak_rss_kb"], u["server"]["hwm_kb"])))
row("peak RSS bench", lambda r, u: mib(u["bench"]["peak_rss_kb"]))
row("peak RSS mariadbd (during the run)", lambda r, u: mib(u["database"]["peak_rss_kb"]))

base, tuned = runs["baseline"][0]["score"], runs["tuned"][0]["score"]
ratio = tuned / base if base else float("inf")
lines += ["", f"**tuned / baseline score: {ratio:.1f}×** (goal: at least 10×).", "",
          "Most frequent errors (count):"]
for p in profiles:
    top = sorted(runs[p][0]["errors"], key=lambda e: -e["count"])[:4]
    lines.append(f"- {p}: " + ("none" if not top else "; ".join(f"{e['message']} ({e['count']}, {e['kind']})" for e in top)))
lines += ["", "Every 10 s of each run (time from the bench's start; CPU as % of one core, the machine has "
          f"{int(cores) * 100} %; score and watchers from the run's time series):"]
for p in profiles:
    r, u = runs[p]
    started = datetime.fromisoformat(r["started_at"])
    offset = started.timestamp() - u["started_wall"]          # series elapsed + offset = sampler time
    series = [(t["elapsed_seconds"] + offset, t) for t in r.get("time_series") or []]
    samples = [s for s in u["samples"] if s["bench"] is not None]
    lines += ["", f"{p}:", "", cell(["s", "score gained", "peak watchers", "server", "bench", "mariadbd", "machine busy"]), cell(["---"] * 7)]
    previous, score_before = None, 0
    for s in samples:
        if previous is None:
            previous = s
            continue
        if s["t"] - previous["t"] < 9.9 and s is not samples[-1]:
            continue
        window = [t for at, t in series if previous["t"] <= at < s["t"]]
        score_after = max([t["score"] for t in window], default=score_before)
        pct = lambda k: f"{100 * (s[k] - previous[k]) / (s['t'] - previous['t']):.0f} %"
        lines.append(cell([f"{previous['t']:.0f}–{s['t']:.0f}", str(score_after - score_before),
                           str(max([t["watchers"] for t in window], default=0)), pct("server"), pct("bench"), pct("database"), pct("busy")]))
        previous, score_before = s, score_after
lines += ["", "Notes:",
          "- CPU is seconds used from the bench's start to its exit (initial check, load phase, reports), and in "
          f"brackets the share of that wall time on one core ({int(cores) * 100} % = all {cores} cores). "
          "\"All other processes\" is the machine's busy time meanwhile minus the three.",
          "- Peak RSS: the server's own peak since it started (a fresh process per profile); the bench's from wait4; "
          "mariadbd's highest resident size sampled every 0.5 s during the run (the database is shared by both runs).",
          f"- Load average (1, 5, 15 min) before: {' '.join(load_before.split()[:3])}; after: {' '.join(load_after.split()[:3])}. "
          "Other work on the machine takes CPU from all three, so absolute numbers are a floor; the ratio is the point.",
          f"- Full results: `results/profiles-<profile>.json` (each run's result.json); the run folders with report.html "
          f"are in `{out}/` (not committed)."]
print("\n".join(lines))
PY
cat results/profiles.md
