#!/usr/bin/env bash
# Starts (or restarts / stops) the machine's MariaDB the way it is done on these machines:
# containers without systemd, so start-stop-daemon runs mariadbd in the background and we wait
# until it answers. Idempotent: `start` on a running server does nothing.
# Usage: ops/mysql/start-mariadb.sh [start|stop|restart|status]
# NOTE: this is the shared server on 127.0.0.1:3306; drills use ops/mysql/instance.sh instead.
set -euo pipefail
action=${1:-start}
daemon=/usr/sbin/mariadbd
[ -x "$daemon" ] || daemon=$(command -v mariadbd || command -v mysqld)

ping() { mariadb-admin ping >/dev/null 2>&1; }

start() {
  if ping; then echo "MariaDB already running"; return; fi
  if [ ! -x "$daemon" ]; then
    echo "installing MariaDB (Debian packages)"
    apt-get update -qq && apt-get install -y -qq mariadb-server mariadb-client >/dev/null
    daemon=/usr/sbin/mariadbd
  fi
  install -d -o mysql -g mysql /run/mysqld
  start-stop-daemon --start --oknodo --background --exec "$daemon" -- --user=mysql
  for _ in $(seq 1 120); do ping && break; sleep 0.5; done
  ping || { echo "MariaDB did not come up; see /var/log/mysql/error.log" >&2; exit 1; }
  echo "MariaDB running: $(mariadb -uroot -N -e 'select version()')"
}

stop() {
  # mariadb-admin shutdown is a clean InnoDB shutdown (no crash recovery at next start).
  if ping; then mariadb-admin -uroot shutdown; fi
  for _ in $(seq 1 120); do pgrep -x mariadbd >/dev/null || break; sleep 0.5; done
  echo "MariaDB stopped"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) if ping; then mariadb-admin -uroot status; else echo "not running"; exit 3; fi ;;
  *) echo "usage: $0 [start|stop|restart|status]" >&2; exit 2 ;;
esac
