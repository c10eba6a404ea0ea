# MariaDB instances of the local cluster: their own data directories, ports and sockets under
# $CLUSTER_DIR, run as the mysql user (Galera's rsync state transfer needs it; see docs/deploy.md).
# Sourced by cluster.sh.

mariadb_dir() { echo "$CLUSTER_DIR/db-$1"; }

# mariadb_init NAME: an empty data directory owned by mysql.
mariadb_init() {
  local dir; dir=$(mariadb_dir "$1")
  [ -d "$dir/data/mysql" ] && return 0
  mkdir -p "$dir/data"
  chown -R mysql:mysql "$dir"
  mariadb-install-db --no-defaults --user=mysql --datadir="$dir/data" --auth-root-authentication-method=socket >"$dir/install.log" 2>&1 \
    || { cat "$dir/install.log"; echo "mariadb-install-db failed for $1" >&2; return 1; }
}

# mariadb_start NAME PORT [mariadbd options…]: starts in the background, waits until it answers.
mariadb_start() {
  local name=$1 port=$2; shift 2
  local dir; dir=$(mariadb_dir "$name")
  if mariadb_ping "$name"; then return 0; fi
  start-stop-daemon --start --background --chuid mysql --pidfile "$dir/mysqld.pid" --exec /usr/sbin/mariadbd -- \
    --no-defaults --user=mysql --datadir="$dir/data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" \
    --innodb-buffer-pool-size=128M --innodb-log-file-size=64M --max-connections=300 \
    --innodb-flush-log-at-trx-commit=1 --sync-binlog=1 "$@"
  for _ in $(seq 1 120); do mariadb_ping "$name" && return 0; sleep 0.5; done
  tail -20 "$dir/error.log" >&2
  echo "MariaDB $name did not start" >&2
  return 1
}

mariadb_ping() { mariadb-admin --socket="$(mariadb_dir "$1")/mysqld.sock" --user=root ping >/dev/null 2>&1; }

# mariadb_sql NAME SQL…: runs SQL as root through the node's socket.
mariadb_sql() { local name=$1; shift; mariadb --socket="$(mariadb_dir "$name")/mysqld.sock" --user=root -N -e "$*"; }

mariadb_stop() {
  local name=$1 dir; dir=$(mariadb_dir "$name")
  mariadb_ping "$name" || return 0
  mariadb-admin --socket="$dir/mysqld.sock" --user=root shutdown >/dev/null 2>&1 || true
  for _ in $(seq 1 120); do [ -f "$dir/mysqld.pid" ] || return 0; sleep 0.5; done
}

# The application's account: TCP with a password, everything on the stockgate database.
mariadb_app_user() {
  mariadb_sql "$1" "CREATE DATABASE IF NOT EXISTS stockgate CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS 'stockgate'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
    GRANT ALL ON stockgate.* TO 'stockgate'@'127.0.0.1';
    GRANT REPLICATION CLIENT, REPLICA MONITOR ON *.* TO 'stockgate'@'127.0.0.1';"
}

# Galera's parts (Debian's mariadb-server depends on them, but a slimmed machine may lack one):
# the galera-4 provider, rsync for the state transfer, socat (HAProxy's admin socket), lsof and ss (the SST script's port checks).
galera_ensure() {
  local missing=()
  [ -f /usr/lib/galera/libgalera_smm.so ] || missing+=(galera-4)
  command -v rsync >/dev/null || missing+=(rsync)
  command -v socat >/dev/null || missing+=(socat)
  command -v lsof >/dev/null || missing+=(lsof)
  command -v ss >/dev/null || missing+=(iproute2)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing ${missing[*]} (Debian packages)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
}

# galera_wait_ready NAME: until the node has joined and synced (wsrep_ready ON), or fails with its log.
galera_wait_ready() {
  for _ in $(seq 1 240); do
    [ "$(mariadb_sql "$1" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='wsrep_ready'" 2>/dev/null)" = ON ] && return 0
    sleep 0.5
  done
  tail -30 "$(mariadb_dir "$1")/error.log" >&2
  echo "Galera node $1 never became ready" >&2
  return 1
}
