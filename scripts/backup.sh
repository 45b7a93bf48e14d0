#!/usr/bin/env bash
# Backup and restore of Samverka's database: ./run backup [FILE], ./run restore FILE [--yes] [--force].
# The database is ConnectionStrings__Default's when set, else the private cluster's (SAMVERKA_DATA,
# SAMVERKA_PG_PORT, the generated pg-password), as ./run starts it. pg_dump reads one snapshot, so a
# backup taken while the app runs is consistent. Sourced, the file only defines the functions.
# shellcheck shell=bash

_backup_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=pg-cluster.sh
source "$_backup_dir/pg-cluster.sh"

# Sets PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE for pg_dump, pg_restore and psql.
samverka_db_target() {
  if [ -n "${ConnectionStrings__Default:-}" ]; then
    samverka_parse_connection_string "$ConnectionStrings__Default"
    return
  fi
  local default_data
  if [ "$(id -u)" = 0 ]; then default_data=/var/lib/samverka; else default_data=$HOME/.local/share/samverka; fi
  local data=${SAMVERKA_DATA:-$default_data}
  if [ ! -f "$data/pg/PG_VERSION" ] || [ ! -s "$data/pg-password" ]; then
    echo "Hittar ingen databas: varken ConnectionStrings__Default eller ett kluster i $data (starta ./run först)." >&2
    return 1
  fi
  local port=${SAMVERKA_PG_PORT:-55432}
  pg_start "$data/pg" "$port" "$data/socket" || return 1
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=samverka
  PGPASSWORD=$(cat "$data/pg-password"); export PGPASSWORD
}

# Reads an Npgsql connection string ("Host=…;Port=…;Username=…;Password=…;Database=…").
samverka_parse_connection_string() {
  local part key value
  export PGHOST=127.0.0.1 PGPORT=5432
  unset PGUSER PGPASSWORD PGDATABASE
  local IFS=';'
  for part in $1; do
    key=$(echo "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    value=${part#*=}
    value=${value#"${value%%[![:space:]]*}"}; value=${value%"${value##*[![:space:]]}"}
    value=${value#\"}; value=${value%\"}; value=${value#\'}; value=${value%\'}
    case "$key" in
      host|server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      username|userid|user|uid) export PGUSER=$value ;;
      password|pwd) export PGPASSWORD=$value ;;
      database|db) export PGDATABASE=$value ;;
    esac
  done
  if [ -z "${PGDATABASE:-}" ]; then echo "ConnectionStrings__Default saknar Database=." >&2; return 1; fi
}

# samverka_backup [FILE]: a pg_dump custom-format file (-Fc), written whole or not at all.
samverka_backup() {
  local file=${1:-samverka-$(date +%Y%m%d-%H%M%S).dump}
  pg_install && samverka_db_target || return 1
  echo "Säkerhetskopierar databasen $PGDATABASE på $PGHOST:$PGPORT till $file …"
  local started=$SECONDS
  if ! "$PG_BIN/pg_dump" -Fc --no-password -f "$file.part" "$PGDATABASE"; then
    rm -f "$file.part"
    echo "Säkerhetskopieringen misslyckades; ingen fil skrevs." >&2
    return 1
  fi
  chmod 600 "$file.part" && mv "$file.part" "$file"
  echo "Klar: $file ($(du -h "$file" | cut -f1), $((SECONDS - started)) s). Återställ med: ./run restore $file"
}

# samverka_restore FILE [--yes] [--force]: into an empty database (created when missing).
samverka_restore() {
  local file="" yes=false force=false arg
  for arg in "$@"; do
    case "$arg" in
      --yes) yes=true ;;
      --force) force=true ;;
      -*) echo "Okänt val: $arg (giltiga: --yes, --force)" >&2; return 2 ;;
      *) file=$arg ;;
    esac
  done
  if [ -z "$file" ]; then echo "Ange filen: ./run restore FIL [--yes] [--force]" >&2; return 2; fi
  if [ ! -r "$file" ]; then echo "Filen $file finns inte eller kan inte läsas." >&2; return 1; fi
  pg_install && samverka_db_target || return 1
  if ! "$PG_BIN/pg_restore" -l "$file" >/dev/null 2>&1; then
    echo "$file är ingen säkerhetskopia från pg_dump (format -Fc)." >&2
    return 1
  fi
  local exists
  exists=$("$PG_BIN/psql" --no-password -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${PGDATABASE//\'/\'\'}'" 2>/dev/null || true)
  if [ "$exists" != 1 ]; then
    "$PG_BIN/createdb" --no-password "$PGDATABASE" || { echo "Kunde inte skapa databasen $PGDATABASE." >&2; return 1; }
  fi
  local tables
  tables=$("$PG_BIN/psql" --no-password -tAc "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'") || return 1
  local clean=()
  if [ "$tables" != 0 ]; then
    if [ "$force" != true ]; then
      echo "Databasen $PGDATABASE på $PGHOST:$PGPORT är inte tom (innehåller $tables tabeller, vyer eller sekvenser); inget återställdes." >&2
      echo "Återställ till en tom databas, eller ange --force för att ersätta innehållet." >&2
      return 1
    fi
    clean=(--clean --if-exists)
  fi
  if [ "$yes" != true ]; then
    local answer=""
    printf 'Skriv JA för att återställa %s till databasen %s på %s:%s%s: ' "$file" "$PGDATABASE" "$PGHOST" "$PGPORT" \
      "$([ ${#clean[@]} -gt 0 ] && echo ' (nuvarande innehåll ersätts)')"
    read -r answer || true
    if [ "$answer" != JA ]; then echo "Avbrutet; inget återställdes." >&2; return 1; fi
  fi
  local started=$SECONDS
  # One transaction: the database is either the backup's or left as it was.
  if ! "$PG_BIN/pg_restore" --no-password --exit-on-error --single-transaction "${clean[@]}" -d "$PGDATABASE" "$file"; then
    echo "Återställningen misslyckades; databasen är oförändrad." >&2
    return 1
  fi
  echo "Klar: $file återställd till $PGDATABASE på $PGHOST:$PGPORT ($((SECONDS - started)) s)."
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  command=${1:-}; shift || true
  case "$command" in
    backup) samverka_backup "$@" ;;
    restore) samverka_restore "$@" ;;
    *) echo "Användning: ./run backup [FIL] | ./run restore FIL [--yes] [--force]" >&2; exit 2 ;;
  esac
fi
