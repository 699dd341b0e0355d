#!/usr/bin/env bash
# Installs what the benchmark and the tests need from Debian's packages, when missing.
# MariaDB is never started as a service: IsuBench runs it as a private process (see README).
set -euo pipefail
need=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
command -v mariadb >/dev/null 2>&1 || need+=(mariadb-client)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
# scripts/reset-reference.sh and the CI recipe wait for the server with curl.
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v dotnet >/dev/null 2>&1 || { echo "error: the .NET 10 SDK is required (dotnet on PATH)" >&2; exit 4; }
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: missing packages. Install them with: sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
    exit 4
  fi
  echo "installing: ${need[*]} (with what they depend on; this takes a minute or so)"
  export DEBIAN_FRONTEND=noninteractive
  echo "  updating the package lists (apt-get update)"
  apt-get update -q >/dev/null
  # The package must not start a system MariaDB: IsuBench runs its own.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  # apt's own lines, condensed into a progress line every few packages (its errors go to stderr unfiltered).
  apt-get install -y -q "${need[@]}" | awk -v wanted=" ${need[*]} " '
    function say(line) { print "  " line; fflush() }
    / newly installed,/ { total = $3 + 0; say($0) }
    /^Need to get / { say($0) }
    /^Get:/ { got++; if (got % 10 == 0 || got == total) say("downloaded " got (total ? " of " total : "") " packages") }
    /^Fetched / { say($0) }
    /^Unpacking / { unpacked++; if (unpacked % 10 == 0 || unpacked == total) say("unpacked " unpacked (total ? " of " total : "")) }
    /^Setting up / {
      done++; name = $3; sub(/:.*/, "", name)
      if (index(wanted, " " name " ") || done % 10 == 0 || done == total) say("set up " done (total ? " of " total : "") ": " name)
    }'
  echo "installed: ${need[*]}"
fi
