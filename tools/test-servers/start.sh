#!/usr/bin/env bash
# Starts the servers the production adapters' tests need, on loopback, and writes their connection
# settings to .test-servers/env (source it before `npm test`):
#   - Apache Kafka (single-node KRaft, broker and controller in one JVM), resolved from Maven Central;
#   - FerretDB v1 (MongoDB wire protocol), built from the Go module proxy, on a PostgreSQL cluster of its own
#     (Debian's postgresql package, installed with apt-get when missing: that step needs root).
# Needs Java 17+ with Maven, and Go. Idempotent: servers already running are left as they are.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${TEST_SERVERS_DIR:-$root/.test-servers}"
kafka_port="${TEST_KAFKA_PORT:-39092}"
controller_port="${TEST_KAFKA_CONTROLLER_PORT:-39093}"
mongo_port="${TEST_MONGO_PORT:-37017}"
postgres_port="${TEST_POSTGRES_PORT:-35432}"
mkdir -p "$state"

running() { [[ -f "$state/$1.pid" ]] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

start_kafka() {
  if running kafka; then echo "kafka: already running (pid $(cat "$state/kafka.pid"))"; return; fi
  echo "kafka: resolving the broker from Maven Central"
  mvn -q -B -Dstyle.color=never -f "$here/kafka/pom.xml" dependency:build-classpath -Dmdep.outputFile="$state/kafka.classpath"
  local classpath logs
  classpath="$(cat "$state/kafka.classpath")"
  logs="$state/kafka"
  rm -rf "$logs" && mkdir -p "$logs/data"
  sed -e "s|@PORT@|$kafka_port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" -e "s|@LOG_DIR@|$logs/data|g" \
    "$here/kafka/server.properties" >"$logs/server.properties"
  local jvm=(java -Xms256m -Xmx768m -XX:+UseG1GC "-Dlog4j2.configurationFile=$here/kafka/log4j2.properties"
    "-Dkafka.logs.dir=$logs" -cp "$classpath")
  "${jvm[@]}" kafka.tools.StorageTool format --ignore-formatted \
    --cluster-id "$("${jvm[@]}" kafka.tools.StorageTool random-uuid)" --config "$logs/server.properties" >/dev/null
  nohup "${jvm[@]}" kafka.Kafka "$logs/server.properties" >"$logs/stdout.log" 2>&1 &
  echo $! >"$state/kafka.pid"
  echo "kafka: started (pid $!) on 127.0.0.1:$kafka_port, logs in $logs"
}

postgres_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [[ -z "$bin" ]]; then
    echo "postgresql: installing Debian's package" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
  echo "$bin"
}

# PostgreSQL refuses to run as root: as root the cluster belongs to the package's `postgres` user.
as_owner() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  local bin pgdata
  bin="$(postgres_bin)"
  if [[ -f "$state/postgres.dir" ]] && as_owner "$bin/pg_ctl" -D "$(cat "$state/postgres.dir")" status >/dev/null 2>&1; then
    echo "postgresql: already running"; return
  fi
  # Under /tmp, not the checkout: the cluster's owner must reach it, whatever the modes of the checkout's parents.
  pgdata="$(mktemp -d /tmp/crm-test-postgres.XXXXXX)"
  echo "$pgdata" >"$state/postgres.dir"
  [[ $EUID -eq 0 ]] && chown postgres: "$pgdata"
  as_owner "$bin/initdb" -D "$pgdata" -U ferretdb -A trust -E UTF8 >/dev/null
  # A throw-away test cluster: durability settings off for speed, loopback only; connections for FerretDB's pool.
  as_owner "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -o \
    "-p $postgres_port -k $pgdata -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$postgres_port" -U ferretdb ferretdb
  echo "postgresql: started on 127.0.0.1:$postgres_port"
}

# FerretDB 1.24's `update` holds every update's query iterator, and so one pooled PostgreSQL connection, until
# the whole command ends: one bulkWrite updating more existing documents than the pool holds waits forever.
# patches/msg_update.patch closes each iterator once its update is done. Its filter push-down writes `_id: x` as
# `_jsonb->'_id' @> x`, which the _id index cannot serve, so every find by _id scanned the whole collection:
# patches/query_id_equality.patch adds `_jsonb->'_id' = x`, the index's own expression. The module is copied out of Go's read-only cache,
# patched, and built through a `replace` in a scratch copy of ferretdb/ (the checkout is left untouched).
build_ferretdb() {
  local module build
  # `go list -m` only reports a module already in the cache; a clean machine's cache is empty until downloaded.
  (cd "$here/ferretdb" && go mod download github.com/FerretDB/FerretDB)
  module="$(cd "$here/ferretdb" && go list -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)"
  [ -n "$module" ] || { echo "ferretdb: the FerretDB module was not found after download" >&2; return 1; }
  build="$state/ferretdb-build"
  rm -rf "$build" && mkdir -p "$build/app"
  cp -r "$module" "$build/module" && chmod -R u+w "$build/module"
  for patch in "$here"/ferretdb/patches/*.patch; do patch -s -d "$build/module" -p0 <"$patch"; done
  cp "$here"/ferretdb/{main.go,go.mod,go.sum} "$build/app/"
  (cd "$build/app" && go mod edit -replace "github.com/FerretDB/FerretDB=$build/module" &&
    go build -o "$state/bin/ferretdb" .)
}

start_ferretdb() {
  if running ferretdb; then echo "ferretdb: already running (pid $(cat "$state/ferretdb.pid"))"; return; fi
  start_postgres
  echo "ferretdb: building from the Go module proxy"
  build_ferretdb
  rm -rf "$state/ferretdb" && mkdir -p "$state/ferretdb"
  # FerretDB 1.24 can deadlock when its pool (50 by default) is exhausted while a collection is being created
  # (the metadata registry holds its lock while it waits for a connection): a pool larger than the clients'
  # concurrent operations keeps a connection free for it.
  nohup "$state/bin/ferretdb" -listen "127.0.0.1:$mongo_port" \
    -postgresql-url "postgres://ferretdb@127.0.0.1:$postgres_port/ferretdb?pool_max_conns=300" \
    >"$state/ferretdb/stdout.log" 2>&1 &
  echo $! >"$state/ferretdb.pid"
  echo "ferretdb: started (pid $!) on 127.0.0.1:$mongo_port"
}

start_kafka
start_ferretdb

cat >"$state/env" <<ENV
export KAFKA_BROKERS=127.0.0.1:$kafka_port
export MONGO_URL=mongodb://127.0.0.1:$mongo_port/
ENV

# shellcheck source=/dev/null
source "$state/env"
node "$here/wait-until-ready.mjs"
echo "test servers ready: source $state/env"
