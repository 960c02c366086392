#!/usr/bin/env bash
# A local nginx (Debian package nginx-light) in front of the application instances:
#   ops/load/nginx.sh start | stop
# Round robin; a dead or unready instance is skipped (connect error / 502 / 503) for idempotent
# requests only: nginx never re-sends a POST that reached an instance (proxy_next_upstream
# without non_idempotent), so a write is never applied twice. X-Upstream tells who answered.
set -euo pipefail
source "$(dirname "$0")/env.sh"
prefix=$LOAD_WORK/nginx
mkdir -p "$prefix/logs" "$prefix/tmp"
conf=$prefix/nginx.conf
case "${1:?start|stop}" in
  start)
    command -v nginx >/dev/null || apt-get install -y -qq nginx-light >/dev/null
    {
      echo "worker_processes 1; pid $prefix/nginx.pid; error_log $prefix/logs/error.log warn;"
      echo "events { worker_connections 2048; }"
      echo "http {"
      echo "  access_log off; client_body_temp_path $prefix/tmp; proxy_temp_path $prefix/tmp;"
      echo "  upstream tracker {"
      for p in "${APP_PORT_LIST[@]}"; do echo "    server 127.0.0.1:$p max_fails=1 fail_timeout=2s;"; done
      echo "    keepalive 64;"
      echo "  }"
      echo "  server {"
      echo "    listen 127.0.0.1:$LB_PORT;"
      echo "    location / {"
      echo "      proxy_pass http://tracker; proxy_http_version 1.1; proxy_set_header Connection \"\";"
      echo "      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
      echo "      proxy_set_header X-Forwarded-Proto \$scheme;"
      echo "      proxy_next_upstream error timeout http_502 http_503; proxy_connect_timeout 1s;"
      echo "      add_header X-Upstream \$upstream_addr always;"
      echo "    }"
      echo "  }"
      echo "}"
    } >"$conf"
    close_lock_fds   # nginx outlives this script: it must not inherit a held lock
    nginx -t -q -c "$conf" -p "$prefix"
    if [ -f "$prefix/nginx.pid" ] && kill -0 "$(cat "$prefix/nginx.pid")" 2>/dev/null; then
      nginx -c "$conf" -p "$prefix" -s reload
    else
      nginx -c "$conf" -p "$prefix"
    fi
    say "nginx on 127.0.0.1:$LB_PORT -> ${APP_PORT_LIST[*]}" ;;
  stop)
    [ -f "$prefix/nginx.pid" ] && nginx -c "$conf" -p "$prefix" -s quit 2>/dev/null || true
    say "nginx stopped" ;;
esac
