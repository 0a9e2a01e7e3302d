#!/usr/bin/env bash
# Starts (or stops) a private PostgreSQL server for the test suites, on 127.0.0.1 only, with its data in /tmp.
# Usage: scripts/postgres-for-tests.sh start|stop   — 'start' prints the connection string on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${OMVARLD_TEST_PG_PORT:-55432}"
# Outside the checkout: as root the server runs as user postgres, who may not be able to enter the clone's folder.
DATA="${TMPDIR:-/tmp}/omvarld-test-pg-$(id -u)-$PORT"
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL server binaries not found. Install them with: sudo apt-get install -y postgresql" >&2
  exit 3
fi
# initdb and postgres refuse to run as root: run them as the 'postgres' user that Debian's package creates.
as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
case "${1:-start}" in
  start)
    if [ ! -f "$DATA/PG_VERSION" ]; then
      mkdir -p "$DATA"
      if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DATA"; chmod 700 "$DATA"; fi
      as_owner "$BIN/initdb" -D "$DATA" -U omvarld --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=200 -c fsync=on" start >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$PORT;Username=omvarld;Database=postgres;Pooling=true;Include Error Detail=true"
    ;;
  stop)
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
