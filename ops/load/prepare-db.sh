#!/usr/bin/env bash
# Makes the load/drill database on the private MariaDB instance: a copy of the benchmark's quick
# dataset (ops/bench/run --quick run against the same instance), so load tests see thousands of
# tasks, communes and observations instead of the 35-task sample.
#   ops/load/prepare-db.sh [source-db]     (default tracker_bench_quick)
set -euo pipefail
source "$(dirname "$0")/env.sh"
src=${1:-tracker_bench_quick}
"$ops_root/ops/mysql/instance.sh" start "$DB_DIR" "$DB_PORT" >&2
if ! db_sql -N -e "SELECT 1 FROM information_schema.tables WHERE table_schema='$src' AND table_name='task'" | grep -q 1; then
  say "no $src on the instance; load it first:"
  say "  BENCH_DB_PORT=$DB_PORT DB_ADMIN_ARGS=\"--no-defaults -uroot --socket=$DB_DIR/mysqld.sock\" ops/bench/run --quick"
  exit 1
fi
DB_ADMIN_ARGS="--no-defaults -uroot --socket=$DB_DIR/mysqld.sock" \
  bash "$ops_root/ops/mysql/create-database.sh" "$DB_NAME" "$DB_USER" "$DB_PASSWORD" >&2
mariadb-dump --no-defaults -uroot --socket="$DB_DIR/mysqld.sock" --single-transaction --routines "$src" \
  | db_sql "$DB_NAME"
rm -f "$LOAD_WORK/acknowledged-writes.log"   # the drills' log belongs to this database
say "database $DB_NAME = copy of $src ($(db_sql -N -e "SELECT COUNT(*) FROM $DB_NAME.task") tasks)"
