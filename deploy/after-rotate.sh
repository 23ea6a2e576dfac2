#!/bin/bash
# Run after nginx's Prongsai logs are rotated (deploy/logrotate/prongsai-nginx, deploy/stack.sh):
# ingest every access log into the traffic store (R40) and count every page view line (R10).
# Usage: after-rotate.sh LOG_DIR   (environment from /etc/prongsai/env unless already set)
set -euo pipefail
log_dir=${1:?usage: after-rotate.sh LOG_DIR}
app_dir=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${DJANGO_SETTINGS_MODULE:-}" ] && [ -r /etc/prongsai/env ]; then
    set -a; . /etc/prongsai/env; set +a
fi
cd "$app_dir"
shopt -s nullglob
access=("$log_dir"/prongsai.access.log*)
visits=("$log_dir"/prongsai.visits.log*)
status=0
if [ ${#access[@]} -gt 0 ]; then
    .venv/bin/python manage.py traffic_ingest_nginx "${access[@]}" || status=$?
fi
if [ ${#visits[@]} -gt 0 ]; then
    .venv/bin/python manage.py count_visits "${visits[@]}" || status=$?
fi
exit $status
