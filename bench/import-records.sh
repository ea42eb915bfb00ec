#!/usr/bin/env bash
# Records import benchmark: `kg generate --people N` (default 20,000) then `kg import` of that one file into a fresh
# embedded store. Prints wall and CPU time; edges/s = new edges / wall seconds.
set -euo pipefail
N="${1:-20000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$ROOT/src/KnowledgeGraph.Cli" -c Release -p:SkipFrontend=true -v q -nologo >/dev/null
KG="$ROOT/src/KnowledgeGraph.Cli/bin/Release/net10.0/kg.dll"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
dotnet "$KG" generate --people "$N" --out "$WORK/records.jsonl"
/usr/bin/time -f "records import ($N people): wall %e s, user %U s, sys %S s" \
  env Data__Path="$WORK/data" dotnet "$KG" import "$WORK/records.jsonl" | tail -2
