#!/usr/bin/env bash
# Measures what the regression gate can rely on, on this machine (results/gate.md):
#  - variance: N runs of the gate workload and N of the ISUCON score mode against each reference profile, each run after
#    a full reset (data set reloaded, server restarted) and each series after a warm-up run that is not counted, and the
#    coefficient of variation of every figure;
#  - power: N runs of `tuned` slowed down on purpose (isuketch --inject-delay) and a second unchanged series, judged by
#    `isubench gate` against the first unchanged series: once on the real series, then on many resamples of them.
# Every run also reads what the server spends per request (`--target-pid` of the reference and of its MariaDB): the
# cost figures, gated with `--max-cost-rise`.
# Not part of the test suite: it takes about half an hour (5 runs a series) and loads the whole machine.
# With --interleave, only the gate series are made (the three of `tuned`, for power, and `baseline-gate`), in rounds
# instead of one after the other: each round runs each of them once (in a rotating order), so that the machine's drift
# over minutes falls on all alike, as in a CI job that alternates a baseline's runs with a candidate's. Its gate.md stays
# in the --out folder.
# With --neighbour, `stress-ng --cpu 1` (one busy loop) runs through the whole series: what the figures do on a crowded
# runner, where the runs are marked crowded and the gate fails none of them.
#   scripts/bench-gate.sh [--runs 5] [--score-runs N (default: --runs; 0: none)] [--warmup-runs 1] [--gate-duration 30]
#                         [--score-duration 60] [--delay "GET /api/rooms/*=0.18"] [--trials 200] [--interleave]
#                         [--neighbour] [--gate-options "--max-cost-rise 0.03"] [--cost-figure NAME]... [--out results/gate-DATE]
# The trials tally the whole gate's decision, and each cost figure's own: those named by --cost-figure (repeatable, e.g.
# "process isuketch, GET /api/rooms alone: cpu per request relative to the bench"), by default the server's gated cost
# figures of process isuketch, over the measured window and over each kind window (docs/ci.md).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5 score_runs="" warmup_runs=1 gate_duration=30 score_duration=60 delay="GET /api/rooms/*=0.18" trials=200 out="" interleave=0
neighbour=0 gate_options="" cost_figures=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --score-runs) score_runs="$2"; shift 2 ;;
    --warmup-runs) warmup_runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --gate-duration) gate_duration="$2"; shift 2 ;;
    --score-duration) score_duration="$2"; shift 2 ;;
    --delay) delay="$2"; shift 2 ;;
    --trials) trials="$2"; shift 2 ;;
    --interleave) interleave=1; shift ;;
    --neighbour) neighbour=1; shift ;;
    --gate-options) gate_options="$2"; shift 2 ;;
    --cost-figure) cost_figures="$cost_figures$2"$'\n'; shift 2 ;;
    *) echo "unknown option $1 (use --runs N, --score-runs N, --warmup-runs N, --gate-duration S, --score-duration S, --delay SPEC, --trials N, --interleave, --neighbour, --gate-options OPTIONS, --cost-figure NAME, --out DIR)" >&2; exit 2 ;;
  esac
done

scripts/setup.sh
command -v python3 >/dev/null || { echo "python3 is required (it summarizes the results)" >&2; exit 4; }
if [ "$neighbour" = 1 ] && ! command -v stress-ng >/dev/null; then
  echo "--neighbour needs stress-ng: sudo apt-get install -y stress-ng" >&2
  exit 4
fi
dotnet build src/Bench -c Release -v quiet -nologo >/dev/null
bin=src/Bench/bin/Release/net10.0
isubench() { dotnet "$bin/isubench.dll" "$@"; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"

score_runs="${score_runs:-$runs}"
out="${out:-results/gate-$(date -u +%Y-%m-%d)}"
work=.local/bench-gate
dir="$work/db"
pid_file="$work/server.pid"
mkdir -p "$out" "$work"

stop_server() {
  if [ -s "$pid_file" ]; then
    local pid; pid="$(cat "$pid_file")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pid_file"
  fi
}
neighbour_pid=""
cleanup() {
  [ -n "$neighbour_pid" ] && kill "$neighbour_pid" 2>/dev/null || true
  stop_server
  isubench db stop --dir "$dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

isubench db stop --dir "$dir" >/dev/null 2>&1 || true
rm -rf "$dir"
mysql="$(isubench db start --dir "$dir" --port 0 | tail -n 1)"
# What the server spends: the reference, and the MariaDB it stores in (read again at each run, as the reset restarts it).
targets="isuketch=$pid_file,mariadb=$dir/mysqld.pid"
if [ "$neighbour" = 1 ]; then
  stress-ng --cpu 1 --quiet &
  neighbour_pid=$!
  echo "== a noisy neighbour runs through the series: stress-ng --cpu 1 (pid $neighbour_pid)" >&2
fi

# series NAME PROFILE WORKLOAD DURATION [isuketch options...]: N runs, each after a reset that restarts the server.
series() {
  local name="$1" profile="$2" workload="$3" duration="$4" runs="$runs"; shift 4
  [ "$workload" = isucon ] && runs="$score_runs"
  [ "$runs" -gt 0 ] || return 0
  local reset="scripts/reset-reference.sh --mysql '$mysql' --profile $profile --url $url --pid-file $pid_file --log $work/$name-server.log"
  [ $# -gt 0 ] && reset="$reset -- $(printf "%q " "$@")"
  echo "== $name: $runs runs of $workload for $duration s against $profile" >&2
  rm -rf "${out:?}/$name"
  isubench run --target "$url" --workload "$workload" --duration "$duration" --repeat "$runs" --warmup-runs "$warmup_runs" --reset-command "$reset" \
    --target-pid "$targets" --out "$out/$name" --no-progress --baseline "$work/no-baseline.json" >"$work/$name.log" 2>&1 || true
  stop_server
  [ -f "$out/$name/result.json" ] || { echo "$name wrote no result.json; see $work/$name.log" >&2; exit 1; }
}

# rounds: the three tuned gate series, one run of each per round (warm-up rounds first, not counted), each run in its
# own folder; then each series' runs are gathered into one result.json with a repeat section, as --repeat writes it.
rounds() {
  local names=(tuned-gate tuned-gate-again tuned-slowed baseline-gate) round name i profile
  for name in "${names[@]}"; do rm -rf "${out:?}/$name"; done
  for round in $(seq 1 $((warmup_runs + runs))); do
    for i in 0 1 2 3; do
      name="${names[$(((round + i) % 4))]}"
      profile=tuned
      [ "$name" = baseline-gate ] && profile=baseline
      local folder="round-$round" reset="scripts/reset-reference.sh --mysql '$mysql' --profile $profile --url $url --pid-file $pid_file --log $work/$name-server.log"
      [ "$round" -le "$warmup_runs" ] && folder="warm-up-$round"
      [ "$name" = tuned-slowed ] && reset="$reset -- --inject-delay $(printf "%q" "$delay")"
      echo "== round $round: $name" >&2
      isubench run --target "$url" --workload gate --duration "$gate_duration" --repeat 1 --reset-command "$reset" \
        --target-pid "$targets" --out "$out/$name/$folder" --no-progress --baseline "$work/no-baseline.json" >>"$work/$name.log" 2>&1 || true
      stop_server
    done
  done
  python3 - "$out" "${names[@]}" <<'PY'
import glob, json, os, statistics, sys
out = sys.argv[1]
def spread(values):
    mean = statistics.fmean(values)
    cv = statistics.stdev(values) / mean if len(values) > 1 and mean != 0 else None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "cv": cv}
for name in sys.argv[2:]:
    folders = sorted(glob.glob(os.path.join(out, name, "round-*")), key=lambda f: int(f.rsplit("-", 1)[1]))
    docs = [json.load(open(os.path.join(f, "result.json"))) for f in folders]
    # Each run is named after its folder (round-<n>, counting the warm-up rounds), where its files are.
    runs = [dict(d["repeat"]["runs"][0], run_id=os.path.basename(f)) for f, d in zip(folders, docs)]
    figures = {"score": spread([r["score"] for r in runs])}
    for figure in sorted({k for r in runs for k in (r.get("gate_figures") or {})}):
        figures[figure] = spread([r["gate_figures"][figure]["value"] for r in runs if figure in (r.get("gate_figures") or {})])
    doc = dict(docs[0], **{"pass": all(r["pass"] for r in runs), "score": round(figures["score"]["median"]),
                           "repeat": {"count": len(runs), "median_run_id": runs[0]["run_id"], "spread": figures, "runs": runs}})
    with open(os.path.join(out, name, "result.json"), "w") as f:
        json.dump(doc, f, indent=1)
PY
}

if [ "$interleave" = 1 ]; then
  rounds
else
  series baseline-gate baseline gate "$gate_duration"
  series baseline-isucon baseline isucon "$score_duration"
  series tuned-gate tuned gate "$gate_duration"
  series tuned-isucon tuned isucon "$score_duration"
  series tuned-gate-again tuned gate "$gate_duration"
  series tuned-slowed tuned gate "$gate_duration" --inject-delay "$delay"
fi

echo "== gate on the real series, then on $trials resamples of them" >&2
python3 - "$out" "$bin" "$trials" "$delay" "$runs" "$gate_duration" "$score_duration" "$score_runs" "$warmup_runs" "$interleave" "$neighbour" "$gate_options" "$cost_figures" <<'PY'
import json, os, random, shlex, statistics, subprocess, sys, tempfile
out, bin, trials, delay, runs, gate_duration, score_duration, score_runs, warmup_runs, interleave, neighbour, gate_options, cost_figures = sys.argv[1:14]
trials = int(trials)
# Resamples of k runs a side: 3 and 5, and the whole series when it is longer.
ks = sorted({3, 5, int(runs)})
def load(name):
    with open(os.path.join(out, name, "result.json")) as f:
        return json.load(f)
series = {name: load(name) for name in ["baseline-gate", "baseline-isucon", "tuned-gate", "tuned-isucon", "tuned-gate-again", "tuned-slowed"]
          if os.path.exists(os.path.join(out, name, "result.json"))}
gate_codes = {0: "PASS", 3: "FAIL", 5: "INCONCLUSIVE"}

def gate(candidate, baseline):
    r = subprocess.run(["dotnet", f"{bin}/isubench.dll", "gate", "--result", candidate, "--baseline", baseline] + shlex.split(gate_options),
                       capture_output=True, text=True)
    return gate_codes.get(r.returncode, f"exit {r.returncode}"), r.stdout + r.stderr

# The server's own cost figures (its CPU per request relative to the bench's own, the gated ones), each decided on its own
# line of the gate's output ("WORD: NAME (lower is better): ..."): its word, and whether it would have failed but for a
# crowded machine. By default those of process isuketch: over the measured window, and over each kind window.
RELATIVE = ": cpu per request relative to the bench"
COSTS = [c for c in cost_figures.split("\n") if c] or sorted(
    (name for name, figure in (series["tuned-gate"].get("gate_figures") or {}).items()
     if name.startswith("process isuketch") and name.endswith(RELATIVE) and figure.get("gated", True)),
    key=lambda name: (", " in name.split(":", 1)[0], name))
def cost_decision(text, cost):
    for line in text.splitlines():
        rest = line.split(": ", 1)[-1]
        # "NAME (lower is better): ..." with several runs a side, "NAME 1.7 vs ..." or "median NAME ..." with one.
        if rest.startswith(f"{cost} ") or rest.startswith(f"median {cost} "):
            word = line.split(":", 1)[0]
            return word + (" (would FAIL, crowded)" if "it would FAIL" in line else "")
    return "absent"

lines = [f"# Gate: variance and power", "",
         f"Made by `scripts/bench-gate.sh --runs {runs} --score-runs {score_runs} --warmup-runs {warmup_runs} --gate-duration {gate_duration} --score-duration {score_duration} "
         f"{'--interleave ' if interleave == '1' else ''}{'--neighbour ' if neighbour == '1' else ''}"
         f"{f'--gate-options {shlex.quote(gate_options)} ' if gate_options else ''}"
         f"--delay \"{delay}\" --trials {trials}` on {series['tuned-gate']['started_at'][:10]}; every run after a full reset "
         f"(data set reloaded, server restarted), each series after {warmup_runs} warm-up run(s) not counted"
         f"{'; `stress-ng --cpu 1` ran through every series' if neighbour == '1' else ''}.", "", "## Variance (coefficient of variation over the runs)", ""]
for name, doc in series.items():
    spread = doc["repeat"]["spread"]
    crowded = sum(1 for r in doc["repeat"]["runs"] if r.get("crowded"))
    lines.append(f"### {name}: {doc['repeat']['count']} runs, {'all passed' if doc['pass'] else 'NOT all passed'}, {crowded} marked crowded")
    lines.append("")
    lines.append("| figure | gated | median | min | max | CV |")
    lines.append("|---|---|---:|---:|---:|---:|")
    gated = {k: v.get("gated", True) for k, v in (doc.get("gate_figures") or {}).items()}
    for figure, s in spread.items():
        cv = "—" if s["cv"] is None else f"{s['cv'] * 100:.1f} %"
        mark = "score" if figure == "score" else ("yes" if gated.get(figure, True) else "no")
        lines.append(f"| {figure} | {mark} | {s['median']:.4g} | {s['min']:.4g} | {s['max']:.4g} | {cv} |")
    lines.append("")

lines += ["## Power: the real series", ""]
base = os.path.join(out, "tuned-gate", "result.json")
for name, expect in [("tuned-slowed", "FAIL"), ("tuned-gate-again", "not FAIL")]:
    decision, text = gate(os.path.join(out, name, "result.json"), base)
    lines += [f"`isubench gate --result {name} --baseline tuned-gate`: **{decision}** (expected {expect})", "", "```", text.strip(), "```", ""]

# Resamples: k runs drawn with replacement from each real series, written as a result with a repeat section.
rng = random.Random(42)
def resample(doc, k, path):
    chosen = [rng.choice(doc["repeat"]["runs"]) for _ in range(k)]
    with open(path, "w") as f:
        json.dump({"pass": all(r["pass"] for r in chosen), "score": 0, "messages": [], "repeat": {"runs": chosen}}, f)
tally, cost_tally = {}, {}
with tempfile.TemporaryDirectory() as tmp:
    for k in ks:
        for name in ("tuned-slowed", "tuned-gate-again"):
            counts, costs = {}, {}
            for t in range(trials):
                a, b = os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")
                resample(series[name], k, a)
                resample(series["tuned-gate"], k, b)
                decision, text = gate(a, b)
                counts[decision] = counts.get(decision, 0) + 1
                for cost in COSTS:
                    word = cost_decision(text, cost)
                    costs.setdefault(cost, {})[word] = costs.get(cost, {}).get(word, 0) + 1
            tally[(k, name)] = counts
            cost_tally[(k, name)] = costs
lines += ["## Power: resampled trials", "",
          f"Each trial draws k runs with replacement from the candidate series and k from `tuned-gate`, and runs `isubench gate` on them: "
          f"{trials} trials per row, all resamples of the {runs}-run real series above (2 real trials, {2 * len(ks) * trials} resampled).", "",
          "| candidate | k runs per side | FAIL | INCONCLUSIVE | PASS |", "|---|---:|---:|---:|---:|"]
for (k, name), counts in tally.items():
    lines.append(f"| {name} | {k} | {counts.get('FAIL', 0)} | {counts.get('INCONCLUSIVE', 0)} | {counts.get('PASS', 0)} |")
lines += ["", "The same trials, the decision on each of the server's cost figures alone:", "",
          "| figure | candidate | k runs per side | decisions |", "|---|---|---:|---|"]
for cost in COSTS:
    for (k, name), costs in cost_tally.items():
        words = costs.get(cost, {})
        lines.append(f"| `{cost}` | {name} | {k} | {', '.join(f'{word} {n}' for word, n in sorted(words.items()))} |")
lines.append("")
with open(os.path.join(out, "gate.md"), "w") as f:
    f.write("\n".join(lines))
# Every run's figures in one small file, so the trials above can be redone from what is committed.
with open(os.path.join(out, "gate-runs.json"), "w") as f:
    json.dump({name: {"options": doc["options"], "repeat": doc["repeat"]} for name, doc in series.items()}, f, indent=1)
print("\n".join(lines))
PY
if [ "$interleave" = 1 ]; then
  echo "== $out/gate.md written (interleaved rounds: results/gate.md left as it is)" >&2
else
  cp "$out/gate.md" results/gate.md
  cp "$out/gate-runs.json" results/gate-runs.json
  echo "== results/gate.md written; runs in $out/" >&2
fi
