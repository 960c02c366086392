#!/usr/bin/env bash
# Changes one observation through the product (recordObservations) on the given instance; used by
# two-instances.sh to check that the other instance's series cache does not serve the old value.
#   ops/load/series-write.sh <instance-url> <indicator> <agency> <period>
set -euo pipefail
source "$(dirname "$0")/env.sh"
url=$1; indicator=$2; agency=$3; period=$4
current=$(db_sql -N "$DB_NAME" -e "SELECT o.obs_value FROM observation o JOIN indicator i ON i.id = o.indicator_id
  JOIN agency a ON a.id = o.agency_id WHERE i.code = '$indicator' AND a.code = '$agency' AND o.period = '$period'")
value=$(python3 -c "print((int(float('${current:-0}')) + 3) % 100)")
answer=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$url/graphql" -d \
  "{\"query\":\"mutation { recordObservations(input: [{ indicator: \\\"$indicator\\\", agency: \\\"$agency\\\", period: \\\"$period\\\", value: $value, source: \\\"two-instance check\\\" }]) { summary { updated } errors { code message } } }\"}")
echo "write on $url: $indicator/$agency/$period $current -> $value: $answer"
