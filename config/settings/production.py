"""Production: PostgreSQL, Redis, HTTPS. Refuses to start without its required settings."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env.env_required(
    "SECRET_KEY", "a long random value, e.g. from `openssl rand -base64 48`"
)
if SECRET_KEY.startswith("dev-only") or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters in production")
ALLOWED_HOSTS = env.env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Environment variable ALLOWED_HOSTS is required: the site's host names, comma-separated"
    )
env.env_required("DATABASE_URL", "e.g. postgres://prongsai:password@127.0.0.1:5432/prongsai")
DATABASES = {"default": env.database_config("")}
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # Wagtail's database search backend uses PostgreSQL's full-text fields and GIN indexes.
    INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.postgres"]  # noqa: F405
CSRF_TRUSTED_ORIGINS = env.env_list(
    "CSRF_TRUSTED_ORIGINS", [f"https://{host}" for host in ALLOWED_HOSTS]
)

# --- the stack behind nginx (deploy/, ADR 0130) ---
_redis_url = env.env_str("REDIS_URL", "")
if _redis_url:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis_url,
        }
    }
    # Sessions are written to the database and read through Redis: a Redis restart or flush
    # does not sign every member of staff out (ADR 0073).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    # One scheduler at a time, even if a second is started by mistake (django-crontask).
    CRONTASK = {"REDIS_URL": _redis_url}
# nginx shares anonymous public pages this long (never past a window edge, lifetime.py).
PRONGSAI_FRONT_CACHE_SECONDS = env.env_int("PRONGSAI_FRONT_CACHE_SECONDS", 300)

STORAGES = {
    "default": {"BACKEND": "prongsai.core.storage.ThaiFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_SSL_REDIRECT = env.env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# __Host- cookies (ASVS 3.3.3, ADR 0256): the browser accepts them only over HTTPS, with Secure,
# Path=/ and no Domain, so no other host under the agency's domain can set or overwrite them.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_PATH = "/"
CSRF_COOKIE_PATH = "/"
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None
SECURE_HSTS_SECONDS = env.env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# preload is on: includeSubDomains already makes every subdomain HTTPS-only for a year, and the
# token only makes the domain eligible for the browsers' list (docs/deployment.md §6).
SECURE_HSTS_PRELOAD = env.env_bool("SECURE_HSTS_PRELOAD", True)

# Nothing may frame the site; Wagtail's preview views set SAMEORIGIN for themselves.
X_FRAME_OPTIONS = "DENY"

# `check --deploy` passes with nothing silenced (prongsai/core/tests/test_production_settings.py).
SILENCED_SYSTEM_CHECKS: list[str] = []

# The same EMAIL_* environment variables as before, now as the default mailer's options.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env.env_str("EMAIL_HOST", "localhost"),
            "port": env.env_int("EMAIL_PORT", 587),
            "username": env.env_str("EMAIL_HOST_USER", ""),
            "password": env.env_str("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env.env_bool("EMAIL_USE_TLS", True),
        },
    }
}
SERVER_EMAIL = env.env_str("SERVER_EMAIL", "root@localhost")
WAGTAILADMIN_BASE_URL = env.env_str("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
