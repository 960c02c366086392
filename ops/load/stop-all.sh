#!/usr/bin/env bash
# Stops what the load test and the drills started: nginx, the application instances, the private
# MariaDB instance (its data stays; ops/mysql/instance.sh destroy removes it).
source "$(dirname "$0")/env.sh"
"$(dirname "$0")/nginx.sh" stop
for n in 1 2; do "$(dirname "$0")/app.sh" stop "$n"; done
"$ops_root/ops/mysql/instance.sh" stop "$DB_DIR"
