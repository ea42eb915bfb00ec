#!/usr/bin/env bash
# Export, backup and copy benchmark: `kg generate --people N` (default 20,000), imported into a fresh embedded store,
# then `kg export` in each format, `kg backup`, and `kg copy` into a second embedded store (which checks the counts).
# Prints wall and CPU time and peak memory (max RSS) of each step; the graph size is printed by the commands.
set -euo pipefail
N="${1:-20000}"
. "$(dirname "$0")/kg-release.sh"
export Data__Path="$WORK/data"
dotnet "$KG" generate --people "$N" --out "$WORK/records.jsonl"
dotnet "$KG" import "$WORK/records.jsonl" > /dev/null
step() {
  local name="$1"; shift
  /usr/bin/time -f "$name: wall %e s, user %U s, sys %S s, max RSS %M KB" "$@" | grep -E "^(Wrote|Backed up|Copied|Counts)" || true
}
step "export jsonl" dotnet "$KG" export --format jsonl --out "$WORK/graph.jsonl"
step "export graphml" dotnet "$KG" export --format graphml --out "$WORK/graph.graphml"
step "export csv" dotnet "$KG" export --format csv --out "$WORK/affiliations.csv"
step "backup" dotnet "$KG" backup --out "$WORK/backup.db"
step "copy sqlite->sqlite" dotnet "$KG" copy --from "sqlite:$WORK/data/graph.db" --to "sqlite:$WORK/copy/graph.db"
