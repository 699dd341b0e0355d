#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against a private MariaDB, Kestrel on loopback
# and headless Chromium (all started by the tests themselves).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test IsuBench.sln -c Release "$@" 2>&1 | tee "$log" || status=$?
# One closing line over all test projects, in the plain form CI systems read.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
