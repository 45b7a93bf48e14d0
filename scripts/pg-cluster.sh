# shellcheck shell=bash
# Helpers to install PostgreSQL and run a private cluster as the postgres user.
# Sourced by ./run, ./test and ./bench. PostgreSQL refuses to run as root, so as root the
# cluster runs as "postgres"; as any other user it runs as that user.

pg_install() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installerar PostgreSQL …"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  export PG_BIN
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Runs a command as the cluster's owner.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start DATA_DIR PORT SOCKET_DIR [extra initdb/server options...]
# Creates the cluster on first use; starts it unless it already answers.
pg_start() {
  local data=$1 port=$2 sock=$3; shift 3
  mkdir -p "$data" "$sock"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$data" "$sock"; chmod 700 "$data"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    pg_as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! "$PG_BIN/pg_isready" -q -h "$sock" -p "$port"; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $port -k $sock -c listen_addresses=127.0.0.1 $*" start >/dev/null
  fi
  for _ in $(seq 1 60); do
    "$PG_BIN/pg_isready" -q -h "$sock" -p "$port" && return 0
    sleep 0.5
  done
  echo "PostgreSQL startade inte; se $data/server.log" >&2
  return 1
}

pg_stop() {
  local data=$1
  [ -f "$data/postmaster.pid" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}
