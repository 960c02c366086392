#!/usr/bin/env bash
# Creates (or re-creates) an empty utf8mb4 database and an application user that may use it,
# for both 'user'@'localhost' and 'user'@'127.0.0.1'. Run as a MariaDB/MySQL administrator
# (root over the local socket on these machines).
# Usage: ops/mysql/create-database.sh <database> <user> <password> [--keep]
#   --keep                 keep an existing database (default: drop and re-create it)
# Environment (all optional):
#   DB_ADMIN_ARGS          client arguments for the administrator connection, e.g.
#                          "--socket=/tmp/drill/mysqld.sock" or "-h db.example -uadmin -p"
#   READONLY_USER/READONLY_PASSWORD   also create a SELECT-only user (reports, replicas)
#   BACKUP_USER/BACKUP_PASSWORD       also create a user that may run mariadb-dump --single-transaction
#   APP_HOSTS              hosts the users may connect from (default: "localhost 127.0.0.1")
set -euo pipefail
db=${1:?database name}
user=${2:?user name}
password=${3:?password}
keep=${4:-}
client=$(command -v mariadb || command -v mysql)
read -r -a admin_args <<<"${DB_ADMIN_ARGS:--uroot}"
hosts=${APP_HOSTS:-localhost 127.0.0.1}

case "$db$user" in *[!A-Za-z0-9_]*) echo "database and user names: letters, digits, _ only" >&2; exit 2 ;; esac
sql_escape() { printf '%s' "$1" | sed "s/\\\\/\\\\\\\\/g; s/'/''/g"; }

drop=""
[ "$keep" = "--keep" ] || drop="DROP DATABASE IF EXISTS \`$db\`;"

grants() { # user password privileges
  local u=$1 p; p=$(sql_escape "$2"); local privs=$3
  for h in $hosts; do
    echo "CREATE USER IF NOT EXISTS '$u'@'$h' IDENTIFIED BY '$p';"
    echo "ALTER USER '$u'@'$h' IDENTIFIED BY '$p';"
    echo "GRANT $privs ON \`$db\`.* TO '$u'@'$h';"
  done
}

{
  echo "$drop"
  echo "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  grants "$user" "$password" "ALL PRIVILEGES"
  if [ -n "${READONLY_USER:-}" ]; then
    grants "$READONLY_USER" "${READONLY_PASSWORD:?READONLY_PASSWORD}" "SELECT, SHOW VIEW"
  fi
  if [ -n "${BACKUP_USER:-}" ]; then
    grants "$BACKUP_USER" "${BACKUP_PASSWORD:?BACKUP_PASSWORD}" "SELECT, SHOW VIEW, LOCK TABLES, TRIGGER, EVENT"
  fi
  echo "FLUSH PRIVILEGES;"
} | "$client" "${admin_args[@]}"
echo "database $db ready for $user${READONLY_USER:+ (read-only: $READONLY_USER)}${BACKUP_USER:+ (backup: $BACKUP_USER)}"
