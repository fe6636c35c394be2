#!/usr/bin/env bash
# Stops the test servers started by start.sh and removes their data and settings.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
state="${TEST_SERVERS_DIR:-$(cd "$here/../.." && pwd)/.test-servers}"

stop() {
  local pidfile="$state/$1.pid"
  [[ -f "$pidfile" ]] || return 0
  local pid
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    echo "$1: stopped (pid $pid)"
  fi
  rm -f "$pidfile"
}

stop kafka
stop ferretdb
if [[ -f "$state/postgres.dir" ]]; then
  pgdata="$(cat "$state/postgres.dir")"
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [[ $EUID -eq 0 ]]; then owner=(runuser -u postgres --); else owner=(); fi
  "${owner[@]}" "$bin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 && echo "postgresql: stopped"
  rm -rf "$pgdata" "$state/postgres.dir"
fi
rm -rf "$state/env" "$state/kafka" "$state/ferretdb" "$state/ferretdb-build"
