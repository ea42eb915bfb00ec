# Sourced by the import and export benchmarks: builds `kg` in Release and sets ROOT (the repository), KG (kg.dll)
# and WORK (a temporary folder removed when the script exits).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$ROOT/src/KnowledgeGraph.Cli" -c Release -p:SkipFrontend=true -v q -nologo >/dev/null
KG="$ROOT/src/KnowledgeGraph.Cli/bin/Release/net10.0/kg.dll"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
