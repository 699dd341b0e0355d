#!/usr/bin/env bash
# Rewrites src/Reference/wwwroot/assets-manifest.json ({url path: md5}) after a static file changed.
# A unit test (AssetsManifestTests) fails while the manifest and the files disagree.
set -euo pipefail
cd "$(dirname "$0")/../src/Reference/wwwroot"
files=$(find . -type f ! -name assets-manifest.json | sed 's|^\./||' | LC_ALL=C sort)
{
  echo "{"
  first=1
  for f in $files; do
    [ $first -eq 1 ] || echo ","
    first=0
    printf '  "/%s": "%s"' "$f" "$(md5sum "$f" | cut -d' ' -f1)"
  done
  echo
  echo "}"
} > assets-manifest.json
cat assets-manifest.json
