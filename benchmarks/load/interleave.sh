#!/usr/bin/env bash
# Runs the load benchmark on two trees in turn, round after round, so that both meet the same machine
# (docs/performance.md, "Per-signal keys"): a 10% question is not settled by single runs on a shared machine.
# Each tree needs its Release build first (dotnet build src/Meldroute.Web -c Release; the same for
# benchmarks/Meldroute.LoadFloor). Every run's header names the tree, its commit, the round and the load average.
# Usage: benchmarks/load/interleave.sh TREE_A TREE_B ROUNDS [run.sh options ...]
#   e.g. benchmarks/load/interleave.sh . /tmp/base 3 --db sqlite --endpoints "submit signal" --connections "1 32" --warmup 5s --open 2000
set -uo pipefail
if [ "$#" -lt 3 ]; then sed -n '2,7p' "$0"; exit 2; fi
a=$(cd "$1" && pwd); b=$(cd "$2" && pwd); rounds=$3; shift 3
for round in $(seq 1 "$rounds"); do
  for tree in "$a" "$b"; do
    echo "== $tree $(git -C "$tree" rev-parse --short HEAD 2>/dev/null) round $round load $(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M:%S)"
    (cd "$tree" && benchmarks/load/run.sh --built Release --no-startup "$@")
  done
done
