#!/usr/bin/env bash
# A private MariaDB instance (own data directory, port and socket) configured with tracker.cnf.
# The fault drills restart and kill the database; doing that to the shared server on :3306 would
# break everyone else's work, so drills and load tests run against one of these instead.
# Usage:
#   ops/mysql/instance.sh start <dir> <port>   create (first time) and start; waits until it answers
#   ops/mysql/instance.sh stop  <dir>          clean shutdown
#   ops/mysql/instance.sh kill  <dir>          SIGKILL, as a crash would (InnoDB recovers at next start)
#   ops/mysql/instance.sh sql   <dir> [args]   mariadb client as root over the instance's socket
#   ops/mysql/instance.sh destroy <dir>        stop and delete the data directory
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
action=${1:?start|stop|kill|sql|destroy}
dir=$(realpath -m "${2:?instance directory}")
cnf=$dir/my.cnf
sock=$dir/mysqld.sock
pidf=$dir/mysqld.pid
daemon=/usr/sbin/mariadbd
[ -x "$daemon" ] || daemon=$(command -v mariadbd)

client() { mariadb --no-defaults -uroot --socket="$sock" "$@"; }
alive() { mariadb-admin --no-defaults -uroot --socket="$sock" ping >/dev/null 2>&1; }

write_cnf() {
  local port=$1
  # tracker.cnf first, then what makes this instance private (later values win).
  { cat "$here/tracker.cnf"
    cat <<CNF

[mysqld]
datadir   = $dir/data
socket    = $sock
pid-file  = $pidf
port      = $port
bind-address = 127.0.0.1
log-error = $dir/error.log
slow_query_log_file = $dir/slow.log
innodb_buffer_pool_size = 256M
innodb_log_file_size    = 64M
user = mysql
CNF
  } >"$cnf"
}

start() {
  local port=${1:?port}
  mkdir -p "$dir"
  write_cnf "$port"
  if [ ! -d "$dir/data/mysql" ]; then
    mkdir -p "$dir/data"
    chown -R mysql:mysql "$dir"
    mariadb-install-db --defaults-file="$cnf" --skip-test-db >"$dir/install.log" 2>&1
  fi
  chown -R mysql:mysql "$dir"
  alive && { echo "instance $dir already running"; return; }
  # The server outlives this script: it must not inherit a lock file the caller holds
  # (flock /work/bench.lock …), or the lock stays held as long as the server runs.
  for fd in $(ls /proc/$$/fd 2>/dev/null); do
    if [ "$fd" -gt 2 ] && [[ "$(readlink "/proc/$$/fd/$fd" 2>/dev/null)" == *.lock ]]; then eval "exec $fd>&-"; fi
  done
  start-stop-daemon --start --background --pidfile "$pidf" --exec "$daemon" -- --defaults-file="$cnf"
  for _ in $(seq 1 240); do alive && break; sleep 0.25; done
  alive || { echo "instance did not start, see $dir/error.log" >&2; tail -20 "$dir/error.log" >&2; exit 1; }
  echo "instance $dir up on 127.0.0.1:$port"
}

stop() {
  alive && mariadb-admin --no-defaults -uroot --socket="$sock" shutdown || true
  for _ in $(seq 1 240); do [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null || break; sleep 0.25; done
}

case "$action" in
  start) start "${3:-}" ;;
  stop) stop; echo "instance $dir stopped" ;;
  kill) [ -f "$pidf" ] && kill -9 "$(cat "$pidf")" && echo "instance $dir killed (SIGKILL)" ;;
  sql) shift 2; client "$@" ;;
  destroy) stop; rm -rf "$dir"; echo "instance $dir removed" ;;
  *) echo "unknown action $action" >&2; exit 2 ;;
esac
