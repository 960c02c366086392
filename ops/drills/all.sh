#!/usr/bin/env bash
# Runs the three drills in order (each bounded; ~8 min in all on a quiet machine) and prints the
# drill report. Needs the load database (ops/load/prepare-db.sh) on the private instance.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../load/env.sh"
status=0
timeout 300 "$here/db-restart.sh" || status=1
timeout 420 "$here/kill-instance.sh" || status=1
timeout 300 "$here/backup-restore.sh" || status=1
echo "drill report: $LOAD_WORK/drills-report.txt"
exit $status
