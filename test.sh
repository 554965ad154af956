#!/usr/bin/env bash
# Runs every test of Meldroute: domain, integration (SQLite and a throwaway PostgreSQL cluster) and browser
# tests (Playwright on /usr/bin/chromium), and the load benchmark's smoke run (one more test), then prints one closing
# line "N passed, N failed, N skipped".
# Arguments go to `dotnet test`, e.g. `./test.sh --filter Category=Domain` for the fast loop (each test class has one
# Category trait: Domain, Integration, Browser or Process); with arguments the load smoke run is left out, not counted.
# A skipped test fails the run unless its reason names the issue that will enable it (e.g. "issue #7").
set -uo pipefail
cd "$(dirname "$0")"
results="TestResults"
rm -rf "$results"
dotnet test Meldroute.slnx --logger "trx" --results-directory "$results" "$@"
status=$?

# The load benchmark's smoke run on the binaries just built (SQLite, 1 connection, a few seconds per endpoint): counted
# as one more test; it fails when a request fails or a submitted signal is missing. Without wrk it counts as skipped.
load_smoke=skipped
if [ "$#" -gt 0 ]; then
  load_smoke=none
  echo "Load benchmark smoke run left out: test.sh was given arguments ($*)."
elif command -v wrk >/dev/null && command -v curl >/dev/null && command -v oathtool >/dev/null; then
  if benchmarks/load/run.sh --smoke --built Debug; then load_smoke=passed; else load_smoke=failed; status=1; fi
else
  echo "Load benchmark smoke run skipped: wrk, curl or oathtool is missing (apt-get install -y wrk curl oathtool)."
fi

passed=0; failed=0; skipped=0; unexplained=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { local v; v=$(echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
  # A skip's reason is the message of a NotExecuted result; it must name an issue.
  while IFS= read -r reason; do
    if ! grep -qiE 'issue ?#?[0-9]+' <<<"$reason"; then unexplained=$((unexplained + 1)); echo "Skipped without an issue in its reason: $reason"; fi
  done < <(grep -A3 'outcome="NotExecuted"' "$trx" | sed -n 's/.*<Message>\(.*\)<\/Message>.*/\1/p')
done

case "$load_smoke" in passed) passed=$((passed + 1)) ;; failed) failed=$((failed + 1)) ;; none) ;; *) skipped=$((skipped + 1)) ;; esac
if [ "$unexplained" -gt 0 ]; then failed=$((failed + unexplained)); status=1; fi
if [ "$passed" -eq 0 ]; then echo "No test ran."; status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
