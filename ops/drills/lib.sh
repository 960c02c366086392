# Helpers shared by the drills (sourced after ops/load/env.sh).
here_drills=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
here_load=$(cd "$here_drills/../load" && pwd)
ACK_LOG=${ACK_LOG:-$LOAD_WORK/acknowledged-writes.log}
DRILL_REPORT=${DRILL_REPORT:-$LOAD_WORK/drills-report.txt}

drill_codes() { # tasks the writer adds evidence to
  db_sql -N "$DB_NAME" -e "SELECT code, province_code FROM task ORDER BY id LIMIT 50" >"$LOAD_WORK/drill-codes.tsv"
}

# The start_* helpers run in the caller's shell (never inside $(…)) so the processes are its
# children and `wait` really waits for them; their pids are left in WRITER_PID / READS_PID / PROBE_PID.
start_writer() { # url run-id seconds threads -> background; output in $LOAD_WORK/<run-id>.writer
  python3 "$here_drills/writer.py" write "$1" "$TOKEN" "$2" "$3" "$4" "$LOAD_WORK/drill-codes.tsv" "$ACK_LOG" \
    >"$LOAD_WORK/$2.writer" 2>&1 </dev/null &
  WRITER_PID=$!
}

start_reads() { # url seconds -> background wrk portal mix (8 connections); output in $LOAD_WORK/reads.out
  mix_source | python3 "$here_load/mixes.py" "$LOAD_WORK" "$AS_OF" 2>/dev/null
  MIX_FILE=$LOAD_WORK/portal.mix TOKEN=$TOKEN wrk -t1 -c8 -d"$2"s --timeout 5s -s "$here_load/mix.lua" "$1" \
    >"$LOAD_WORK/reads.out" 2>&1 </dev/null &
  READS_PID=$!
}

verify_writes() { # run-id [database] -> prints VERIFY line, returns non-zero when an acknowledged write is missing
  local db=${2:-$DB_NAME}
  db_sql -N "$db" -e "SELECT title FROM evidence WHERE title LIKE '$1-%'" | python3 "$here_drills/writer.py" verify "$1" "$ACK_LOG"
}

probe_readiness() { # url file -> background: one line per 0.5 s "<epoch> <http status>" while $file.on exists
  touch "$2.on"
  ( while [ -f "$2.on" ]; do
      printf '%s %s\n' "$(date +%s.%N | cut -c1-14)" "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$1/actuator/health/readiness")"
      sleep 0.5
    done ) >"$2" 2>/dev/null </dev/null &
  PROBE_PID=$!
}

report() { echo "$*" | tee -a "$DRILL_REPORT"; }
