#!/usr/bin/env bash
# Console render times: median of N requests per page beside a static file served by the same app
# (/css/console.css) as the baseline, printed as a ratio. Run against a started app:
#   ops/console/render-times.sh http://localhost:8080 [N]
# Signs in as the demo working-group and admin accounts (demo profile). Pages use the sample data's dates.
set -euo pipefail
base=${1:-http://localhost:8080}; n=${2:-21}
jar=$(mktemp); admin=$(mktemp); anon=$(mktemp); trap 'rm -f "$jar" "$admin" "$anon"' EXIT
signin() { # cookie jar, user
  local token
  token=$(curl -s -c "$1" -b "$1" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$1" -b "$1" -o /dev/null --data-urlencode "username=$2" --data-urlencode password=demo \
    --data-urlencode "_csrf=$token" "$base/login"
}
signin "$jar" tgv
signin "$admin" admin
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# measure PATH [cookie jar]: median seconds of n requests; a page that does not answer 200 is an error.
measure() {
  local cookies=${2:-$jar} status
  status=$(curl -s -b "$cookies" -o /dev/null -w '%{http_code}' "$base$1")
  [ "$status" = 200 ] || { echo "$1 answered HTTP $status" >&2; exit 1; }
  for _ in $(seq "$n"); do curl -s -b "$cookies" -o /dev/null -w '%{time_total}\n' "$base$1"; done | median
}
baseline=$(measure /css/console.css)
printf '%-70s %10s %8s\n' page median_s ratio
printf '%-70s %10s %8s\n' /css/console.css "$baseline" 1.0
for page in '/?asOf=2026-01-06' '/tasks?asOf=2026-01-06' '/tasks?asOf=2026-01-06&agency=GL-CA&health=OVERDUE' \
    '/tasks/SEED-003-09?province=GL&asOf=2026-01-06' '/review?asOf=2026-01-06' \
    '/indicators?indicator=TTHC_DIGITIZATION_RATE&agency=GL&periodType=YEAR&from=2022&to=2026'; do
  t=$(measure "$page")
  printf '%-70s %10s %8.1f\n' "$page" "$t" "$(echo "$t / $baseline" | bc -l)"
done
# Pages of other users: the appendix import (working group), accounts (admin), sign-in (nobody signed in).
for entry in "/review/import|$jar" "/admin/users|$admin" "/login|$anon"; do
  page=${entry%%|*}; t=$(measure "$page" "${entry#*|}")
  printf '%-70s %10s %8.1f\n' "$page" "$t" "$(echo "$t / $baseline" | bc -l)"
done
