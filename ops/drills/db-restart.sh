#!/usr/bin/env bash
# Drill 1: MariaDB dies under load (SIGKILL, like a crash; --clean for an orderly restart) and
# comes back. Pass: the application recovers by itself (readiness UP again, no restart of the
# JVM) and every acknowledged write is in the database. Bounded: ~90 s.
#   ops/drills/db-restart.sh [--clean] [--down-seconds 5]
set -euo pipefail
source "$(dirname "$0")/../load/env.sh"; source "$(dirname "$0")/lib.sh"
mode=kill; down=5
while [ $# -gt 0 ]; do case "$1" in --clean) mode=stop ;; --down-seconds) down=$2; shift ;; esac; shift; done
run=drill-db-$(date +%H%M%S)
app=http://127.0.0.1:${APP_PORT_LIST[0]}

"$ops_root/ops/mysql/instance.sh" start "$DB_DIR" "$DB_PORT" >&2
"$here_load/app.sh" start 1
drill_codes
app_pid=$(cat "$LOAD_WORK/app-1.pid")
say "$run: writer (4 threads) + portal reads for 45 s; database $mode at +12 s for ${down} s"
start_writer "$app" "$run" 45 4
start_reads "$app" 45
probe_readiness "$app" "$LOAD_WORK/$run.readiness"
sleep 12
t_down=$(date +%s.%N)
"$ops_root/ops/mysql/instance.sh" "$mode" "$DB_DIR" >&2
sleep "$down"
"$ops_root/ops/mysql/instance.sh" start "$DB_DIR" "$DB_PORT" >&2
t_db_up=$(date +%s.%N)
recovered=""
for _ in $(seq 1 120); do
  if [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$app/actuator/health/readiness")" = 200 ]; then recovered=$(date +%s.%N); break; fi
  sleep 0.5
done
wait "$WRITER_PID" || true; wait "$READS_PID" || true
rm -f "$LOAD_WORK/$run.readiness.on"; wait "$PROBE_PID" 2>/dev/null || true
same_jvm=$([ -f "$LOAD_WORK/app-1.pid" ] && [ "$(cat "$LOAD_WORK/app-1.pid")" = "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null && echo yes || echo no)
not_ready=$(awk '$2 != 200' "$LOAD_WORK/$run.readiness" | wc -l)
report "## $(date -u +%FT%TZ) db-restart ($mode, database down ${down} s + start)"
report "database_outage_s=$(echo "$t_db_up - $t_down" | bc) app_ready_again_after_db_s=$([ -n "$recovered" ] && echo "$recovered - $t_db_up" | bc || echo NEVER) readiness_not_200_samples=$not_ready same_jvm=$same_jvm"
report "$(cat "$LOAD_WORK/$run.writer")"
report "reads: $(grep '^RESULT' "$LOAD_WORK/reads.out" || echo none)"
set +e; result=$(verify_writes "$run"); status=$?; set -e
report "$result"
[ -n "$recovered" ] && [ "$status" = 0 ] && [ "$same_jvm" = yes ] && report "PASS db-restart" || { report "FAIL db-restart"; exit 1; }
