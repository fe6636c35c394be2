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
rm -rf "$state/env" "$state/kafka" "$state/ferretdb"
