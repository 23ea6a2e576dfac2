#!/usr/bin/env bash
# Lighthouse (mobile) on the demo agency, offline, with Debian's Chromium (issue 19).
#
#   bench/lighthouse.sh            # installs lighthouse into bench/.lighthouse on first run
#   LH_PORT=8171 bench/lighthouse.sh
#
# A fresh demo database and collected static files live under bench/.lighthouse/data (never
# var/); the demo is served with config.settings.demo (DEBUG off, WhiteNoise) on 127.0.0.1:LH_PORT
# and stopped at the end. Reports: bench/.lighthouse/reports/<page>.report.{json,html}; the
# scores are printed as a Markdown table for docs/performance.md.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$ROOT/bench/.lighthouse"
PORT="${LH_PORT:-8171}"
LIGHTHOUSE_VERSION="${LIGHTHOUSE_VERSION:-12.8.2}"
PY="${PY:-$ROOT/.venv/bin/python}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export PRONGSAI_DATA_DIR="$WORK/data"
export DATABASE_URL="sqlite:///$WORK/data/demo.sqlite3"
export DJANGO_SETTINGS_MODULE=config.settings.demo

PAGES=(
  "home /"
  "news-page /news/procurement-result-road/"
  "category /laws/"
  "oit /oit/"
)

mkdir -p "$WORK/data" "$WORK/reports"
if [ ! -x "$WORK/node_modules/.bin/lighthouse" ]; then
  npm install --prefix "$WORK" --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION"
fi

cd "$ROOT"
FRESH=$([ -f "$WORK/data/demo.sqlite3" ] && echo no || echo yes)
"$PY" manage.py migrate --noinput -v0
if [ "$FRESH" = yes ]; then
  "$PY" manage.py load_demo > "$WORK/load_demo.log"
fi
"$PY" manage.py collectstatic --noinput -v0

"$PY" manage.py run_demo "127.0.0.1:$PORT" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 1
done
# One visit first so the per-process site state and the renditions are made (a cold start is
# not what a visitor meets).
for entry in "${PAGES[@]}"; do curl -fs -o /dev/null "http://127.0.0.1:$PORT${entry#* }"; done

for entry in "${PAGES[@]}"; do
  name="${entry%% *}"
  path="${entry#* }"
  "$WORK/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT$path" \
    --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output=html \
    --output-path="$WORK/reports/$name" >/dev/null
done

"$PY" - "$WORK/reports" "${PAGES[@]}" <<'PYEOF'
import json
import sys
from pathlib import Path

reports = Path(sys.argv[1])
print("| page | path | performance | accessibility | best practices | SEO | LCP | CLS | TBT |")
print("|---|---|---|---|---|---|---|---|---|")
for entry in sys.argv[2:]:
    name, path = entry.split(" ", 1)
    data = json.loads((reports / f"{name}.report.json").read_text())
    scores = [round(data["categories"][key]["score"] * 100) for key in ("performance", "accessibility", "best-practices", "seo")]
    audits = data["audits"]
    metrics = [audits[key]["displayValue"] for key in ("largest-contentful-paint", "cumulative-layout-shift", "total-blocking-time")]
    print(f"| {name} | `{path}` | " + " | ".join(map(str, scores + metrics)) + " |")
    for key, audit in audits.items():
        if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"):
            print(f"<!-- {name}: {key} {audit['score']} {audit.get('displayValue', '')} -->", file=sys.stderr)
PYEOF
