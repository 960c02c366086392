# Shared settings of the load test and the drills (sourced). Override any of them in the environment.
ops_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOAD_WORK=${LOAD_WORK:-/tmp/tracker-load}          # jar copy, logs, pids, nginx prefix, reports
DB_DIR=${DB_DIR:-/tmp/i8-db}                        # private MariaDB instance (ops/mysql/instance.sh)
DB_PORT=${DB_PORT:-18306}
DB_NAME=${DB_NAME:-tracker_load}
DB_USER=${DB_USER:-tracker_load}
DB_PASSWORD=${DB_PASSWORD:-tracker_load_pw}
# A plain string, exported as such: bash cannot export an array, so turning APP_PORTS itself into
# one made every child script (app.sh, nginx.sh, the drills under all.sh) fall back to the default
# ports — instance 2 and nginx came up on 18081/18082 whatever the caller set.
export APP_PORTS=${APP_PORTS:-18081 18082}
APP_PORT_LIST=($APP_PORTS)
LB_PORT=${LB_PORT:-18080}
APP_HEAP=${APP_HEAP:-512m}
# Long and random enough for the start-up guard; scripts send it as a bearer token.
TOKEN=${TOKEN:-load-test-admin-token-$(printf %s "$DB_NAME" | sha256sum | cut -c1-16)}
AS_OF=${AS_OF:-2026-06-30}
mkdir -p "$LOAD_WORK"
db_sql() { "$ops_root/ops/mysql/instance.sh" sql "$DB_DIR" "$@"; }
say() { echo "[$(date +%T)] $*" >&2; }
# Closes descriptors of lock files this shell inherited (`flock /work/bench.lock ops/load/run.sh`):
# a daemon started from here (an instance, nginx) would otherwise keep the lock held after the
# script ended — a shared hold left on the benchmark lock by instance 2 and nginx once blocked
# every exclusive (timed) run on the machine for 20 minutes. The caller's flock still holds the
# lock until the script ends.
close_lock_fds() {
  local fd
  for fd in $(ls /proc/$$/fd 2>/dev/null); do
    if [ "$fd" -gt 2 ] && [[ "$(readlink "/proc/$$/fd/$fd" 2>/dev/null)" == *.lock ]]; then
      eval "exec $fd>&-"
    fi
  done
}
# What the request mixes are made of (ops/load/mixes.py): every task with its id, provinces, indicators.
mix_source() {
  db_sql -N "$DB_NAME" -e "(SELECT 'task', code, province_code, id FROM task ORDER BY id)
    UNION ALL (SELECT 'province', code, '', '' FROM agency WHERE kind = 'PROVINCE')
    UNION ALL (SELECT 'indicator', code, '', '' FROM indicator)"
}
