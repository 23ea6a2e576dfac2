"""Settings shared by every environment. Environment values come only through config.env."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(env.env_str("PRONGSAI_DATA_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env.env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
# The previous key(s) while a rotation settles (docs/operations.md): still accepted, never used.
SECRET_KEY_FALLBACKS = env.env_list("SECRET_KEY_FALLBACKS", [])
DEBUG = False
ALLOWED_HOSTS = env.env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

PRONGSAI_APPS = [
    "prongsai.core",
    "prongsai.filecheck",
    "prongsai.accounts",
    "prongsai.policy",
    "prongsai.sitepages",
    "prongsai.publishing",
    "prongsai.monitoring",
    "prongsai.compliance",
    "prongsai.trafficlog",
    "prongsai.analytics",
    "prongsai.feedback",
    "prongsai.inforequests",
    "prongsai.search",
    "prongsai.reports",
    "prongsai.profiles",
    "prongsai.frontcache",
    "prongsai.parentbody",
]

INSTALLED_APPS = [
    *PRONGSAI_APPS,
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Traffic data (R40) wraps everything so every request and response is recorded.
    "prongsai.trafficlog.middleware.CaptureMiddleware",
    # Cache-Control for the front cache (R30): outside every middleware that may set a cookie,
    # so it sees the response as it leaves (prongsai/frontcache/middleware.py).
    "prongsai.frontcache.middleware.FrontCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    # Visitor statistics (R10) after authentication so staff can be excluded.
    "prongsai.analytics.middleware.CaptureMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "prongsai" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.database_config(str(DATA_DIR / "prongsai.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Lockout (ADR 0011, 0072): 5 wrong passwords for a username from one address, or 20 for a
# username from any addresses, or 20 from one address for any usernames, lock for 30 minutes.
AXES_FAILURE_LIMIT = env.env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.5  # hours
# Per (username, address), per username from anywhere, per address for any username; each
# with its own limit (prongsai/accounts/lockout.py, ADR 0072).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_HANDLER = "prongsai.accounts.lockout.LockoutHandler"
PRONGSAI_LOCKOUT_USERNAME_LIMIT = env.env_int("PRONGSAI_LOCKOUT_USERNAME_LIMIT", 20)
PRONGSAI_LOCKOUT_ADDRESS_LIMIT = env.env_int("PRONGSAI_LOCKOUT_ADDRESS_LIMIT", 20)
PRONGSAI_PASSWORD_RESET_LIMIT = env.env_int("PRONGSAI_PASSWORD_RESET_LIMIT", 5)
PRONGSAI_PASSWORD_RESET_WINDOW_SECONDS = 3600
AXES_RESET_ON_SUCCESS = True
# The client address behind our own reverse proxies, one rule for lockout, traffic data, visitor
# counts and rate limits (prongsai/core/clientip.py): X-Forwarded-For is believed only from
# these CIDRs.
TRUSTED_PROXIES = env.env_list("TRUSTED_PROXIES", ["127.0.0.1/32", "::1/128"])
AXES_CLIENT_IP_CALLABLE = "prongsai.core.clientip.axes_client_ip"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

LANGUAGE_CODE = "th"
# Thai only: there is no English catalogue or English page tree, and an "English" switch gave
# <html lang="en"> over Thai text (ADR 0305). Add ("en", ...) back with both.
LANGUAGES = [("th", _("Thai"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "prongsai" / "locale"]
TIME_ZONE = "Asia/Bangkok"
# Staff work in Thailand and every date is shown in Thai time (ADR 0001): the account page
# offers no list of 600 English time zone names (ADR 0335).
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "prongsai.core.storage.ThaiFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

WAGTAIL_SITE_NAME = env.env_str("PRONGSAI_SITE_NAME", "Prongsai")
WAGTAILADMIN_BASE_URL = env.env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "sitepages.AgencyDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "prongsai.sitepages.forms.AgencyDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploads: every file is checked by content against its site's policy (prongsai/filecheck,
# ADR 0150); these mirror the default policy so Wagtail's own checks and hints agree with it.
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "doc",
    "docx",
    "odp",
    "ods",
    "odt",
    "pdf",
    "ppt",
    "pptx",
    "txt",
    "xls",
    "xlsx",
    "zip",
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "prongsai.filecheck.forms.CheckedImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# Optional virus scan: clamd's Unix socket (e.g. /run/clamav/clamd.ctl); when set, a file is
# accepted only if clamd answers OK (fails closed).
PRONGSAI_CLAMD_SOCKET = env.env_str("PRONGSAI_CLAMD_SOCKET", "")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_PASSWORD_RESET_ENABLED = True

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Django 6.1 mailers (EMAIL_BACKEND and EMAIL_HOST… are deprecated and refused beside MAILERS).
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env.env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")

SESSION_COOKIE_HTTPONLY = True
# Staff sessions end after 12 hours whatever happens, and after the agency's idle time
# (AgencySettings.staff_idle_minutes, 30 by default) — prongsai/accounts/middleware.py, ADR 0073.
PRONGSAI_SESSION_ABSOLUTE_SECONDS = env.env_int("PRONGSAI_SESSION_ABSOLUTE_SECONDS", 12 * 3600)
SESSION_COOKIE_AGE = PRONGSAI_SESSION_ABSOLUTE_SECONDS
PRONGSAI_SESSION_TIMEOUTS = True  # off only in the test settings, like PRONGSAI_REQUIRE_2FA
# Signed-in sessions one staff account may hold at once; a new sign-in ends the oldest (ASVS
# 7.1.2, ADR 0258, docs/security/sessions.md). Install-wide: no field of the site's policy fits.
PRONGSAI_MAX_STAFF_SESSIONS = env.env_int("PRONGSAI_MAX_STAFF_SESSIONS", 5)
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (Django 6 built-in). Public pages load nothing from other hosts.
# Scripts only from the site or with the response's nonce, in the admin too; inline styles
# stay allowed (style attributes in Wagtail's admin and our templates) — ADR 0160.
# prongsai.core.csp adds Permissions-Policy and lends the nonce to Wagtail's widgets.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "font-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
    "form-action": [CSP.SELF],
}
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.csp.ContentSecurityPolicyMiddleware") + 1,
    "prongsai.core.csp.SecurityHeadersMiddleware",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "prongsai": {"level": "INFO"},
        # One line per task state change is noise next to the job-run records (monitoring);
        # `manage.py db_worker` turns these up again for the worker's own log.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}

# Publishing rules an agency profile may change (see docs/env-vars.md for the env overrides).
PRONGSAI_PUBLISH_DEADLINE_WORKING_DAYS = env.env_int("PRONGSAI_PUBLISH_DEADLINE_WORKING_DAYS", 3)
PRONGSAI_MIN_WEBMASTERS = env.env_int("PRONGSAI_MIN_WEBMASTERS", 2)

# --- publishing (R20–R26) ---
# Unconfirmed verbal approvals older than this many working days are flagged (R22).
PRONGSAI_VERBAL_CONFIRM_WORKING_DAYS = env.env_int("PRONGSAI_VERBAL_CONFIRM_WORKING_DAYS", 2)
# An approved publish request's workflow must not publish the page itself: the publisher does,
# after checking files and category (R21). Other workflows keep Wagtail's default.
WAGTAIL_FINISH_WORKFLOW_ACTION = "prongsai.publishing.wagtail_finish.finish_workflow_state"
# Information class (code) for revision requests of pages that never had a request (R31).
PRONGSAI_PUBLISH_REVISION_CLASS = env.env_str("PRONGSAI_PUBLISH_REVISION_CLASS", "")

# --- monitoring (R30–R33) ---
# `manage.py crontask` (the scheduler) comes from django-crontask; jobs: prongsai/monitoring/jobs.py.
INSTALLED_APPS.append("crontask")
# Review intervals in days by category code (prongsai/core/categories.py); "default" for the rest.
PRONGSAI_REVIEW_INTERVAL_DAYS = {"default": env.env_int("PRONGSAI_REVIEW_INTERVAL_DAYS", 365)}
PRONGSAI_REVIEW_REMINDER_EVERY_DAYS = env.env_int("PRONGSAI_REVIEW_REMINDER_EVERY_DAYS", 7)
PRONGSAI_REVIEW_ESCALATE_AFTER_DAYS = env.env_int("PRONGSAI_REVIEW_ESCALATE_AFTER_DAYS", 14)
PRONGSAI_EXPIRY_NOTICE_DAYS = env.env_int("PRONGSAI_EXPIRY_NOTICE_DAYS", 7)
PRONGSAI_JOB_GRACE_MINUTES = env.env_int("PRONGSAI_JOB_GRACE_MINUTES", 10)
PRONGSAI_SUPERVISOR_EMAILS = env.env_list("PRONGSAI_SUPERVISOR_EMAILS", [])
PRONGSAI_LINK_CHECK_TIMEOUT = env.env_int("PRONGSAI_LINK_CHECK_TIMEOUT", 10)
PRONGSAI_LINK_CHECK_CONCURRENCY = env.env_int("PRONGSAI_LINK_CHECK_CONCURRENCY", 8)
PRONGSAI_LINK_CHECK_HOST_DELAY = float(env.env_str("PRONGSAI_LINK_CHECK_HOST_DELAY", "1.0"))

# --- compliance (R34) ---
# Seconds the public OIT page's computation is cached (0 = off); content changes clear it sooner.
PRONGSAI_OIT_CACHE_SECONDS = env.env_int("PRONGSAI_OIT_CACHE_SECONDS", 300)

# --- trafficlog (R40) ---
# Traffic data under the Computer-Related Crime Act s.26 (see docs/traffic-data.md).
TRAFFIC_DIR = Path(env.env_str("PRONGSAI_TRAFFIC_DIR", str(DATA_DIR / "traffic")))
TRAFFIC_RETENTION_DAYS = env.env_int("TRAFFIC_RETENTION_DAYS", 90)
TRAFFIC_RETENTION_ALLOW_SHORT_FOR_TESTS = False
# X-Request-ID / X-Client-Port are believed only from TRUSTED_PROXIES (see the shared part).
TRAFFIC_REQUIRE_2FA = env.env_bool("TRAFFIC_REQUIRE_2FA", True)
TRAFFIC_SEGMENT_MAX_BYTES = env.env_int("TRAFFIC_SEGMENT_MAX_BYTES", 256 * 1024 * 1024)
TRAFFIC_CHECKPOINT_EXPORT_FILE = env.env_str("TRAFFIC_CHECKPOINT_EXPORT_FILE", "")
TRAFFIC_SYSLOG_HOST = env.env_str("TRAFFIC_SYSLOG_HOST", "")
TRAFFIC_SYSLOG_PORT = env.env_int("TRAFFIC_SYSLOG_PORT", 514)

# --- analytics and feedback (R9, R10, R37) ---
PRONGSAI_ANALYTICS_ENABLED = env.env_bool("PRONGSAI_ANALYTICS_ENABLED", True)
# Who writes the page-view lines the counting job reads (ADR 0131): "app" (no nginx in front:
# the demo, development) or "nginx" (production: nginx's visits log, cache hits included).
PRONGSAI_VISITS_WRITER = env.env_str("PRONGSAI_VISITS_WRITER", "app")
PRONGSAI_VISITS_DIR = Path(env.env_str("PRONGSAI_VISITS_DIR", str(DATA_DIR / "analytics")))
# nginx's visits logs, rotated copies included (globs), e.g. /var/log/nginx/prongsai.visits.log*
PRONGSAI_VISITS_LOGS = env.env_list("PRONGSAI_VISITS_LOGS", [])
PRONGSAI_QA_RESPONSE_WORKING_DAYS = env.env_int("PRONGSAI_QA_RESPONSE_WORKING_DAYS", 7)
PRONGSAI_QA_EMAIL_RETENTION_DAYS = env.env_int("PRONGSAI_QA_EMAIL_RETENTION_DAYS", 90)
PRONGSAI_FEEDBACK_RATE_LIMIT = env.env_int("PRONGSAI_FEEDBACK_RATE_LIMIT", 5)
PRONGSAI_FEEDBACK_RATE_WINDOW_SECONDS = env.env_int("PRONGSAI_FEEDBACK_RATE_WINDOW_SECONDS", 600)
PRONGSAI_FEEDBACK_CHALLENGE_AFTER = env.env_int("PRONGSAI_FEEDBACK_CHALLENGE_AFTER", 3)

# --- rendered listings kept in the cache (prongsai/core/fragments.py, ADR 0310) ---
# Longest a category listing's HTML is kept; it is replaced at once when a page of its site
# changes and never kept past a publication window edge. 0 = render every listing.
PRONGSAI_FRAGMENT_CACHE_SECONDS = env.env_int("PRONGSAI_FRAGMENT_CACHE_SECONDS", 300)

# --- front cache (nginx in front, ADR 0130) ---
# Seconds an anonymous public page may be shared by the front cache; 0 = no Cache-Control
# (the demo). Always cut at the next publication window edge (prongsai/frontcache/lifetime.py).
PRONGSAI_FRONT_CACHE_SECONDS = env.env_int("PRONGSAI_FRONT_CACHE_SECONDS", 0)
PRONGSAI_FRONT_CACHE_STATE_DIR = DATA_DIR / "frontcache"
# nginx's loopback purge server (deploy/nginx/prongsai.conf.in); empty = no purging.
_purge_url = env.env_str("PRONGSAI_FRONT_CACHE_PURGE_URL", "")
if _purge_url:
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "prongsai.frontcache.backends.NginxPurgeBackend",
            "LOCATION": _purge_url,
        }
    }

# --- search ---
# Wagtail's database backend with Thai word segmentation (prongsai/search/backend.py, ADR 0061).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "prongsai.search.backend"}}
# Thai tokenizer for the index and queries: "nlpo3" or "newmm" (ADR 0060). Re-index after a
# change with `manage.py thai_reindex`.
PRONGSAI_SEARCH_TOKENIZER = env.env_str("PRONGSAI_SEARCH_TOKENIZER", "nlpo3")

# --- accounts (R20, R41) ---
# Django's password rules with Thai messages (prongsai/accounts/validators.py); Argon2 above.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "prongsai.accounts.validators.UserAttributeSimilarityValidator"},
    {
        "NAME": "prongsai.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "prongsai.accounts.validators.CommonPasswordValidator"},
    {"NAME": "prongsai.accounts.validators.NumericPasswordValidator"},
    # Agency, site, product and Thai government words, keyboard walks (ASVS 6.2.11, ADR 0257).
    {"NAME": "prongsai.accounts.validators.ContextWordsValidator"},
]
# /admin/ only after the first-login password change and, for administrators, webmasters and
# the traffic coordinator, a verified TOTP device (ADR 0010). Needs auth, OTP and messages.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "prongsai.accounts.middleware.StaffSignInMiddleware",
)
PRONGSAI_REQUIRE_2FA = env.env_bool("PRONGSAI_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = env.env_str("PRONGSAI_SITE_NAME", "Prongsai")
# Wagtail's user screens with position, unit, telephone (prongsai/accounts/admin_users.py).
INSTALLED_APPS[INSTALLED_APPS.index("wagtail.users")] = "prongsai.accounts.apps.StaffUsersConfig"
# No Gravatar in the admin: staff e-mail hashes stay in-house and the CSP allows no other hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- core ---
# The site, home page, menu and agency settings come from memory, checked against one tiny row
# per request (prongsai/core/sitestate.py, ADR 0002); after WhiteNoise so static files skip it.
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "prongsai.core.middleware.SiteStateMiddleware",
)
# Wagtail's sign-in form with its password label translated (prongsai/core/adminlogin.py).
WAGTAILADMIN_USER_LOGIN_FORM = "prongsai.core.adminlogin.ThaiLoginForm"
# Only the demo (config/settings/demo.py) serves MEDIA_ROOT from Django with DEBUG off.
PRONGSAI_DEMO_SERVE_MEDIA = False

# --- parent body (R36) ---
# On an agency's site: where its approved round reports are pushed, and the token the province
# issued (prongsai/parentbody/sender.py). Both empty = nothing is sent.
PRONGSAI_PROVINCE_URL = env.env_str("PRONGSAI_PROVINCE_URL", "")
PRONGSAI_PROVINCE_TOKEN = env.env_str("PRONGSAI_PROVINCE_TOKEN", "")
# On the province's site: the largest push body the API reads (the report's PDF is inside).
PRONGSAI_PARENTBODY_MAX_BODY_BYTES = env.env_int(
    "PRONGSAI_PARENTBODY_MAX_BODY_BYTES", 15 * 1024 * 1024
)
# --- operations: backups (prongsai/operations, ADR 0200) ---
INSTALLED_APPS.insert(INSTALLED_APPS.index("prongsai.frontcache") + 1, "prongsai.operations")
PRONGSAI_APPS.append("prongsai.operations")
# Where `manage.py backup` and the nightly job write archives; keep it on another disk.
PRONGSAI_BACKUP_DIR = Path(env.env_str("PRONGSAI_BACKUP_DIR", str(DATA_DIR / "backups")))
# A PEM X25519 public key: archives are encrypted to it and only its private key restores them.
PRONGSAI_BACKUP_PUBLIC_KEY = env.env_str("PRONGSAI_BACKUP_PUBLIC_KEY", "")
PRONGSAI_BACKUP_KEEP_DAILY = env.env_int("PRONGSAI_BACKUP_KEEP_DAILY", 7)
PRONGSAI_BACKUP_KEEP_MONTHLY = env.env_int("PRONGSAI_BACKUP_KEEP_MONTHLY", 12)
