#!/usr/bin/env bash
# Starts, stops or kills one application instance of the load test / drills.
#   ops/load/app.sh build              package the jar and copy it to $LOAD_WORK/app.jar
#   ops/load/app.sh start <n>          instance n (1, 2) on port APP_PORT_LIST[n-1] (from APP_PORTS); waits for readiness
#   ops/load/app.sh stop <n>           SIGTERM: graceful shutdown
#   ops/load/app.sh kill <n>           SIGKILL: a crash
# Profiles mysql,demo: the demo profile only adds the console demo accounts (password "demo") used
# for the session checks; anonymous reads stay off. The load generator is one client with one
# token, so the per-token/per-address rate limits are lifted (they are tested elsewhere).
set -euo pipefail
source "$(dirname "$0")/env.sh"
action=${1:?build|start|stop|kill}
n=${2:-1}
port=${APP_PORT_LIST[$((n - 1))]:-}
pidf=$LOAD_WORK/app-$n.pid

case "$action" in
  build)
    cd "$ops_root"
    ./mvnw -B -ntp -q -o -DskipTests package >&2 || ./mvnw -B -ntp -q -DskipTests package >&2
    cp "$(ls target/directive-tracker-*.jar | grep -v plain | head -1)" "$LOAD_WORK/app.jar"
    say "jar copied to $LOAD_WORK/app.jar" ;;
  start)
    [ -f "$LOAD_WORK/app.jar" ] || "$0" build
    if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then say "instance $n already running"; exit 0; fi
    close_lock_fds   # the instance outlives this script: it must not inherit a held lock
    TRACKER_BOOTSTRAP_ADMIN_TOKEN=$TOKEN nohup java -Xms"$APP_HEAP" -Xmx"$APP_HEAP" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
      -jar "$LOAD_WORK/app.jar" --spring.profiles.active=mysql,demo --server.port="$port" \
      --spring.datasource.url="jdbc:mariadb://127.0.0.1:$DB_PORT/$DB_NAME" \
      --spring.datasource.username="$DB_USER" --spring.datasource.password="$DB_PASSWORD" \
      --tracker.security.anonymous-read=false --tracker.import.sample=false \
      --tracker.security.rate-limit.per-token=100000000 --tracker.security.rate-limit.per-address=100000000 \
      --tracker.instance-name="app$n" >"$LOAD_WORK/app-$n.log" 2>&1 &
    echo $! >"$pidf"
    for _ in $(seq 1 600); do
      curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && { say "instance $n ready on :$port"; exit 0; }
      kill -0 "$(cat "$pidf")" 2>/dev/null || { say "instance $n died, see $LOAD_WORK/app-$n.log"; tail -20 "$LOAD_WORK/app-$n.log" >&2; exit 1; }
      sleep 0.5
    done
    say "instance $n not ready after 300 s"; exit 1 ;;
  stop)
    [ -f "$pidf" ] || exit 0
    pid=$(cat "$pidf"); kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    rm -f "$pidf"; say "instance $n stopped" ;;
  kill)
    [ -f "$pidf" ] && kill -9 "$(cat "$pidf")" 2>/dev/null && say "instance $n killed (SIGKILL)"; rm -f "$pidf" ;;
  *) echo "unknown action $action" >&2; exit 2 ;;
esac
