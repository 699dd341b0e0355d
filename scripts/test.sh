#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against a private MariaDB, Kestrel on loopback
# and headless Chromium (all started by the tests themselves). Arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
log=$(mktemp)
# The build uses the compiler server even where the environment turns it off (UseSharedCompilation=false): thirteen
# projects, each compiled by a fresh compiler process, took 109 s here against 65 s with the server
# (results/suite-time.md). The server is shut down as soon as the build ends, so nothing outlives the script.
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -f "$log"' EXIT
status=0
dotnet build IsuBench.sln -c Release -p:UseSharedCompilation=true 2>&1 | tee "$log" || status=$?
dotnet build-server shutdown >/dev/null 2>&1 || true
if [ "$status" -eq 0 ]; then
  # One test project at a time: the integration tests alone keep both CPUs busy, and the unit tests running beside them
  # only slowed them into their timeouts.
  dotnet test IsuBench.sln -c Release --no-build -m:1 "$@" 2>&1 | tee -a "$log" || status=$?
fi
# One closing line over all test projects, in the plain form CI systems read.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
