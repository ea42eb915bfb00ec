#!/usr/bin/env bash
# Document import benchmark: N generated biographies (default 10,000) imported end to end with `kg import`
# into a fresh embedded store. Prints wall and CPU time; docs/s = N / wall seconds.
set -euo pipefail
N="${1:-10000}"
. "$(dirname "$0")/kg-release.sh"
dotnet "$KG" generate --bios "$N" --out "$WORK/bios" >/dev/null
/usr/bin/time -f "import of $N biographies: wall %e s, user %U s, sys %S s" \
  env Data__Path="$WORK/data" dotnet "$KG" import "$WORK/bios" | tail -2
