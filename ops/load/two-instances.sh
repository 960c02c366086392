#!/usr/bin/env bash
# Two instances behind nginx on one database: are sessions and caches correct?
#  1. sessions: sign in through nginx, then browse through nginx (requests alternate between the
#     instances): every page must be served signed in; a session cookie from instance 1 must be
#     accepted by instance 2 directly (sessions live in the database, Spring Session JDBC).
#  2. edits and the GraphQL response cache: read the task twice on instance 2 (the second answer
#     comes from its response cache, X-Cache: HIT), reportProgress on instance 1, read on instance 2
#     right away: not from the cache, same progress, same result.
#  3. cached series: read a series on both instances (filling both caches), change data on
#     instance 1 through the product, read again on instance 2.
# Prints PASS/FAIL per check. Bounded: ~1 min plus instance start-up.
set -uo pipefail
source "$(dirname "$0")/env.sh"
here=$(cd "$(dirname "$0")" && pwd)
"$ops_root/ops/mysql/instance.sh" start "$DB_DIR" "$DB_PORT" >&2
"$here/app.sh" start 1 && "$here/app.sh" start 2 && "$here/nginx.sh" start || exit 1
a=http://127.0.0.1:${APP_PORT_LIST[0]}; b=http://127.0.0.1:${APP_PORT_LIST[1]}; lb=http://127.0.0.1:$LB_PORT
out=$LOAD_WORK/two-instances-$(date +%H%M%S).txt
fails=0
check() { if [ "$1" = 0 ]; then echo "PASS $2" | tee -a "$out"; else echo "FAIL $2" | tee -a "$out"; fails=$((fails + 1)); fi; }
gql() { # url query-json
  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2" "$1/graphql"
}

# 1. sessions (the console's task list: a page every signed-in role may see)
jar=$LOAD_WORK/two-cookies.txt; rm -f "$jar"
csrf=$(curl -s -c "$jar" -b "$jar" "$lb/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode username=tgv --data-urlencode password=demo \
  --data-urlencode "_csrf=$csrf" "$lb/login"
seen=""; ok=0
for i in $(seq 1 10); do
  line=$(curl -s -o /dev/null -D - -b "$jar" -w '%{http_code}' "$lb/tasks?province=P01" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-upstream"{u=$2} /^[0-9][0-9][0-9]$/{c=$1} END{print c, u}')
  seen="$seen ${line#* }"; [ "${line%% *}" = 200 ] && ok=$((ok + 1))
done
upstreams=$(echo "$seen" | tr ' ' '\n' | sort -u | grep -c . )
echo "signed-in pages through nginx: $ok/10 answered 200, instances seen: $upstreams ($(echo $seen | tr ' ' '\n' | sort | uniq -c | tr '\n' ' '))" | tee -a "$out"
check $([ "$ok" = 10 ] && [ "$upstreams" = 2 ] && echo 0 || echo 1) "session shared by both instances behind nginx"
cookie=$(awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$jar" | tail -1)
code_a=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$a/tasks?province=P01")
code_b=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$b/tasks?province=P01")
check $([ "$code_a" = 200 ] && [ "$code_b" = 200 ] && echo 0 || echo 1) "same session cookie on instance 1 ($code_a) and instance 2 ($code_b) directly"

# 2. an edit on instance 1 is visible on instance 2 at once
read -r code province < <(db_sql -N "$DB_NAME" -e "SELECT code, province_code FROM task WHERE status = 'IN_PROGRESS' ORDER BY id LIMIT 1")
before=$(gql "$b" "{\"query\":\"{ task(code: \\\"$code\\\", province: \\\"$province\\\") { progress version } }\"}")
cached=$(curl -s -o /dev/null -D - -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"query\":\"{ task(code: \\\"$code\\\", province: \\\"$province\\\") { progress version } }\"}" "$b/graphql" \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache"{print $2}')
p=$(( ( $(echo "$before" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["task"]["progress"])') + 7 ) % 100 ))
write=$(gql "$a" "{\"query\":\"mutation { reportProgress(code: \\\"$code\\\", province: \\\"$province\\\", status: IN_PROGRESS, progress: $p, result: \\\"two-instance check\\\") { task { progress version } errors { code message } } }\"}")
after_cache=$(curl -s -o /dev/null -D - -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"query\":\"{ task(code: \\\"$code\\\", province: \\\"$province\\\") { progress version } }\"}" "$b/graphql" \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache"{print $2}')
after=$(gql "$b" "{\"query\":\"{ task(code: \\\"$code\\\", province: \\\"$province\\\") { progress version result } }\"}")
echo "task $code: before on 2: $before (repeated: X-Cache $cached) | write on 1: $write | right after on 2: $after (the cached query again: X-Cache $after_cache)" | tee -a "$out"
check $([ "$cached" = HIT ] && [ "$after_cache" = MISS ] && echo 0 || echo 1) "instance 2's response cache: HIT before the write on instance 1, MISS right after"
check $(echo "$after" | python3 -c "import json,sys; t=json.load(sys.stdin)['data']['task']; sys.exit(0 if t['progress']==$p and t['result']=='two-instance check' else 1)"; echo $?) "edit on instance 1 visible on instance 2 at once"

# 3. cached series across instances (the write path: observations through the product)
indicator=$(db_sql -N "$DB_NAME" -e "SELECT i.code FROM indicator i WHERE EXISTS (SELECT 1 FROM observation o WHERE o.indicator_id = i.id) ORDER BY i.id LIMIT 1")
agency=$(db_sql -N "$DB_NAME" -e "SELECT a.code FROM observation o JOIN agency a ON a.id = o.agency_id JOIN indicator i ON i.id = o.indicator_id WHERE i.code = '$indicator' ORDER BY o.period DESC LIMIT 1")
period=$(db_sql -N "$DB_NAME" -e "SELECT LEFT(MAX(o.period), 4) FROM observation o JOIN agency a ON a.id = o.agency_id JOIN indicator i ON i.id = o.indicator_id WHERE i.code = '$indicator' AND a.code = '$agency'")
series="{\"query\":\"{ series(indicator: \\\"$indicator\\\", agencies: [\\\"$agency\\\"], from: \\\"$period\\\", to: \\\"$period\\\", asOf: \\\"2030-01-01\\\") { agencies { points { period value } } } }\"}"
s1=$(gql "$a" "$series"); s2=$(gql "$b" "$series")
echo "series $indicator/$agency/$period before: instance 1 $s1 | instance 2 $s2" | tee -a "$out"
echo "$series" >"$LOAD_WORK/two-series-query.json"
if [ -x "$here/series-write.sh" ]; then
  # The write goes to the agency's latest stored period (e.g. 2026-05 of a monthly indicator): the
  # year alone would be a period of another type, outside the series read above.
  latest=$(db_sql -N "$DB_NAME" -e "SELECT MAX(o.period) FROM observation o JOIN agency a ON a.id = o.agency_id JOIN indicator i ON i.id = o.indicator_id WHERE i.code = '$indicator' AND a.code = '$agency'")
  "$here/series-write.sh" "$a" "$indicator" "$agency" "$latest" | tee -a "$out"
  s2b=$(gql "$b" "$series"); s1b=$(gql "$a" "$series")
  echo "series after the write on instance 1: instance 1 $s1b | instance 2 $s2b" | tee -a "$out"
  check $([ "$s1b" = "$s2b" ] && [ "$s2b" != "$s2" ] && echo 0 || echo 1) "series cache on instance 2 sees the write made on instance 1"
else
  echo "SKIP series cache check: this build has no observation write path through the API (series-write.sh)" | tee -a "$out"
fi
echo "report: $out"
exit $fails
