#!/usr/bin/env bash
# Self-assessment benchmark: 100 000 synthetic responses (24 scores each, 2.4 million rows) in
# rounds of every region in one year, on a private PostgreSQL cluster, then the national
# aggregate's statement timed as Samverka runs it (Features/SelfAssessment/Aggregates.cs: n and the sums per
# competence for every group of every grouping set, computed by PostgreSQL).
# Not part of ./test. Standalone:
#
#   bench.d/self-assessment.sh                    100 000 responses, best and median of 9 runs
#   SA_RESPONSES=200000 bench.d/self-assessment.sh
#
# The statement below must stay the same as Aggregates.Sql. It reads the running totals (sa_totals,
# migration 0011) that a trigger keeps with every response; the fill below goes through that trigger.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-cluster.sh

PG_PORT=${SA_BENCH_PG_PORT:-55435}
PG_DATA=${SA_BENCH_PG_DATA:-/tmp/samverka-bench-sa-pg}
RESPONSES=${SA_RESPONSES:-100000}
RUNS=${SA_RUNS:-9}
DB=samverka_bench_sa
APP_PORT=${SA_BENCH_APP_PORT:-5190}
LOG=bench.d/results/self-assessment-app.log
mkdir -p bench.d/results

die() { echo "self-assessment bench: $*" >&2; exit 1; }
pg_install || die "PostgreSQL could not be installed"
psql_sa() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

APP_PID=
cleanup() {
  local status=$?
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  pg_stop "$PG_DATA"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_start "$PG_DATA" "$PG_PORT" "$PG_DATA-sock" -c fsync=off -c synchronous_commit=off -c full_page_writes=off || die "PostgreSQL did not start"
psql_sa -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

echo "Building and starting Samverka once: migrations, reference data, the default instrument"
dotnet build src/Samverka.Web -c Release -v quiet -nologo >/dev/null || die "build failed"
(
  cd src/Samverka.Web
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DB"
  export Samverka__DemoData=false Samverka__AdminEmail= ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT ASPNETCORE_ENVIRONMENT=Production
  exec dotnet bin/Release/net10.0/Samverka.Web.dll
) >"$LOG" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$APP_PORT/health/ready" 2>/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || die "the app stopped (log: $LOG)"
  sleep 0.5
done
kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=

echo "Filling $RESPONSES synthetic responses in 2030 (every municipality, every region)"
psql_sa -d "$DB" -v responses="$RESPONSES" -f bench.d/fill/70-self-assessment.sql
psql_sa -d "$DB" -c ANALYZE
psql_sa -d "$DB" -tA -c "SELECT 'responses ' || (SELECT count(*) FROM sa_responses) || ', scores ' || (SELECT count(*) FROM sa_scores) || ', totals rows ' || (SELECT count(*) FROM sa_totals)"
# The totals must equal the responses they summarise, or the timing below measures nothing.
drift=$(psql_sa -d "$DB" -tA -c "SELECT count(*) FROM (
  SELECT round_id, municipality_code, coalesce(library_id, 0), job_title, years_band, count(*)::int, sum(competence_sums[1])::int, sum(competence_counts[21])::int FROM sa_responses GROUP BY 1, 2, 3, 4, 5
  EXCEPT SELECT round_id, municipality_code, library_key, job_title, years_band, n, competence_sums[1], competence_counts[21] FROM sa_totals) d")
[ "$drift" = 0 ] || die "sa_totals differs from sa_responses in $drift groups"

COLS=$(for i in $(seq 1 21); do printf 'x.competence_sums[%d] AS s%d, x.competence_counts[%d] AS q%d, ' $i $i $i $i; done)
SUMS=$(for i in $(seq 1 21); do printf 'sum(s%d), ' $i; done)
COUNTS=$(for i in $(seq 1 21); do printf 'sum(q%d), ' $i; done)
STATEMENT="WITH f AS (
    SELECT ro.county_code AS c, x.municipality_code AS m, x.library_key AS l, x.job_title AS t, x.years_band AS y,
           x.n, ${COLS%, }
    FROM sa_totals x JOIN sa_rounds ro ON ro.id = x.round_id
    WHERE ro.opens_on >= \$1 AND ro.opens_on < \$2)
SELECT c, m, l, t, y, sum(n)::int, ARRAY[${SUMS%, }]::int[], ARRAY[${COUNTS%, }]::int[]
FROM f GROUP BY GROUPING SETS ((), (c), (c, m), (c, m, l), (t), (c, t), (c, m, t), (y), (c, y), (c, m, y))
HAVING count(*) > 0"

out=$(psql_sa -d "$DB" <<SQL
PREPARE aggregate(date, date) AS $STATEMENT;
\\o /dev/null
\\timing on
$(for _ in $(seq 1 "$RUNS"); do echo "EXECUTE aggregate('2030-01-01', '2031-01-01');"; done)
SQL
)
times=$(echo "$out" | grep -o 'Time: [0-9.]* ms' | awk '{print $2}')
echo "$times" | sort -n | awk -v runs="$RUNS" -v each="$(echo $times)" '
  { t[NR] = $1 }
  END {
    median = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "National aggregate (every group, means per competence): best %.1f ms, median %.1f ms of %d runs (each: %s ms)\n", t[1], median, runs, each
  }'
