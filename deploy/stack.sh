#!/bin/bash
# The whole production stack on this machine, loopback only (make stack / make stack-down):
# a throwaway PostgreSQL cluster, Redis, gunicorn, the task worker, the scheduler and nginx
# with its page cache, production settings, the demo content loaded.
#   deploy/stack.sh up | down | status | env
# Ports and folder can be changed with the variables below (defaults avoid the usual ones).
set -euo pipefail

APP_DIR=$(cd "$(dirname "$0")/.." && pwd)
STACK_DIR=${PRONGSAI_STACK_DIR:-/tmp/prongsai-stack}
HTTP_PORT=${PRONGSAI_STACK_HTTP_PORT:-8170}
HTTPS_PORT=${PRONGSAI_STACK_HTTPS_PORT:-8171}
PURGE_PORT=${PRONGSAI_STACK_PURGE_PORT:-8172}
WEB_PORT=${PRONGSAI_STACK_WEB_PORT:-8107}
PG_PORT=${PRONGSAI_STACK_PG_PORT:-5447}
REDIS_PORT=${PRONGSAI_STACK_REDIS_PORT:-6397}
PY="$APP_DIR/.venv/bin/python"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

log() { printf '== %s\n' "$*"; }

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

system_deps() {
    local missing=""
    command -v nginx >/dev/null 2>&1 || missing="$missing nginx-light"
    [ -f /usr/share/nginx/modules/ngx_http_cache_purge_module.so ] || missing="$missing libnginx-mod-http-cache-purge"
    command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server"
    command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
    command -v openssl >/dev/null 2>&1 || missing="$missing openssl"
    [ -n "$PG_BIN" ] || missing="$missing postgresql"
    if [ -n "$missing" ]; then
        log "installing Debian packages:$missing"
        local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
        PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
}

write_env() {
    local secret
    secret=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
    cat > "$STACK_DIR/env" <<ENV
DJANGO_SETTINGS_MODULE=config.settings.production
SECRET_KEY=$secret
ALLOWED_HOSTS=127.0.0.1,localhost
CSRF_TRUSTED_ORIGINS=https://127.0.0.1:$HTTPS_PORT,https://localhost:$HTTPS_PORT
DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/prongsai
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
PRONGSAI_DATA_DIR=$STACK_DIR/data
TRUSTED_PROXIES=127.0.0.1/32,::1/128
PRONGSAI_BIND=127.0.0.1:$WEB_PORT
PRONGSAI_WEB_WORKERS=${PRONGSAI_STACK_WEB_WORKERS:-3}
PRONGSAI_FRONT_CACHE_PURGE_URL=http://127.0.0.1:$PURGE_PORT
PRONGSAI_VISITS_WRITER=nginx
PRONGSAI_VISITS_LOGS=$STACK_DIR/log/prongsai.visits.log*
WAGTAILADMIN_BASE_URL=https://127.0.0.1:$HTTPS_PORT
EMAIL_HOST=127.0.0.1
EMAIL_PORT=9
EMAIL_USE_TLS=false
ENV
}

load_env() { set -a; . "$STACK_DIR/env"; set +a; }

start_postgres() {
    log "PostgreSQL on 127.0.0.1:$PG_PORT"
    mkdir -p "$STACK_DIR/pg"
    [ "$(id -u)" != 0 ] || chown postgres:postgres "$STACK_DIR/pg"
    as_postgres "$PG_BIN/initdb" -D "$STACK_DIR/pg/data" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >/dev/null
    as_postgres "$PG_BIN/pg_ctl" -D "$STACK_DIR/pg/data" -l "$STACK_DIR/pg/server.log" -w \
        -o "-p $PG_PORT -k $STACK_DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres prongsai
}

start_redis() {
    log "Redis on 127.0.0.1:$REDIS_PORT"
    mkdir -p "$STACK_DIR/redis"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save "" \
        --appendonly no --dir "$STACK_DIR/redis" --pidfile "$STACK_DIR/run/redis.pid" \
        --logfile "$STACK_DIR/log/redis.log"
}

prepare_app() {
    log "migrate, collectstatic, demo content"
    cd "$APP_DIR"
    "$PY" manage.py migrate --noinput -v 0
    "$PY" manage.py collectstatic --noinput -v 0
    "$PY" manage.py load_demo >"$STACK_DIR/log/load_demo.log"
    # The site answers at the stack's address (page URLs and purges use it); save() so
    # Wagtail forgets its cached site root paths.
    "$PY" manage.py shell -v 0 -c "from wagtail.models import Site; site = Site.objects.get(is_default_site=True); site.hostname = '127.0.0.1'; site.port = $HTTPS_PORT; site.save()"
}

start_app() {
    log "gunicorn on 127.0.0.1:$WEB_PORT, task worker, scheduler"
    cd "$APP_DIR"
    .venv/bin/gunicorn --config deploy/gunicorn.conf.py --daemon \
        --pid "$STACK_DIR/run/gunicorn.pid" --error-logfile "$STACK_DIR/log/gunicorn.log" \
        config.wsgi:application
    nohup "$PY" manage.py task_worker >"$STACK_DIR/log/worker.log" 2>&1 &
    echo $! > "$STACK_DIR/run/worker.pid"
    nohup "$PY" manage.py crontask >"$STACK_DIR/log/scheduler.log" 2>&1 &
    echo $! > "$STACK_DIR/run/scheduler.pid"
}

start_nginx() {
    log "nginx: https://127.0.0.1:$HTTPS_PORT (http $HTTP_PORT redirects; purge on $PURGE_PORT)"
    mkdir -p "$STACK_DIR/nginx/tmp" "$STACK_DIR/nginx/cache" "$STACK_DIR/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -keyout "$STACK_DIR/tls/key.pem" -out "$STACK_DIR/tls/cert.pem" 2>/dev/null
    local user_directive=""
    if [ "$(id -u)" = 0 ]; then
        user_directive="user www-data;"
        chown -R www-data "$STACK_DIR/nginx/cache" "$STACK_DIR/nginx/tmp"
        chmod 755 "$STACK_DIR" "$STACK_DIR/data"
    fi
    "$PY" "$APP_DIR/deploy/render.py" "$APP_DIR/deploy/nginx/prongsai.conf.in" \
        SERVER_NAME="127.0.0.1" HTTP_LISTEN="127.0.0.1:$HTTP_PORT" \
        HTTPS_LISTEN="127.0.0.1:$HTTPS_PORT" HTTPS_PORT_SUFFIX=":$HTTPS_PORT" \
        PURGE_LISTEN="127.0.0.1:$PURGE_PORT" UPSTREAM="127.0.0.1:$WEB_PORT" \
        TLS_CERT="$STACK_DIR/tls/cert.pem" TLS_KEY="$STACK_DIR/tls/key.pem" \
        STATIC_ROOT="$STACK_DIR/data/static" MEDIA_ROOT="$STACK_DIR/data/media" \
        CACHE_DIR="$STACK_DIR/nginx/cache" CACHE_MAX_SIZE=256m LOG_DIR="$STACK_DIR/log" \
        > "$STACK_DIR/nginx/prongsai.conf"
    "$PY" "$APP_DIR/deploy/render.py" "$APP_DIR/deploy/nginx/stack-main.conf.in" \
        STACK_DIR="$STACK_DIR" USER_DIRECTIVE="$user_directive" > "$STACK_DIR/nginx/nginx.conf"
    nginx -q -t -p "$STACK_DIR/nginx" -c "$STACK_DIR/nginx/nginx.conf" -e "$STACK_DIR/log/nginx-main.error.log"
    nginx -p "$STACK_DIR/nginx" -c "$STACK_DIR/nginx/nginx.conf" -e "$STACK_DIR/log/nginx-main.error.log"
}

wait_ready() {
    local i
    for i in $(seq 1 60); do
        if curl -ksf -o /dev/null "https://127.0.0.1:$HTTPS_PORT/"; then
            log "ready: https://127.0.0.1:$HTTPS_PORT/ (env: $STACK_DIR/env)"
            return 0
        fi
        sleep 0.5
    done
    echo "the stack did not answer on https://127.0.0.1:$HTTPS_PORT/; logs in $STACK_DIR/log" >&2
    return 1
}

stop_pid() {  # stop one process we started, by the id it wrote down
    local file=$1
    [ -f "$file" ] || return 0
    local pid; pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

up() {
    if [ -e "$STACK_DIR/env" ]; then
        echo "a stack already exists in $STACK_DIR: run '$0 down' first" >&2
        exit 1
    fi
    system_deps
    mkdir -p "$STACK_DIR/run" "$STACK_DIR/log" "$STACK_DIR/data"
    write_env
    load_env
    start_postgres
    start_redis
    start_nginx  # first, so the demo's publishing purges reach it
    prepare_app
    start_app
    wait_ready
}

down() {
    [ -d "$STACK_DIR" ] || { log "no stack in $STACK_DIR"; return 0; }
    log "stopping the stack in $STACK_DIR"
    if [ -f "$STACK_DIR/run/nginx.pid" ]; then
        nginx -p "$STACK_DIR/nginx" -c "$STACK_DIR/nginx/nginx.conf" \
            -e "$STACK_DIR/log/nginx-main.error.log" -s quit 2>/dev/null || true
        for _ in $(seq 1 50); do [ -f "$STACK_DIR/run/nginx.pid" ] || break; sleep 0.1; done
        stop_pid "$STACK_DIR/run/nginx.pid"
    fi
    stop_pid "$STACK_DIR/run/scheduler.pid"
    stop_pid "$STACK_DIR/run/worker.pid"
    stop_pid "$STACK_DIR/run/gunicorn.pid"
    stop_pid "$STACK_DIR/run/redis.pid"
    if [ -f "$STACK_DIR/pg/data/postmaster.pid" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$STACK_DIR/pg/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$STACK_DIR"
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    env) cat "$STACK_DIR/env" ;;
    status)
        for name in nginx gunicorn worker scheduler redis; do
            file="$STACK_DIR/run/$name.pid"
            if [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null; then
                echo "$name: running ($(cat "$file"))"
            else echo "$name: stopped"; fi
        done ;;
    *) echo "usage: $0 up|down|status|env" >&2; exit 2 ;;
esac
