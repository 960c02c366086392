#!/usr/bin/env bash
# Drill 3: backup with mariadb-dump (consistent snapshot, taken while the application runs and
# serves reads) and restore into a fresh database; every table is compared by row count and by
# a content checksum (sum of CRC32 over all columns of every row), audit tables included, and every
# acknowledged write of the earlier drills must be in the restored copy. Bounded: ~2 min at the
# quick dataset.
#   ops/drills/backup-restore.sh [backup-dir]
set -euo pipefail
source "$(dirname "$0")/../load/env.sh"; source "$(dirname "$0")/lib.sh"
dir=${1:-$LOAD_WORK/backups}
mkdir -p "$dir"
restored=${DB_NAME}_restore
sock="--no-defaults -uroot --socket=$DB_DIR/mysqld.sock"
run=drill-backup-$(date +%H%M%S)
app=http://127.0.0.1:${APP_PORT_LIST[0]}

"$ops_root/ops/mysql/instance.sh" start "$DB_DIR" "$DB_PORT" >&2
"$here_load/app.sh" start 1
drill_codes
say "$run: 10 s of acknowledged writes, then the backup"
start_writer "$app" "$run" 10 2; wait "$WRITER_PID" || true

file=$dir/$DB_NAME-$(date +%Y%m%d-%H%M%S).sql.gz
t0=$(date +%s.%N)
# --single-transaction: a consistent InnoDB snapshot without locking the application out.
mariadb-dump $sock --single-transaction --quick --routines --triggers --events --hex-blob "$DB_NAME" | gzip -1 >"$file"
t1=$(date +%s.%N)
DB_ADMIN_ARGS="$sock" bash "$ops_root/ops/mysql/create-database.sh" "$restored" "$DB_USER" "$DB_PASSWORD" >&2
gunzip -c "$file" | db_sql "$restored"
t2=$(date +%s.%N)

checksums() { # database -> "table count checksum" per base table
  local db=$1
  for t in $(db_sql -N -e "SELECT table_name FROM information_schema.tables WHERE table_schema='$DB_NAME' AND table_type='BASE TABLE' ORDER BY table_name"); do
    cols=$(db_sql -N -e "SELECT GROUP_CONCAT(CONCAT('IFNULL(\`', column_name, '\`, ''<null>'')') ORDER BY ordinal_position SEPARATOR ', ')
      FROM information_schema.columns WHERE table_schema='$DB_NAME' AND table_name='$t'")
    printf '%s ' "$t"
    db_sql -N "$db" -e "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('#', $cols))), 0) FROM \`$t\`" | tr '\t' ' '
  done
}
checksums "$DB_NAME" >"$LOAD_WORK/$run.source"
checksums "$restored" >"$LOAD_WORK/$run.restored"
tables=$(wc -l <"$LOAD_WORK/$run.source")
rows=$(awk '{ s += $2 } END { print s }' "$LOAD_WORK/$run.source")
differ=$(diff "$LOAD_WORK/$run.source" "$LOAD_WORK/$run.restored" | grep -c '^<' || true)
audit=$(grep -iE '^[a-z_]*audit' "$LOAD_WORK/$run.source" | awk '{ printf "%s=%s rows ", $1, $2 }' || true)
report "## $(date -u +%FT%TZ) backup-restore ($file, $(du -h "$file" | cut -f1))"
report "dump_s=$(echo "$t1 - $t0" | bc) restore_s=$(echo "$t2 - $t1" | bc) tables=$tables rows=$rows tables_differing=$differ audit_tables: ${audit:-none in this build}"
diff "$LOAD_WORK/$run.source" "$LOAD_WORK/$run.restored" | sed 's/^/  /' | tee -a "$DRILL_REPORT" || true
# Every write any drill was told is saved must be in the restored copy too.
missing_total=0
for r in $(sed 's/-[0-9]*-[0-9]*$//' "$ACK_LOG" | sort -u); do
  set +e; line=$(verify_writes "$r" "$restored"); s=$?; set -e
  report "restored copy: $line"
  [ "$s" = 0 ] || missing_total=$((missing_total + 1))
done
[ "$differ" = 0 ] && [ "$missing_total" = 0 ] && report "PASS backup-restore" || { report "FAIL backup-restore"; exit 1; }
