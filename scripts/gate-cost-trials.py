#!/usr/bin/env python3
"""What the gate makes of the server's cost figures, raw and relative to the bench's own (the yardstick).

Reads the runs of a `scripts/bench-gate.sh --interleave` folder (each series' round-*/result.json), prints each series'
coefficient of variation of `process isuketch`'s CPU ms per request, of the bench's own, and of their ratio; then runs
`isubench gate` on the real series and on resampled trials (k = 3, 4 and 5 runs drawn with replacement from each side), one figure at
a time, the slowed series and the unchanged second series each against the first. Markdown on stdout (results/gate-cost.md).
With --kind KIND, the same for one kind of request sent alone (the gate workload's kind windows, docs/ci.md): the figures
`process isuketch, KIND alone: ...` and the bench's own in the same window. --source names another source (process mariadb).
  scripts/gate-cost-trials.py OUT_FOLDER [--kind "GET /api/rooms"] [--source "process isuketch"] [--ks 3,4,5] [--trials 200]
                              [--bin src/Bench/bin/Release/net10.0]
"""
import argparse, glob, json, os, random, statistics, subprocess, tempfile
from concurrent.futures import ThreadPoolExecutor

SERIES = ["tuned-gate", "tuned-gate-again", "tuned-slowed", "baseline-gate"]

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("folder")
parser.add_argument("--kind", help="one kind of request sent alone, e.g. 'GET /api/rooms' (default: the whole measured window)")
parser.add_argument("--source", default="process isuketch")
parser.add_argument("--ks", default="3,4,5", help="runs drawn per side in the resampled trials, comma separated")
parser.add_argument("--trials", type=int, default=200)
parser.add_argument("--bin", default="src/Bench/bin/Release/net10.0")
args = parser.parse_args()
# The figures' names as result.json's gate_figures write them (CostFigureName).
where = f", {args.kind} alone" if args.kind else ""
RAW = f"{args.source}{where}: cpu ms per request"
RELATIVE = f"{args.source}{where}: cpu per request relative to the bench"
BENCH = f"isubench{where}: cpu ms per request"


def cost_of(doc, name):
    """A source's CPU ms per request: from the measured window's sources, or from one kind window's."""
    if args.kind:
        kind = next((k for k in doc["cost"].get("kinds") or [] if k["kind"] == args.kind), None)
        if kind is None:
            raise SystemExit(f"no kind window of {args.kind!r} in a run (kinds: {[k['kind'] for k in doc['cost'].get('kinds') or []]})")
        sources = kind["sources"]
    else:
        sources = doc["cost"]["sources"]
    return {s["name"]: s["cpu_ms_per_request"] for s in sources}[name]


def runs(series):
    found = []
    for path in sorted(glob.glob(os.path.join(args.folder, series, "round-*", "result.json"))):
        doc = json.load(open(path))
        server, bench = cost_of(doc, args.source), cost_of(doc, "isubench")
        found.append({"pass": doc["pass"], "score": doc["score"], "crowded": (doc["cost"].get("machine") or {}).get("crowded"),
                      "bench": bench, RAW: server, RELATIVE: round(server / bench, 4)})
    return found


series = {name: runs(name) for name in SERIES if os.path.isdir(os.path.join(args.folder, name))}


def cv(values):
    return statistics.stdev(values) / statistics.fmean(values) * 100


print(f"Figures: `{RAW}`, `{RELATIVE}` (the bench's own: `{BENCH}`).\n")
print("| series | runs | crowded | CPU ms per request (median) | its CV | the bench's own CV | relative to the bench (median) | its CV |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name, found in series.items():
    print(f"| {name} | {len(found)} | {sum(1 for r in found if r['crowded'])} | {statistics.median(r[RAW] for r in found):.3f} | "
          f"{cv([r[RAW] for r in found]):.1f} % | {cv([r['bench'] for r in found]):.1f} % | "
          f"{statistics.median(r[RELATIVE] for r in found):.4f} | {cv([r[RELATIVE] for r in found]):.1f} % |")
for figure in (RAW, RELATIVE):
    rise = statistics.median(r[figure] for r in series["tuned-slowed"]) / statistics.median(r[figure] for r in series["tuned-gate"]) - 1
    again = statistics.median(r[figure] for r in series["tuned-gate-again"]) / statistics.median(r[figure] for r in series["tuned-gate"]) - 1
    print(f"\n{figure.split(': ', 1)[1]}: tuned-slowed {rise:+.1%}, tuned-gate-again {again:+.1%} against tuned-gate (medians)")

work = tempfile.mkdtemp()


def document(chosen, figure):
    return {"pass": True, "score": 0, "messages": [], "repeat": {"runs": [
        dict({"run_id": f"r{i}", "pass": r["pass"], "score": r["score"], "gate_figures": {figure: {"value": r[figure], "better": "lower"}}},
             **({"crowded": r["crowded"]} if r["crowded"] else {})) for i, r in enumerate(chosen)]}}


def gate(candidate, baseline, figure, tag):
    a, b = os.path.join(work, tag + "-a.json"), os.path.join(work, tag + "-b.json")
    json.dump(document(candidate, figure), open(a, "w"))
    json.dump(document(baseline, figure), open(b, "w"))
    done = subprocess.run(["dotnet", f"{args.bin}/isubench.dll", "gate", "--result", a, "--baseline", b], capture_output=True, text=True)
    word = {0: "PASS", 3: "FAIL", 5: "INCONCLUSIVE"}.get(done.returncode, f"exit {done.returncode}")
    return word + (" (would FAIL, crowded)" if "it would FAIL" in done.stdout else "")


print(f"\n| figure | candidate | real series | k runs a side | {args.trials} resampled trials |")
print("|---|---|---|---:|---|")
for figure in (RAW, RELATIVE):
    for candidate in ("tuned-slowed", "tuned-gate-again"):
        real = gate(series[candidate], series["tuned-gate"], figure, "real")
        for k in (int(k) for k in args.ks.split(",")):
            rng = random.Random(42)
            picks = [([rng.choice(series[candidate]) for _ in range(k)], [rng.choice(series["tuned-gate"]) for _ in range(k)])
                     for _ in range(args.trials)]
            with ThreadPoolExecutor(2) as pool:
                words = list(pool.map(lambda item: gate(item[1][0], item[1][1], figure, f"t{item[0]}"), enumerate(picks)))
            tally = ", ".join(f"{word} {words.count(word)}" for word in sorted(set(words)))
            print(f"| {figure.split(': ', 1)[1]} | {candidate} | {real} | {k} | {tally} |", flush=True)
