# Service instances and HAProxy of the local cluster. Sourced by cluster.sh.

service_start() { # service_start N PORT DATABASE_URL [REPLICA_URL]
  local n=$1 port=$2 url=$3 replica=${4:-}
  local pidfile="$CLUSTER_DIR/service-$n.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then return 0; fi
  NODE_ENV=production JWT_SECRET="$JWT_SECRET" ID_SECRET="$ID_SECRET" DATABASE_URL="$url" DATABASE_REPLICA_URL="$replica" \
    PORT="$port" PLAYGROUND=1 INTROSPECTION=1 LOG_LEVEL="${LOG_LEVEL:-warn}" SHUTDOWN_DELAY_MS=4000 \
    nohup node "$ROOT/dist/src/main.js" >>"$CLUSTER_DIR/service-$n.log" 2>&1 &
  echo $! >"$pidfile"
}

service_wait_ready() { # service_wait_ready PORT
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$1/ready" >/dev/null && return 0; sleep 0.5; done
  echo "service on port $1 never became ready" >&2
  return 1
}

service_stop() { # service_stop N: SIGTERM, then wait for the drain (docs/operations.md, shutdown)
  local pidfile="$CLUSTER_DIR/service-$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
}

haproxy_ensure() {
  command -v haproxy >/dev/null && return 0
  echo "installing haproxy (Debian package)"
  apt-get install -y haproxy >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y haproxy >/dev/null; }
}

# haproxy_start PORT SERVICE_PORT…: health checks on /ready every second, out after 2 failures
# (a draining instance answers 503 for SHUTDOWN_DELAY_MS = 4 s > 2 checks before it stops listening).
haproxy_start() {
  local port=$1; shift
  local cfg="$CLUSTER_DIR/haproxy.cfg" i=1
  {
    printf 'global\n  maxconn 2000\n  pidfile %s/haproxy.pid\n  stats socket %s/haproxy.sock mode 600 level admin\n\n' "$CLUSTER_DIR" "$CLUSTER_DIR"
    printf 'defaults\n  mode http\n  timeout connect 2s\n  timeout client 60s\n  timeout server 60s\n  timeout check 3s\n'
    # A connection that failed to open was never seen by a service: safe to send elsewhere, even a POST.
    printf '  retries 3\n  option redispatch\n  retry-on conn-failure\n\n'
    printf 'frontend api\n  bind 127.0.0.1:%s\n  default_backend stockgate\n\n' "$port"
    printf 'backend stockgate\n  balance roundrobin\n  option httpchk GET /ready\n  http-check expect status 200\n'
    for p in "$@"; do printf '  server s%s 127.0.0.1:%s check inter 1s fall 2 rise 2\n' "$i" "$p"; i=$((i + 1)); done
  } >"$cfg"
  haproxy_stop
  haproxy -D -f "$cfg"
}

haproxy_stop() {
  [ -f "$CLUSTER_DIR/haproxy.pid" ] && kill "$(cat "$CLUSTER_DIR/haproxy.pid")" 2>/dev/null
  rm -f "$CLUSTER_DIR/haproxy.pid"
}

haproxy_state() { # haproxy_state N: UP, DOWN, … of server sN as HAProxy sees it
  echo "show stat" | socat - "UNIX-CONNECT:$CLUSTER_DIR/haproxy.sock" | awk -F, -v s="s$1" '$1=="stockgate" && $2==s {print $18}'
}

haproxy_wait_up() { # haproxy_wait_up N
  for _ in $(seq 1 240); do [ "$(haproxy_state "$1")" = UP ] && return 0; sleep 0.25; done
  echo "HAProxy never saw instance $1 up" >&2
  return 1
}
