#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against a private MariaDB, Kestrel on loopback
# and headless Chromium (all started by the tests themselves).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet test IsuBench.sln -c Release "$@"
