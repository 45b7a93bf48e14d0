#!/usr/bin/env bash
# Yearly-report benchmark (issue 8): the Release build on a private PostgreSQL cluster with the demo data plus
# a full year of national-scale data (bench.d/plan-report.sql: 21 000 activities, 42 000 sessions, a plan per
# county with 60 actions and a team on leave). Signs in as the Västmanland coordinator (a demo account) and times,
# over HTTP, the compiled report for Västmanland 2019 as a page and as a DOCX, next to the plan page and
# /health/live in the same run. Goal: the report is produced "well under a second" — median below 500 ms.
# Not part of ./test; ./bench runs it last. Standalone:
#
#   bench.d/plan-report.sh              15 timed requests per path after 3 warm-ups
#   PR_RUNS=41 bench.d/plan-report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-cluster.sh

PG_PORT=${PR_BENCH_PG_PORT:-55436}
PG_DATA=${PR_BENCH_PG_DATA:-/tmp/samverka-bench-plan-pg}
APP_PORT=${PR_BENCH_APP_PORT:-5191}
RUNS=${PR_RUNS:-15}
GOAL_MS=500
DB=samverka_bench_plan
BASE=http://127.0.0.1:$APP_PORT
RESULTS=bench.d/results
LOG=$RESULTS/plan-report-app.log
JAR=$(mktemp)
mkdir -p "$RESULTS"

die() { echo "plan-report bench: $*" >&2; exit 1; }
pg_install || die "PostgreSQL could not be installed"
command -v curl >/dev/null 2>&1 || die "needs curl"
psql_pr() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

APP_PID=
cleanup() {
  local status=$?
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  pg_stop "$PG_DATA"
  rm -f "$JAR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_start "$PG_DATA" "$PG_PORT" "$PG_DATA-sock" -c fsync=off -c synchronous_commit=off -c full_page_writes=off || die "PostgreSQL did not start"
psql_pr -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

echo "Building (Release) and starting Samverka with the demo data"
dotnet build src/Samverka.Web -c Release -v quiet -nologo >"$RESULTS/plan-report-build.txt" 2>&1 || die "build failed"
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
(
  cd src/Samverka.Web
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DB"
  export Samverka__DemoData=true Samverka__DemoPassword="$PASSWORD" Samverka__AdminEmail=
  export ASPNETCORE_URLS=$BASE ASPNETCORE_ENVIRONMENT=Production
  exec dotnet bin/Release/net10.0/Samverka.Web.dll
) >"$LOG" 2>&1 &
APP_PID=$!
ready=
for _ in $(seq 1 240); do
  kill -0 "$APP_PID" 2>/dev/null || break
  if curl -fsS -o /dev/null --max-time 2 "$BASE/health/ready" 2>/dev/null; then ready=1; break; fi
  sleep 0.5
done
[ -n "$ready" ] || { tail -n 30 "$LOG" >&2; die "the app did not become ready (log: $LOG)"; }
# Demo data is loaded after the app listens; the demo plan is the last of it.
for _ in $(seq 1 240); do
  [ "$(psql_pr -d "$DB" -tA -c "SELECT count(*) FROM activity_plans WHERE county_code = '19'" 2>/dev/null || echo 0)" -ge 1 ] && break
  sleep 0.5
done

echo "Filling bench.d/plan-report.sql"
psql_pr -d "$DB" -f bench.d/plan-report.sql
psql_pr -d "$DB" -c "ANALYZE"
PLAN=$(psql_pr -d "$DB" -tA -c "SELECT id FROM activity_plans WHERE county_code = '19' AND title = 'Benchplan 2019'")
[ -n "$PLAN" ] || die "the fill made no Västmanland plan"
psql_pr -d "$DB" -tA -F ' ' -c "SELECT 'activities', count(*) FROM activities UNION ALL SELECT 'sessions', count(*) FROM activity_sessions
  UNION ALL SELECT 'plans', count(*) FROM activity_plans UNION ALL SELECT 'planned actions', count(*) FROM planned_actions" | sed 's/^/  /'

# Sign in as Viktor (Västmanland's coordinator) through the real form.
source bench.d/sign-in.sh
bench_sign_in "$BASE" "$JAR" viktor.pahittad@exempel.se "$PASSWORD" || die "sign-in failed"

# Prints "median p90 max bytes" of RUNS timed GETs (ms) after 3 warm-ups; fails on a non-200 answer.
measure() {
  local url=$BASE$1 out
  for _ in 1 2 3; do curl -fsS -o /dev/null -b "$JAR" "$url" || die "GET $1 failed"; done
  out=$(for _ in $(seq 1 "$RUNS"); do
    curl -sS -o /dev/null -b "$JAR" -w '%{http_code} %{time_total} %{size_download}\n' "$url"
  done)
  if grep -qv '^200 ' <<<"$out"; then die "GET $1 answered $(grep -v '^200 ' <<<"$out" | head -1 | cut -d' ' -f1)"; fi
  awk '{ print $2 * 1000, $3 }' <<<"$out" | sort -n | awk '
    { t[NR] = $1; b = $2 }
    END { printf "%.1f %.1f %.1f %d\n", t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.5)], t[NR], b }'
}

DEMO=$(psql_pr -d "$DB" -tA -c "SELECT min(id) FROM activity_plans WHERE county_code = '19' AND title <> 'Benchplan 2019'")
rows=()
for entry in "health-live|/health/live" "plan-page|/verksamhetsplaner/$PLAN" "report|/verksamhetsplaner/$PLAN/berattelse/2019" \
    "report-docx|/verksamhetsplaner/$PLAN/berattelse/2019?handler=Docx" "demo-report|/verksamhetsplaner/$DEMO/berattelse/2019" \
    "demo-report-docx|/verksamhetsplaner/$DEMO/berattelse/2019?handler=Docx"; do
  IFS='|' read -r name path <<<"$entry"
  read -r median p90 max bytes <<<"$(measure "$path")"
  rows+=("$name|$path|$median|$p90|$max|$bytes")
done

echo
echo "Samverka yearly-report bench $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$([ -z "$(git status --porcelain -- src 2>/dev/null)" ] || echo ' plus uncommitted changes in src/'); $RUNS sequential requests per path, $(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg)"
printf '%-18s %-52s %9s %9s %9s %9s %10s\n' scenario path 'median ms' 'p90 ms' 'max ms' 'bytes' 'x live'
live=
for r in "${rows[@]}"; do
  IFS='|' read -r name path median p90 max bytes <<<"$r"
  [ -n "$live" ] || live=$median
  printf '%-18s %-52s %9s %9s %9s %9s %10s\n' "$name" "$path" "$median" "$p90" "$max" "$bytes" \
    "$(awk -v a="$median" -v b="$live" 'BEGIN { printf "%.0f", (b > 0 ? a / b : 0) }')"
done
echo
for r in "${rows[@]}"; do
  IFS='|' read -r name path median p90 max bytes <<<"$r"
  case $name in report|report-docx)
    awk -v n="$name" -v m="$median" -v g="$GOAL_MS" 'BEGIN { printf "%s  %-12s median %.1f ms %s %d ms\n", (m < g ? "PASS" : "FAIL"), n, m, (m < g ? "<" : ">="), g }' ;;
  esac
done
