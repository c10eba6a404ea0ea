#!/usr/bin/env bash
# The local cluster of docs/deploy.md, with real parts on one machine:
#   up        MariaDB primary + GTID replica, 3 service instances (reads may go to the replica), HAProxy
#   galera    a 3-node MariaDB Galera cluster, one service instance per node, HAProxy
#   restart   rolling restart of the instances, one after another (each drains first)
#   down      stops everything (add --purge to delete the data under .cluster/)
#   status    what runs where
#   kill-replica  SIGKILL the replica (tests: reads must fail over to the primary)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CLUSTER_DIR=${CLUSTER_DIR:-$ROOT/.cluster}
HAPROXY_PORT=${CLUSTER_HAPROXY_PORT:-15810}
SERVICE_PORTS=(15811 15812 15813)
PRIMARY_PORT=33061
REPLICA_PORT=33062
GALERA_PORTS=(33071 33072 33073)
source "$ROOT/scripts/cluster/mariadb.sh"
source "$ROOT/scripts/cluster/services.sh"

mkdir -p "$CLUSTER_DIR"
chmod 755 "$CLUSTER_DIR"
# Secrets of this cluster, made once: the app's database password, the JWT secret and the id secret (production mode).
[ -f "$CLUSTER_DIR/secrets" ] || printf 'DB_PASSWORD=%s\nJWT_SECRET=%s\n' "$(openssl rand -hex 16)" "$(openssl rand -hex 32)" >"$CLUSTER_DIR/secrets"
grep -q '^ID_SECRET=' "$CLUSTER_DIR/secrets" || printf 'ID_SECRET=%s\n' "$(openssl rand -base64 48 | tr -d '\n')" >>"$CLUSTER_DIR/secrets"
source "$CLUSTER_DIR/secrets"
url() { echo "mysql://stockgate:$DB_PASSWORD@127.0.0.1:$1/stockgate"; }

build() { [ -f "$ROOT/dist/src/main.js" ] || (cd "$ROOT" && npm run -s build); }

seed_once() { # migrations run on every start; the demo company once, on an empty database
  (cd "$ROOT" && DATABASE_URL="$1" JWT_SECRET="$JWT_SECRET" LOG_LEVEL=warn node dist/scripts/seed.js >/dev/null)
}

start_services() { # start_services URL_1 URL_2 URL_3 [REPLICA_URL]
  local i
  for i in 0 1 2; do service_start $((i + 1)) "${SERVICE_PORTS[$i]}" "${@:$((i + 1)):1}" "${4:-}"; done
  for i in 0 1 2; do service_wait_ready "${SERVICE_PORTS[$i]}"; done
  haproxy_ensure
  haproxy_start "$HAPROXY_PORT" "${SERVICE_PORTS[@]}"
}

up() {
  build
  mariadb_init primary
  mariadb_init replica
  mariadb_start primary "$PRIMARY_PORT" --server-id=1 --log-bin=primary-bin --binlog-format=ROW --gtid-strict-mode=ON
  mariadb_start replica "$REPLICA_PORT" --server-id=2 --read-only=ON --gtid-strict-mode=ON --log-slave-updates=OFF
  mariadb_sql primary "CREATE USER IF NOT EXISTS 'repl'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD'; GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';"
  if [ -z "$(mariadb_sql replica "SHOW SLAVE STATUS")" ]; then
    mariadb_sql replica "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$PRIMARY_PORT, MASTER_USER='repl',
      MASTER_PASSWORD='$DB_PASSWORD', MASTER_USE_GTID=slave_pos; START SLAVE;"
  fi
  # The app user and database are made on the primary and replicate to the replica.
  mariadb_app_user primary
  seed_once "$(url $PRIMARY_PORT)"
  start_services "$(url $PRIMARY_PORT)" "$(url $PRIMARY_PORT)" "$(url $PRIMARY_PORT)" "$(url $REPLICA_PORT)"
  status
}

galera() {
  build
  galera_ensure
  local gcomm="gcomm://127.0.0.1:34571,127.0.0.1:34572,127.0.0.1:34573" i name
  for i in 1 2 3; do
    name=galera$i
    mariadb_init "$name"
    local opts=(--binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 --wsrep-on=ON
      --wsrep-provider=/usr/lib/galera/libgalera_smm.so --wsrep-cluster-name=stockgate --wsrep-cluster-address="$gcomm"
      --wsrep-node-address=127.0.0.1:3457$i --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:3457$i;ist.recv_addr=127.0.0.1:3458$i"
      --wsrep-sst-receive-address=127.0.0.1:3459$i --wsrep-sst-method=rsync)
    # The first node bootstraps the cluster unless another node already runs.
    if [ "$i" = 1 ] && ! mariadb_ping galera2 && ! mariadb_ping galera3; then
      sed -i 's/safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$(mariadb_dir galera1)/data/grastate.dat" 2>/dev/null || true
      opts+=(--wsrep-new-cluster)
    fi
    mariadb_start "$name" "${GALERA_PORTS[$((i - 1))]}" "${opts[@]}"
    galera_wait_ready "$name"
  done
  mariadb_app_user galera1
  seed_once "$(url "${GALERA_PORTS[0]}")"
  start_services "$(url "${GALERA_PORTS[0]}")" "$(url "${GALERA_PORTS[1]}")" "$(url "${GALERA_PORTS[2]}")"
  status
}

restart() { # one instance at a time: drain, start, wait until ready, then the next
  local i urls=()
  for i in 1 2 3; do urls+=("$(tr '\0' '\n' <"/proc/$(cat "$CLUSTER_DIR/service-$i.pid")/environ" | sed -n 's/^DATABASE_URL=//p')"); done
  local replica; replica=$(tr '\0' '\n' <"/proc/$(cat "$CLUSTER_DIR/service-1.pid")/environ" | sed -n 's/^DATABASE_REPLICA_URL=//p')
  for i in 0 1 2; do
    service_stop $((i + 1))
    service_start $((i + 1)) "${SERVICE_PORTS[$i]}" "${urls[$i]}" "$replica"
    service_wait_ready "${SERVICE_PORTS[$i]}"
    haproxy_wait_up $((i + 1)) # the balancer routes to it again before the next one leaves
  done
}

down() {
  haproxy_stop
  for i in 1 2 3; do service_stop "$i"; done
  for name in replica primary galera3 galera2 galera1; do mariadb_stop "$name"; done
  if [ "${1:-}" = --purge ]; then rm -rf "$CLUSTER_DIR"; fi
}

status() {
  echo "API through HAProxy: http://127.0.0.1:$HAPROXY_PORT/graphql (instances: ${SERVICE_PORTS[*]})"
  for name in primary replica galera1 galera2 galera3; do mariadb_ping "$name" && echo "MariaDB $name: running"; done
  echo "Tokens: JWT_SECRET from $CLUSTER_DIR/secrets, e.g.  (source $CLUSTER_DIR/secrets; JWT_SECRET=\$JWT_SECRET DATABASE_URL=$(url $PRIMARY_PORT | sed 's/:[^:@]*@/:…@/') npm run token -- admin)"
}

case "${1:-}" in
  up) up ;;
  galera) galera ;;
  restart) restart ;;
  down) down "${2:-}" ;;
  status) status ;;
  kill-replica) # a crash, for the tests: SIGKILL, no clean shutdown
    kill -9 "$(cat "$(mariadb_dir replica)/mysqld.pid")"; rm -f "$(mariadb_dir replica)/mysqld.pid" ;;
  *) echo "usage: $0 up|galera|restart|down [--purge]|status" >&2; exit 2 ;;
esac
