"""Settings for the gunicorn load test and the bench: the real middleware stack, no database."""

import os
from pathlib import Path

from config.settings.test import *  # noqa: F403
from config.settings.test import TRAFFIC_DIR as _TEST_TRAFFIC_DIR

ROOT_URLCONF = "prongsai.trafficlog.tests.loadtest_urls"
TRUSTED_PROXIES = ["127.0.0.1/32"]  # the load generator plays the reverse proxy
DATABASES = {}
# The test settings pick a throw-away folder; the load test and the bench choose their own.
TRAFFIC_DIR = Path(os.environ.get("PRONGSAI_TRAFFIC_DIR") or _TEST_TRAFFIC_DIR)
# No database here: visitor statistics (another app's middleware) would fail on every request.
PRONGSAI_ANALYTICS_ENABLED = False
# Nor the in-memory site state (core), which checks a database row on every GET.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "prongsai.core.middleware.SiteStateMiddleware"]  # noqa: F405
