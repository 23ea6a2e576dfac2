"""Settings for the gunicorn load test and the bench: the real middleware stack, no database."""

from config.settings.test import *  # noqa: F403

ROOT_URLCONF = "prongsai.trafficlog.tests.loadtest_urls"
TRAFFIC_TRUSTED_PROXIES = ["127.0.0.1/32"]  # the load generator plays the reverse proxy
DATABASES = {}
