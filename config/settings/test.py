"""Fast, deterministic settings for the test suite."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATA_DIR, env

SECRET_KEY = "test-only-secret-key-not-for-production"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = DATA_DIR / "test-media"
STORAGES = {
    "default": {"BACKEND": "prongsai.core.storage.ThaiFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
if not env.has_database_url():
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
# Two-factor sign-in is tested with override_settings in prongsai/accounts; other tests log
# staff in with force_login (or prongsai.accounts.testing.login_with_otp).
PRONGSAI_REQUIRE_2FA = False
# Likewise the idle/absolute session limits (tested in prongsai/accounts/tests/test_sessions.py),
# so other apps' tests may travel in time with a signed-in client.
PRONGSAI_SESSION_TIMEOUTS = False
# Traffic records written by every app's requests go to a throw-away folder, not var/traffic.
TRAFFIC_DIR = Path(tempfile.mkdtemp(prefix="prongsai-traffic-test-"))
# Page-view lines (analytics, ADR 0131) likewise; tests that count use their own folder.
PRONGSAI_VISITS_DIR = Path(tempfile.mkdtemp(prefix="prongsai-visits-test-"))
