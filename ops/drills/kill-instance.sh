#!/usr/bin/env bash
# Drill 2: two instances behind nginx, one is killed (SIGKILL) mid-load. Pass: no acknowledged
# write lost, traffic continues on the survivor, the killed instance rejoins after a restart.
# Bounded: ~2 min (most of it the restart of the killed instance).
set -euo pipefail
source "$(dirname "$0")/../load/env.sh"; source "$(dirname "$0")/lib.sh"
run=drill-kill-$(date +%H%M%S)
lb=http://127.0.0.1:$LB_PORT

"$ops_root/ops/mysql/instance.sh" start "$DB_DIR" "$DB_PORT" >&2
"$here_load/app.sh" start 1
"$here_load/app.sh" start 2
"$here_load/nginx.sh" start
drill_codes
say "$run: writer (4 threads) + portal reads through nginx for 40 s; instance 2 killed at +12 s"
start_writer "$lb" "$run" 40 4
start_reads "$lb" 40
sleep 12
"$here_load/app.sh" kill 2
wait "$WRITER_PID" || true; wait "$READS_PID" || true
report "## $(date -u +%FT%TZ) kill-instance (SIGKILL of instance 2 behind nginx)"
report "$(cat "$LOAD_WORK/$run.writer")"
report "reads: $(grep '^RESULT' "$LOAD_WORK/reads.out" || echo none)"
set +e; result=$(verify_writes "$run"); status=$?; set -e
report "$result"
"$here_load/app.sh" start 2
upstreams=$(for _ in $(seq 1 10); do curl -s -o /dev/null -D - "$lb/actuator/health/readiness" | awk -F': ' 'tolower($1) == "x-upstream" { print $2 }'; done | tr -d '\r' | sort -u | tr '\n' ' ')
report "after restart nginx routes to: $upstreams"
[ "$status" = 0 ] && report "PASS kill-instance" || { report "FAIL kill-instance"; exit 1; }
