#!/usr/bin/env bash
# Creates (or re-creates) an empty utf8mb4 database and an application user that may use it,
# for both 'user'@'localhost' and 'user'@'127.0.0.1'. Run as a MariaDB/MySQL administrator
# (root over the local socket on these machines).
# Usage: ops/mysql/create-database.sh <database> <user> <password> [--keep]
set -euo pipefail
db=${1:?database name}
user=${2:?user name}
password=${3:?password}
keep=${4:-}
client=$(command -v mariadb || command -v mysql)

drop=""
[ "$keep" = "--keep" ] || drop="DROP DATABASE IF EXISTS \`$db\`;"

"$client" -uroot <<SQL
$drop
CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'localhost';
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
echo "database $db ready for $user"
