#!/usr/bin/env bash
# Shows the server's current values of the settings tracker.cnf recommends, side by side.
# Usage: ops/mysql/check-settings.sh [client args, e.g. -h127.0.0.1 -P18306 -uroot]
set -euo pipefail
client=$(command -v mariadb || command -v mysql)
"$client" "${@:--uroot}" --table -e "
SELECT 'character_set_server' setting, @@character_set_server current, 'utf8mb4' recommended
UNION ALL SELECT 'collation_server', @@collation_server, 'utf8mb4_unicode_ci'
UNION ALL SELECT 'time_zone', @@time_zone, '+00:00 (or SYSTEM when the OS runs in UTC)'
UNION ALL SELECT 'system_time_zone', @@system_time_zone, 'UTC'
UNION ALL SELECT 'default_storage_engine', @@default_storage_engine, 'InnoDB'
UNION ALL SELECT 'innodb_flush_log_at_trx_commit', @@innodb_flush_log_at_trx_commit, '1'
UNION ALL SELECT 'innodb_buffer_pool_size', @@innodb_buffer_pool_size, '1073741824 (~60% RAM on a dedicated host)'
UNION ALL SELECT 'sql_mode', @@sql_mode, 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'
UNION ALL SELECT 'max_connections', @@max_connections, '300'
UNION ALL SELECT 'log_bin', @@log_bin, '1 (replicas, point-in-time recovery)'
UNION ALL SELECT 'sync_binlog', @@sync_binlog, '1'
UNION ALL SELECT 'version', @@version, 'MariaDB 10.11 / MySQL 8.0+'"
