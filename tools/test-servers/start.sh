#!/usr/bin/env bash
# Starts the servers the production adapters' tests need, on loopback, and writes their connection
# settings to .test-servers/env (source it before `npm test`):
#   - Apache Kafka (single-node KRaft, broker and controller in one JVM), resolved from Maven Central;
#   - FerretDB v1 (MongoDB wire protocol, SQLite backend), built from the Go module proxy.
# Needs Java 17+ with Maven, and Go. Idempotent: servers already running are left as they are.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${TEST_SERVERS_DIR:-$root/.test-servers}"
kafka_port="${TEST_KAFKA_PORT:-39092}"
controller_port="${TEST_KAFKA_CONTROLLER_PORT:-39093}"
mongo_port="${TEST_MONGO_PORT:-37017}"
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

start_ferretdb() {
  if running ferretdb; then echo "ferretdb: already running (pid $(cat "$state/ferretdb.pid"))"; return; fi
  echo "ferretdb: building from the Go module proxy"
  (cd "$here/ferretdb" && go build -o "$state/bin/ferretdb" .)
  rm -rf "$state/ferretdb" && mkdir -p "$state/ferretdb"
  nohup "$state/bin/ferretdb" -listen "127.0.0.1:$mongo_port" -data-dir "$state/ferretdb/data" \
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
