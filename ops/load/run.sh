#!/usr/bin/env bash
# Load test: portal mix, dashboard series and console pages with wrk, against one instance or,
# with --lb, against two instances behind nginx. Throughput and p50/p95/p99 per scenario, errors,
# and the largest heap seen (jvm_memory_used_bytes{area="heap"}, sampled every second).
#   ops/load/run.sh [--lb] [--duration 20s] [--connections 32] [--scenarios portal,series,console]
#                   [--no-cache] [--writes-per-second N]
# --no-cache: every GraphQL request asks past the response cache (Cache-Control: no-cache), which
# measures the uncached path; --writes-per-second: a writer (addEvidence mutations, one thread)
# runs beside the scenarios, so the response cache is invalidated as often as data changes.
# The warm-up (10 s of the portal mix) always bypasses the cache: the measured run starts with a
# warm JIT and a cold response cache. cache_hit_pct = answers with X-Cache: HIT.
# jvm_cpu_ms_per_request = CPU the instances used during the scenario (/proc, JIT and GC included)
# divided by its requests: the figure to compare builds by on a machine shared with other work.
# Needs: ops/load/prepare-db.sh once; wrk (apt-get install wrk); nginx-light for --lb.
set -euo pipefail
source "$(dirname "$0")/env.sh"
here=$(cd "$(dirname "$0")" && pwd)
trap 'say "run.sh stopped at line $LINENO (exit $?)"' ERR
lb=false; duration=20s; conns=32; scenarios=portal,series,console; nocache=0; writes=0
while [ $# -gt 0 ]; do
  case "$1" in
    --lb) lb=true ;;
    --no-cache) nocache=1 ;;
    --writes-per-second) writes=$2; shift ;;
    --duration) duration=$2; shift ;;
    --connections) conns=$2; shift ;;
    --scenarios) scenarios=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac; shift
done
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null

"$ops_root/ops/mysql/instance.sh" start "$DB_DIR" "$DB_PORT" >&2
"$here/app.sh" start 1
targets=("http://127.0.0.1:${APP_PORT_LIST[0]}")
url=${targets[0]}
if $lb; then
  "$here/app.sh" start 2
  "$here/nginx.sh" start
  url="http://127.0.0.1:$LB_PORT"
  targets+=("http://127.0.0.1:${APP_PORT_LIST[1]}")
fi

mix_source | python3 "$here/mixes.py" "$LOAD_WORK" "$AS_OF"

# A console session (form login with CSRF) for the console pages.
jar=$LOAD_WORK/cookies.txt; rm -f "$jar"
csrf=$(curl -s -c "$jar" -b "$jar" "$url/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1 || true)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=tgv" --data-urlencode "password=demo" \
  --data-urlencode "_csrf=$csrf" "$url/login"
session=$(awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$jar" | tail -1)
[ -n "$session" ] || say "warning: console login failed (no session cookie); console scenario will measure redirects"

# CPU seconds (user + system) the instances' JVMs have used so far, from /proc (clock ticks → ms).
# Divided by the requests of a scenario it gives the JVM's CPU per request, which moves far less
# with the machine's other work than req/s or latencies do (JIT and GC included).
jvm_cpu_ms() {
  local total=0 n pid
  for n in $(seq 1 ${#targets[@]}); do
    pid=$(cat "$LOAD_WORK/app-$n.pid" 2>/dev/null) || continue
    [ -r "/proc/$pid/stat" ] || continue
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat") ))
  done
  echo $(( total * 1000 / $(getconf CLK_TCK) ))
}

heap_sampler() { # prints the max heap (MB) seen across instances while the file $1 exists
  local max=0
  while [ -f "$1" ]; do
    for t in "${targets[@]}"; do
      # One meter, not the whole Prometheus page: rendering every metric each second cost the
      # instance ~2 % of its request threads' CPU in a profile of the portal mix.
      v=$(curl -s -m 10 -H "Authorization: Bearer $TOKEN" "$t/actuator/metrics/jvm.memory.used?tag=area:heap" 2>/dev/null \
        | grep -o '"value":[0-9.eE+-]*' | head -1 | awk -F: '{ printf "%d", $2 / 1048576 }')
      [ -n "$v" ] && [ "$v" -gt "$max" ] && max=$v
    done
    sleep 1
  done
  echo "$max"
}

report=$LOAD_WORK/load-report-$($lb && echo lb || echo single)-$(date +%H%M%S).txt
{
  echo "# ops/load/run.sh $(date -u +%FT%TZ) target=$url connections=$conns duration=$duration no_cache=$nocache writes_per_second=$writes"
  echo "# machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run (shared with other work)"
} | tee "$report"
say "warm-up (10 s portal mix)"
MIX_FILE=$LOAD_WORK/portal.mix TOKEN=$TOKEN NO_CACHE=1 wrk -t2 -c"$conns" -d10s --timeout 5s -s "$here/mix.lua" "$url" >/dev/null
if [ "$writes" != 0 ]; then
  source "$ops_root/ops/drills/lib.sh"
  drill_codes
  writer_run=load-writes-$(date +%H%M%S)
  # As long as the scenarios (the writer prints its summary when its time is up).
  WRITER_PAUSE=$(python3 -c "print(1 / $writes)") start_writer "$url" "$writer_run" \
    "$(( ${duration%s} * $(echo "$scenarios" | tr ',' '\n' | wc -l) ))" 1
fi
for s in ${scenarios//,/ }; do
  flag=$LOAD_WORK/sampling; touch "$flag"
  heap_file=$LOAD_WORK/heap.txt; heap_sampler "$flag" >"$heap_file" &
  sampler=$!
  cookie=""; [ "$s" = console ] && cookie=$session
  cpu_before=$(jvm_cpu_ms)
  result=$(MIX_FILE=$LOAD_WORK/$s.mix TOKEN=$TOKEN COOKIE=$cookie NO_CACHE=$nocache \
    wrk -t2 -c"$conns" -d"$duration" --timeout 5s -s "$here/mix.lua" "$url" | grep '^RESULT' || echo "RESULT failed")
  cpu_ms=$(( $(jvm_cpu_ms) - cpu_before ))
  rm -f "$flag"; wait "$sampler" || true
  requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$result")
  cpu_per_request=$(awk -v c="$cpu_ms" -v r="${requests:-0}" 'BEGIN { if (r > 0) printf "%.2f", c / r; else print "NA" }')
  echo "scenario=$s ${result#RESULT } heap_max_mb=$(cat "$heap_file") jvm_cpu_ms_per_request=$cpu_per_request" | tee -a "$report"
done
if [ "$writes" != 0 ]; then
  wait "$WRITER_PID" 2>/dev/null || true
  echo "# writer beside the scenarios: $(tail -1 "$LOAD_WORK/$writer_run.writer" 2>/dev/null)" | tee -a "$report"
fi
say "report: $report"
