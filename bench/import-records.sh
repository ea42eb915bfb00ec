#!/usr/bin/env bash
# Records import benchmark: `kg generate --people N` (default 20,000) then `kg import` of that one file into a fresh
# embedded store. Prints wall and CPU time; edges/s = new edges / wall seconds.
set -euo pipefail
N="${1:-20000}"
. "$(dirname "$0")/kg-release.sh"
dotnet "$KG" generate --people "$N" --out "$WORK/records.jsonl"
/usr/bin/time -f "records import ($N people): wall %e s, user %U s, sys %S s" \
  env Data__Path="$WORK/data" dotnet "$KG" import "$WORK/records.jsonl" | tail -2
