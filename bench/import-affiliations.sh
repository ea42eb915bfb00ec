#!/usr/bin/env bash
# Affiliations CSV import benchmark: writes a deterministic CSV of N rows (default 10,000; about N/2 people, 200
# organizations, 50 source values) and times `kg import` of it into a fresh embedded store, then a second import of
# the same file (which must add nothing). Prints wall and CPU time; rows/s = N / wall seconds.
set -euo pipefail
N="${1:-10000}"
. "$(dirname "$0")/kg-release.sh"
python3 - "$N" "$WORK/people.csv" <<'PY'
import sys, random
n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(42)
first = ["Ada","Bram","Cora","Dana","Eliot","Faye","Gideon","Hana","Ivo","Juno","Kasia","Lior","Mira","Nils","Odile","Pavel","Quinn","Rhea","Soren","Tamsin","Ulla","Vikram","Wren","Xavi","Yara","Zeno"]
last = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)).capitalize() + suffix for suffix in ["son","berg","ford","wick","ley","man","ton","ard"] for _ in range(40)]
orgs = [f"{rng.choice(['Halcyon','Northwind','Bluefin','Cinder','Juniper','Marlow','Quarry','Sable'])} {w} {i}" for i, w in enumerate(rng.choice(['Labs','Research','Robotics','Systems','AI']) for _ in range(200))]
with open(out, "w") as f:
    f.write("person,organization,title,start,end,source\n")
    for i in range(n):
        person = f"{first[(i // 2) % len(first)]} {last[(i // 2) // len(first) % len(last)]}"
        start = 2000 + (i % 20)
        end = "" if i % 2 else str(start + 1 + i % 3)
        f.write(f"{person},{orgs[rng.randrange(len(orgs))]},Engineer,{start},{end},https://example.org/source/{i % 50}\n")
PY
for run in first second; do
  /usr/bin/time -f "affiliations import ($N rows, $run run): wall %e s, user %U s, sys %S s" \
    env Data__Path="$WORK/data" dotnet "$KG" import "$WORK/people.csv" | tail -2
done
