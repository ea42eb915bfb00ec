#!/usr/bin/env bash
# Load run: starts the Release API on an existing data folder (no seed import, no worker), drives /graphql with wrk
# over loopback for a bounded time with the dashboards' queries, and reports requests/s, p50/p99, errors and the
# server's resident memory over time.
#
# Usage: bench/load.sh DATA_FOLDER [SECONDS=60] [CONNECTIONS=16] [THREADS=2]
# Environment:
#   KG_LOAD_MIX=mixed|builders   mixed (default): 40% builders, 15% each of person, organization as of, search,
#                                departures; builders: the builders query only
#   KG_LOAD_SEND=text|id         send each query's text (default) or its trusted-document id
#   KG_LOAD_PORT=5090            where the API listens (127.0.0.1)
#   KG_LOAD_WARMUP=5             seconds of unmeasured load first (JIT, caches)
#   KG_LOAD_NO_BUILD=1           use the existing Release build
# Needs: wrk (Debian package wrk), curl, jq, the .NET SDK. The data folder holds graph.db, e.g. from
#   kg generate --people 2000 --out /tmp/people.jsonl && Data__Path=/tmp/kg-load kg import /tmp/people.jsonl
set -euo pipefail

usage() { echo "usage: bench/load.sh DATA_FOLDER [SECONDS=60] [CONNECTIONS=16] [THREADS=2]" >&2; exit 2; }
[ $# -ge 1 ] || usage
data=$(realpath "$1")
seconds=${2:-60}
connections=${3:-16}
threads=${4:-2}
mix=${KG_LOAD_MIX:-mixed}
send=${KG_LOAD_SEND:-text}
port=${KG_LOAD_PORT:-5090}
warmup=${KG_LOAD_WARMUP:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
url="http://127.0.0.1:$port"

for number in "$seconds" "$connections" "$threads" "$port" "$warmup"; do
  [[ "$number" =~ ^[0-9]+$ ]] || { echo "bench/load.sh: '$number' is not a whole number" >&2; usage; }
done
[ "$mix" = mixed ] || [ "$mix" = builders ] || { echo "bench/load.sh: KG_LOAD_MIX must be mixed or builders, got '$mix'" >&2; exit 2; }
[ "$send" = text ] || [ "$send" = id ] || { echo "bench/load.sh: KG_LOAD_SEND must be text or id, got '$send'" >&2; exit 2; }
[ -f "$data/graph.db" ] || { echo "bench/load.sh: no graph.db in '$data'; import a generated graph there first" >&2; exit 2; }
for tool in wrk curl jq dotnet; do
  command -v "$tool" >/dev/null || { echo "bench/load.sh: '$tool' is missing (apt-get install wrk curl jq)" >&2; exit 2; }
done
if curl -s -o /dev/null "$url/health/live"; then
  echo "bench/load.sh: something already listens on $url; set KG_LOAD_PORT" >&2
  exit 2
fi

if [ "${KG_LOAD_NO_BUILD:-}" != 1 ]; then
  echo "building the API (Release)..."
  dotnet build -c Release "$root/src/KnowledgeGraph.Api" -p:SkipFrontend=true -v q -nologo >/dev/null
fi
app="$root/src/KnowledgeGraph.Api/bin/Release/net10.0"
work=$(mktemp -d /tmp/kg-load.XXXXXX)

Data__Path="$data" Seed__Enabled=false Worker__Enabled=false ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning \
  dotnet "$app/KnowledgeGraph.Api.dll" --urls "$url" >"$work/server.log" 2>&1 &
server=$!
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap cleanup EXIT

for _ in $(seq 1 240); do
  curl -sf -o /dev/null "$url/health/ready" && break
  kill -0 "$server" 2>/dev/null || { echo "bench/load.sh: the API exited; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf -o /dev/null "$url/health/ready" || { echo "bench/load.sh: the API did not become ready in 120 s" >&2; exit 1; }

graphql() { curl -sf "$url/graphql" -H 'content-type: application/json' -d "$(jq -nc --arg q "$1" '{query: $q}')"; }

# Targets from the graph itself: organizations whose name holds "Lab", their models, and those models' builders.
orgs=$(graphql '{ search(text: "Lab", first: 20) { __typename id name } }' | jq -r '.data.search[] | select(.__typename == "Organization") | .id')
[ -n "$orgs" ] || { echo "bench/load.sh: no organization named '... Lab ...' in $data" >&2; exit 1; }
: >"$work/targets.tsv"
for org in $orgs; do
  graphql "{ organization(id: \"$org\") { name models { id builders(first: 5) { person { name } } } } }" |
    jq -r '.data.organization | "organization\t" + .name, (.models[:5][] | "model\t" + .id, (.builders[] | "person\t" + .person.name, "search\t" + (.person.name | .[0:-2])))' \
    >>"$work/targets.tsv"
done
sort -u -o "$work/targets.tsv" "$work/targets.tsv"
for kind in organization model person search; do
  grep -q "^$kind"$'\t' "$work/targets.tsv" || { echo "bench/load.sh: found no $kind to query in $data" >&2; exit 1; }
done
echo "targets: $(cut -f1 "$work/targets.tsv" | sort | uniq -c | tr -s ' ' | tr '\n' ',' | sed 's/,$//')"

lua_args=("$work/targets.tsv" "$root/graph-schema/trusted-documents" "$mix" "$send")
if [ "$warmup" -gt 0 ]; then
  wrk -t "$threads" -c "$connections" -d "${warmup}s" -s "$root/bench/load.lua" "$url/graphql" -- "${lua_args[@]}" >/dev/null
fi

rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server/status"; }
interval=$(( seconds >= 60 ? seconds / 30 : 2 ))
(
  start=$(date +%s)
  while kill -0 "$server" 2>/dev/null; do
    echo "$(( $(date +%s) - start )) $(rss)"
    sleep "$interval"
  done
) >"$work/rss.txt" &
sampler=$!

echo "wrk: $threads threads, $connections connections, ${seconds}s, mix $mix, sending $send, data $data"
wrk -t "$threads" -c "$connections" -d "${seconds}s" --latency --timeout 10s -s "$root/bench/load.lua" "$url/graphql" -- "${lua_args[@]}" | tee "$work/wrk.txt"
kill "$sampler" 2>/dev/null || true
sampler=""

echo "server RSS MiB over the run (seconds: MiB): $(awk '{printf "%s%s: %s", sep, $1, $2; sep=", "}' "$work/rss.txt")"
awk 'NR == 1 {first = $2; min = $2; max = $2} {if ($2 < min) min = $2; if ($2 > max) max = $2; last = $2}
     END {printf "server RSS MiB: start %d, min %d, max %d, end %d\n", first, min, max, last}' "$work/rss.txt"
echo "server log and samples: $work"
grep -q '^errors         0 ' "$work/wrk.txt"
