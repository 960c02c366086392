#!/usr/bin/env bash
# Console render times: median of N requests per page beside a static file served by the same app
# (/css/console.css) as the baseline, printed as a ratio. Run against a started app:
#   ops/console/render-times.sh http://localhost:8080 [N]
# Signs in as the demo working-group account (demo profile). Pages use the sample data's dates.
set -euo pipefail
base=${1:-http://localhost:8080}; n=${2:-21}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode username=tgv --data-urlencode password=demo \
  --data-urlencode "_csrf=$token" "$base/login"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { for _ in $(seq "$n"); do curl -s -b "$jar" -o /dev/null -w '%{time_total}\n' "$base$1"; done | median; }
baseline=$(measure /css/console.css)
printf '%-70s %10s %8s\n' page median_s ratio
printf '%-70s %10s %8s\n' /css/console.css "$baseline" 1.0
for page in '/?asOf=2026-01-06' '/tasks?asOf=2026-01-06' '/tasks?asOf=2026-01-06&agency=GL-CA&health=OVERDUE' \
    '/tasks/SEED-003-09?province=GL&asOf=2026-01-06' '/review?asOf=2026-01-06' \
    '/indicators?indicator=TTHC_DIGITIZATION_RATE&agency=GL&periodType=YEAR&from=2022&to=2026'; do
  t=$(measure "$page")
  printf '%-70s %10s %8.1f\n' "$page" "$t" "$(echo "$t / $baseline" | bc -l)"
done
