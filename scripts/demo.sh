#!/usr/bin/env bash
# The main job: private MariaDB, the full initial data set, the reference server, a full benchmark run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet build src/Bench -c Release -v quiet -nologo
exec dotnet src/Bench/bin/Release/net10.0/isubench.dll demo "$@"
