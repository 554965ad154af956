#!/usr/bin/env bash
# The load benchmark (docs/performance.md → "Load benchmark (wrk)"): builds Meldroute and its floor in Release, starts
# each on loopback against SQLite (a temp file) and PostgreSQL (a throwaway cluster on a free port), creates a reporter
# and an officer the way an operator does (users add, first sign-in with password change and authenticator app),
# seeds exactly --open open signals in a fresh database, and runs wrk for GetSignal, the inbox and GetFigures on those
# signals first, then for SubmitSignal, at 1, 8 and 32 connections, app and floor alternating. Prints one table row per
# run (requests, requests/s, p50/p99, failed and lost requests, peak memory, CPU per request of the server and of the
# database, and load1: the machine's 1-minute load average just before the run); fails when any request failed, a
# submitted signal is missing, or the reads did not see exactly the seeded open signals.
#
#   benchmarks/load/run.sh                 full run: sqlite and postgres, 10 s per run, 10,000 open signals
#   benchmarks/load/run.sh --smoke         CI: sqlite only, 1 connection, 3 s per run, 200 open signals
#   benchmarks/load/run.sh --smoke --built Debug   the same on the binaries `dotnet build` made (test.sh does this)
#   options: --db sqlite|postgres|both  --duration 10s  --warmup 3s  --connections "1 8 32"  --endpoints "submit signal inbox figures"
#            --open 10000 (open signals seeded before the runs; the reads run on exactly these, e.g. --open 200 and
#            --open 100000 for the inbox's keyset target)
#            --keep  --built CONFIG  --no-startup (leaves out the start-up times, for repeated runs)
#   benchmarks/load/run.sh --memory        the app's memory under load (issue 22): SubmitSignal alone, 32 connections, 5 minutes,
#            on SQLite unless --db says otherwise, the app only; its resident memory (RSS) sampled every --sample-every 5
#            seconds; reports the peak and the steady state over the run's last 3 minutes (the last 3/5 of a shorter run):
#            mean, range and growth (least-squares slope), and whether it grows. --duration, --connections, --db apply.
#   --busy-core  keeps one core busy with another process (a shell loop at normal priority) for the whole run: the tail
#            under contention (issue 22 item 2), as on a municipal VM whose host lends its cores to other work.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dbs="sqlite postgres"; duration=10s; warmup=3s; connections="1 8 32"; endpoints="submit signal inbox figures"; open=10000; keep=0; smoke=0; no_startup=0; built=""
memory=0; sample_every=5; busy_core=0; given=" "
while [ $# -gt 0 ]; do
  given+="$1 "
  case "$1" in
    --smoke) smoke=1; dbs=sqlite; duration=3s; warmup=1s; connections=1; open=200 ;;
    --memory) memory=1 ;;
    --busy-core) busy_core=1 ;;
    --sample-every) shift; sample_every="$1" ;;
    --db) shift; case "$1" in both) dbs="sqlite postgres" ;; *) dbs="$1" ;; esac ;;
    --duration) shift; duration="$1" ;;
    --warmup) shift; warmup="$1" ;;
    --connections) shift; connections="$1" ;;
    --endpoints) shift; endpoints="$1" ;;
    --open) shift; open="$1" ;;
    --keep) keep=1 ;;
    --no-startup) no_startup=1 ;;
    --built) shift; built="$1" ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$memory" = 1 ]; then
  # The defaults of the memory run, unless given: what issue 22 asks for (a 5-minute submit run at 32 connections).
  endpoints=submit; no_startup=1
  [[ "$given" == *" --duration "* ]] || duration=5m
  [[ "$given" == *" --connections "* ]] || connections=32
  [[ "$given" == *" --db "* ]] || dbs=sqlite
fi

for tool in wrk curl oathtool; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install -y wrk curl oathtool)" >&2; exit 2; }
done

work=$(mktemp -d /tmp/meldroute-load.XXXXXX)
pids=()
pg_data=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$pg_data" ]; then pg_as pg_ctl -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  if [ "$keep" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# initdb refuses root: as root the cluster belongs to the postgres system user (as in the tests' PostgresCluster).
pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u "${MELDROUTE_PG_USER:-postgres}" -- "$@"; else "$@"; fi
}

# As a production installation is published (docs/operations.md): Release, ReadyToRun (precompiled, so that a start
# does not wait for the JIT). The smoke run skips ReadyToRun, which only saves start-up time and costs build time.
publish=(-c Release)
if [ "$smoke" = 0 ]; then
  case "$(uname -m)" in aarch64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
  publish+=(-r "$rid" --self-contained false -p:PublishReadyToRun=true)
fi
if [ -n "$built" ]; then
  app_dir="$root/src/Meldroute.Web/bin/$built/net10.0"; floor_dir="$root/benchmarks/Meldroute.LoadFloor/bin/$built/net10.0"
  # `dotnet test` builds the app (a dependency of the tests) but not the floor, which no test references.
  for project in src/Meldroute.Web benchmarks/Meldroute.LoadFloor; do
    name=$(basename "$project")
    [ -f "$root/$project/bin/$built/net10.0/$name.dll" ] || dotnet build "$root/$project" -c "$built" -nologo -v quiet >&2 || exit 2
  done
  [ -f "$app_dir/Meldroute.Web.dll" ] && [ -f "$floor_dir/Meldroute.LoadFloor.dll" ] || { echo "no $built build in $app_dir and $floor_dir" >&2; exit 2; }
else
  app_dir="$work/app"; floor_dir="$work/floor"
  echo "== building (${publish[*]})" >&2
  dotnet publish "$root/src/Meldroute.Web" "${publish[@]}" -o "$app_dir" --nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  dotnet publish "$root/benchmarks/Meldroute.LoadFloor" -c Release -o "$floor_dir" --nologo -v q >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi

# The app as in production behind a TLS-terminating proxy: Production environment, no demo mode, keys beside the
# data. The intake's per-user rate limit is lifted: the benchmark measures throughput, not the limiter.
app_args() { # provider connection-string → $app_argv
  app_argv=("--Database:Provider=$1" "--ConnectionStrings:Meldroute=$2" --Meldroute:DemoMode=false "--Meldroute:KeysPath=$work/keys"
    --RateLimits:IntakePerMinute=100000000 --RateLimits:SignInPerMinute=100000 --Retention:DailyJob=false)
  # On PostgreSQL the key ring lives in the database, encrypted with a certificate (docs/operations.md): a throwaway one.
  if [ "$1" = Postgres ]; then
    if [ ! -f "$work/key-ring.pfx" ]; then
      openssl req -x509 -newkey rsa:2048 -sha256 -days 30 -nodes -subj "/CN=Meldroute load benchmark" \
        -keyout "$work/key-ring.key" -out "$work/key-ring.crt" 2>/dev/null
      openssl pkcs12 -export -inkey "$work/key-ring.key" -in "$work/key-ring.crt" -out "$work/key-ring.pfx" -passout pass:load-benchmark
    fi
    app_argv+=("--Meldroute:KeyCertificatePath=$work/key-ring.pfx" --Meldroute:KeyCertificatePassword=load-benchmark)
  fi
}

# Starts a server in the background; sets $pid. Waits until /health/ready answers 200; sets $ready_ms.
start_server() { # log port dll args...
  local log=$1 port=$2 dll=$3; shift 3
  local started; started=$(date +%s%N)
  (cd "$(dirname "$dll")" && ASPNETCORE_ENVIRONMENT=${ENVIRONMENT:-Production} Meldroute__TrustedProxies=127.0.0.1 exec dotnet "$dll" --urls "http://127.0.0.1:$port" "$@") >"$log" 2>&1 &
  pid=$!
  pids+=("$pid")
  while [ $(($(date +%s%N) - started)) -lt 180000000000 ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$port/health/ready")" = 200 ]; then
      ready_ms=$((($(date +%s%N) - started) / 1000000))
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "server exited:" >&2; tail -20 "$log" >&2; return 1; }
    sleep 0.05
  done
  echo "server not ready after 180 s" >&2; tail -20 "$log" >&2; return 1
}

stop_server() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

peak_kb() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"; }

# CPU time in clock ticks: a process's own plus its waited-for children's (fields 14-17 of /proc/PID/stat).
cpu_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# The database's CPU: PostgreSQL's postmaster and its live backends (SQLite runs inside the server process).
db_ticks() {
  [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ] || { echo 0; return; }
  local postmaster total; postmaster=$(head -1 "$pg_data/postmaster.pid"); total=$(cpu_ticks "$postmaster")
  for child in $(pgrep -P "$postmaster"); do total=$((total + $(cpu_ticks "$child"))); done
  echo "$total"
}
ticks_per_s=$(getconf CLK_TCK)

form_token() { # url → the antiforgery token of its form
  curl -s -H 'X-Forwarded-Proto: https' -c "$jar" -b "$jar" "$1" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1
}

# An account as an operator makes one (users add) and its user signs in the first time: the one-time password,
# a new password, the authenticator app (its key read from the page, codes from oathtool). Prints a bearer token.
account_token() { # provider connection-string role base-url
  local email; email="$(echo "$3" | tr '[:upper:]' '[:lower:]')-$RANDOM@load.meldroute.test"
  local added initial password='Load-benchmark-2026!' key page token json
  app_args "$1" "$2"
  added=$(cd "$app_dir" && ASPNETCORE_ENVIRONMENT=Production dotnet Meldroute.Web.dll users add --email "$email" --role "$3" "${app_argv[@]}")
  initial=$(sed -n 's/.*Initial password: \(.*\)$/\1/p' <<<"$added")
  [ -n "$initial" ] || { echo "users add failed: $added" >&2; return 1; }
  jar="$work/cookies-$RANDOM"
  local base=$4 h=(-H 'X-Forwarded-Proto: https' -c "$jar" -b "$jar" -s -o /dev/null)
  curl "${h[@]}" --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$initial" \
    --data-urlencode "__RequestVerificationToken=$(form_token "$base/Account/Login")" "$base/Account/Login"
  curl "${h[@]}" --data-urlencode "Input.CurrentPassword=$initial" --data-urlencode "Input.NewPassword=$password" --data-urlencode "Input.ConfirmPassword=$password" \
    --data-urlencode "__RequestVerificationToken=$(form_token "$base/Account/ChangePassword")" "$base/Account/ChangePassword"
  page=$(curl -s -H 'X-Forwarded-Proto: https' -c "$jar" -b "$jar" "$base/Account/EnrolAuthenticator")
  key=$(sed -n 's/.*data-testid="authenticator-key">\([^<]*\)<.*/\1/p' <<<"$page" | tr -d ' ')
  token=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$page" | head -1)
  [ -n "$key" ] || { echo "no authenticator key on the enrolment page" >&2; return 1; }
  curl "${h[@]}" --data-urlencode "Input.Code=$(oathtool --totp -b "$key")" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/EnrolAuthenticator"
  for _ in 1 2 3; do
    json=$(curl -s -H 'X-Forwarded-Proto: https' -H 'Content-Type: application/json' \
      -d "{\"email\":\"$email\",\"password\":\"$password\",\"twoFactorCode\":\"$(oathtool --totp -b "$key")\"}" "$base/api/auth/login")
    token=$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' <<<"$json")
    if [ -n "$token" ]; then echo "$token"; return 0; fi
    sleep 31 # a code is accepted once per 30-second window
  done
  echo "no token for $3: $json" >&2; return 1
}

open_total() { # base-url token → number of open signals in the inbox (counted only when asked: count=true)
  curl -s -H 'X-Forwarded-Proto: https' -H "Authorization: Bearer $2" "$1/api/signals?count=true" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}

results="$work/results.txt"

check_open() { # base-url when → fails unless the database holds exactly the --open signals seeded
  local found; found=$(open_total "$1" "$officer")
  if [ "$found" != "$open" ]; then
    echo "$db: $found open signals $2 the read runs, not the $open seeded" >&2
    exit 1
  fi
}
failures=0
row_format='%-8s %-6s %-8s %5s %9s %9s %9s %9s %7s %6s %9s %10s %9s %6s\n'
# shellcheck disable=SC2059 # the format is ours
printf "$row_format" db target endpoint conns requests rps p50_ms p99_ms failed lost peak_MB cpu_ms/req db_ms/req load1 | tee "$results"

# Each endpoint once before its measured runs, so that they measure warm (tiered-JIT) code, not the first calls.
warm_up() { # token-submit token-read base endpoints...
  local script token endpoint
  for endpoint in "${@:4}"; do
    script=$endpoint.lua
    token=$2; [ "$endpoint" = submit ] && token=$1
    (cd "$here" && MELDROUTE_TOKEN=$token MELDROUTE_RUN="warm-$RANDOM$RANDOM" MELDROUTE_OBSERVED_ON=$(date -u -d yesterday +%F) \
      wrk -t 2 -c 8 -d "$warmup" --timeout 10s -s "$script" "$3" >>"$work/wrk.log")
  done
}

run_wrk() { # db target endpoint script conns token base pid
  local db=$1 target=$2 endpoint=$3 script=$4 c=$5 token=$6 base=$7 server=$8 before after out line lost=0
  [ "$endpoint" = submit ] && before=$(open_total "$base" "$officer")
  # The 1-minute load average just before the run: how busy the machine was with other work (our own runs included).
  local load1; load1=$(cut -d' ' -f1 /proc/loadavg)
  local cpu_before db_before; cpu_before=$(cpu_ticks "$server"); db_before=$(db_ticks)
  out=$(cd "$here" && MELDROUTE_TOKEN=$token MELDROUTE_RUN="$db-$target-$c-$RANDOM$RANDOM" MELDROUTE_OBSERVED_ON=$(date -u -d yesterday +%F) \
    wrk -t "$((c < 2 ? c : 2))" -c "$c" -d "$duration" --timeout 10s --latency -s "$script" "$base")
  local cpu_used db_used; cpu_used=$(($(cpu_ticks "$server") - cpu_before)); db_used=$(($(db_ticks) - db_before))
  echo "$out" >>"$work/wrk.log"
  line=$(grep '^RESULT' <<<"$out")
  local requests non2xx errors rps p50 p99
  requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line"); non2xx=$(sed -n 's/.*non2xx=\([0-9]*\).*/\1/p' <<<"$line")
  errors=$(sed -n 's/.* errors=\([0-9]*\).*/\1/p' <<<"$line"); rps=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$line")
  p50=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$line"); p99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$line")
  if [ "$endpoint" = submit ]; then
    # Every answered 2xx must be a stored signal; requests still in flight when wrk stops may add a few more.
    sleep 1
    after=$(open_total "$base" "$officer")
    lost=$(((requests - non2xx) - (after - before)))
    [ "$lost" -lt 0 ] && lost=0
  fi
  local failed=$((non2xx + errors))
  if [ "$failed" -gt 0 ] || [ "$lost" -gt 0 ] || [ "$requests" -eq 0 ]; then failures=$((failures + 1)); fi
  # CPU milliseconds per request, of the server process and of the database's processes, during the run.
  local per_request per_request_db
  per_request=$(awk -v t="$cpu_used" -v n="$requests" -v hz="$ticks_per_s" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')
  per_request_db=$(awk -v t="$db_used" -v n="$requests" -v hz="$ticks_per_s" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')
  # shellcheck disable=SC2059
  printf "$row_format" "$db" "$target" "$endpoint" "$c" "$requests" "$rps" "$p50" "$p99" "$failed" "$lost" "$(($(peak_kb "$server") / 1024))" "$per_request" "$per_request_db" "$load1" | tee -a "$results"
}

# The app's resident memory every few seconds while it runs: "milliseconds-since-start RSS-kB" per line.
sample_rss() { # pid seconds file
  local started; started=$(date +%s%N)
  while kill -0 "$1" 2>/dev/null; do
    echo "$((($(date +%s%N) - started) / 1000000)) $(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status")" >>"$3"
    sleep "$2"
  done
}

# One submit run of the app with its memory sampled, and what the samples say: the peak, and over the run's last 3 minutes
# (the last 3/5 of a shorter run) the mean, range and least-squares growth. It grows when that fit rises by more than 5%
# of the mean over the window: a heap that settles moves by a few MB, one that leaks keeps rising.
memory_run() { # db conns token base pid
  local samples="$work/memory-$1-$2.txt" sampler
  : >"$samples"
  sample_rss "$5" "$sample_every" "$samples" &
  sampler=$!
  run_wrk "$1" app submit submit.lua "$2" "$3" "$4" "$5"
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  awk -v db="$1" -v c="$2" -v hwm="$(($(peak_kb "$5") / 1024))" '
    $2 != "" { t[n] = $1 / 1000; m[n] = $2 / 1024; n++ }
    END {
      if (n < 3) { print "memory " db " " c ": too few samples (" n ")"; exit 1 }
      span = t[n - 1] - t[0]; window = (span >= 300 ? 180 : span * 3 / 5); from = t[n - 1] - window
      peak = 0; for (i = 0; i < n; i++) if (m[i] > peak) peak = m[i]
      k = 0; sx = sy = sxx = sxy = 0; lo = 1e12; hi = 0
      for (i = 0; i < n; i++) if (t[i] >= from) { k++; sx += t[i]; sy += m[i]; sxx += t[i] * t[i]; sxy += t[i] * m[i]; if (m[i] < lo) lo = m[i]; if (m[i] > hi) hi = m[i] }
      mean = sy / k; slope = (k > 1 && k * sxx - sx * sx > 0) ? (k * sxy - sx * sy) / (k * sxx - sx * sx) : 0; growth = slope * window
      printf "memory %s %d conns: %d samples over %.0f s; peak RSS %.0f MB (VmHWM %d MB); last %.0f s: mean %.0f MB, %.0f-%.0f MB, growth %+.1f MB (%+.1f MB/min): %s\n",
        db, c, n, span, peak, hwm, window, mean, lo, hi, growth, slope * 60, (growth > mean * 0.05 ? "GROWS" : "plateau")
    }' "$samples" | tee -a "$results"
}

if [ "$busy_core" = 1 ]; then
  bash -c 'while :; do :; done' &
  pids+=($!)
  echo "== one core kept busy by another process (pid $!) for the whole run"
fi

for db in $dbs; do
  if [ "$db" = postgres ]; then
    command -v initdb >/dev/null || export PATH="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1):$PATH"
    pg_port=$(free_port)
    pg_data="$work/pg"
    mkdir -p "$pg_data"; [ "$(id -u)" = 0 ] && chown "${MELDROUTE_PG_USER:-postgres}" "$work" "$pg_data"
    pg_as initdb -D "$pg_data" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$work/initdb.log"
    pg_as pg_ctl -D "$pg_data" -l "$pg_data/server.log" -w -o "-h 127.0.0.1 -p $pg_port -k $pg_data -c max_connections=200" start >/dev/null
    pg_as createdb -h 127.0.0.1 -p "$pg_port" -U postgres meldroute_load
    provider=Postgres; connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=meldroute_load;Maximum Pool Size=100"
  else
    provider=Sqlite; connection="Data Source=$work/meldroute.db"
  fi
  app_args "$provider" "$connection"
  (cd "$app_dir" && ASPNETCORE_ENVIRONMENT=Production dotnet Meldroute.Web.dll seed-load --count "$open" --kind open --confirm benchmark-database "${app_argv[@]}") >"$work/seed-$db.log" 2>&1 \
    || { cat "$work/seed-$db.log"; exit 1; }

  port=$(free_port); app_base="http://127.0.0.1:$port"
  start_server "$work/app-$db.log" "$port" "$app_dir/Meldroute.Web.dll" "${app_argv[@]}"
  app_pid=$pid
  echo "== $db: app ready in $ready_ms ms (existing database, $open open signals)" >&2
  # The sign-in pages over "localhost": curl sends the Secure session cookie over plain HTTP only to localhost.
  reporter=$(account_token "$provider" "$connection" Reporter "http://localhost:$port")
  officer=$(account_token "$provider" "$connection" SpecialistOfficer "http://localhost:$port")
  # GetSignal reads the open signals of the inbox's first page, in the app and in the floor (the same database).
  MELDROUTE_SIGNAL_IDS=$(curl -s -H 'X-Forwarded-Proto: https' -H "Authorization: Bearer $officer" "$app_base/api/signals" | grep -o '"id":"[0-9a-f-]*"' | cut -d'"' -f4 | paste -sd,)
  [ -n "$MELDROUTE_SIGNAL_IDS" ] || { echo "no open signals in the inbox for GetSignal" >&2; exit 1; }
  export MELDROUTE_SIGNAL_IDS
  port=$(free_port); floor_base="http://127.0.0.1:$port"
  start_server "$work/floor-$db.log" "$port" "$floor_dir/Meldroute.LoadFloor.dll" "--Database:Provider=$provider" "--ConnectionStrings:Meldroute=$connection"
  floor_pid=$pid

  # The reads first, then the submissions: GetSignal, the inbox and the figures run on exactly the --open signals that
  # seed-load made in this fresh database, whatever the submit runs (and their warm-up) add afterwards. Checked before
  # and after the reads through the app's own count.
  reads=(); submits=()
  for endpoint in $endpoints; do
    if [ "$endpoint" = submit ]; then submits+=(submit); else reads+=("$endpoint"); fi
  done
  # App and floor alternate run by run, seconds apart, so that both see the same machine (others' builds come and go).
  phase() { # endpoints...
    local c endpoint token
    warm_up "$reporter" "$officer" "$app_base" "$@"
    [ "$memory" = 1 ] || warm_up "" "" "$floor_base" "$@"
    for c in $connections; do
      for endpoint in "$@"; do
        token=$officer; [ "$endpoint" = submit ] && token=$reporter
        if [ "$memory" = 1 ]; then
          memory_run "$db" "$c" "$token" "$app_base" "$app_pid"
          continue
        fi
        run_wrk "$db" app "$endpoint" "$endpoint.lua" "$c" "$token" "$app_base" "$app_pid"
        run_wrk "$db" floor "$endpoint" "$endpoint.lua" "$c" "" "$floor_base" "$floor_pid"
      done
    done
  }
  if [ "${#reads[@]}" -gt 0 ]; then
    check_open "$app_base" before
    phase "${reads[@]}"
    check_open "$app_base" after
  fi
  if [ "${#submits[@]}" -gt 0 ]; then phase "${submits[@]}"; fi
  kill "$app_pid" "$floor_pid" 2>/dev/null || true
  wait "$app_pid" "$floor_pid" 2>/dev/null || true
  if [ "$db" = postgres ]; then pg_as pg_ctl -D "$pg_data" -m immediate -w stop >/dev/null; pg_data=""; fi
done

# Startup to ready on the embedded default (SQLite): a fresh database (migrations, roles, reference data) and an
# existing one, in Production; and `dotnet run`'s demo mode, which also seeds the demo data on a fresh database.
startup_modes="production demo"; startup_states="fresh existing"
[ "$smoke" = 1 ] && startup_modes=production && startup_states=fresh
[ "$no_startup" = 1 ] && startup_modes=
for mode in $startup_modes; do
  for state in $startup_states; do
    [ "$state" = fresh ] && rm -rf "$work/startup-$mode" "$work/startup-keys-$mode"
    mkdir -p "$work/startup-$mode"
    port=$(free_port)
    args=(--Database:Provider=Sqlite "--ConnectionStrings:Meldroute=Data Source=$work/startup-$mode/meldroute.db" "--Meldroute:KeysPath=$work/startup-keys-$mode" --Retention:DailyJob=false)
    if [ "$mode" = demo ]; then ENVIRONMENT=Development start_server "$work/startup.log" "$port" "$app_dir/Meldroute.Web.dll" "${args[@]}" --Meldroute:DemoMode=true
    else start_server "$work/startup.log" "$port" "$app_dir/Meldroute.Web.dll" "${args[@]}" --Meldroute:DemoMode=false; fi
    echo "startup $mode $state database: ready in $ready_ms ms" | tee -a "$results"
    stop_server
  done
done

if [ "$failures" -gt 0 ]; then echo "$failures runs had failed, missing or no requests (see $work/wrk.log; --keep keeps it)" >&2; exit 1; fi
echo "all runs: no failed and no lost requests" >&2
