"""The one settings module. Everything that differs between a laptop and a province's
server comes from the environment (see phongtrao/env.py); SQLite is the default."""

import os
import shutil
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from phongtrao.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = BASE_DIR / "data"

DEBUG = env_bool("DEBUG", False)
PRODUCTION = env_bool("PRODUCTION", False)
_DEV_SECRET = "dev-only-insecure-secret-key-change-me-0123456789abcdefghijklmnop"
SECRET_KEY = env_str("SECRET_KEY", None if PRODUCTION else _DEV_SECRET)
if PRODUCTION and (SECRET_KEY == _DEV_SECRET or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured("SECRET_KEY must be set to a long random value in production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "csp",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "phongtrao.ui",
    "phongtrao.geo",
    "phongtrao.accounts",
    "phongtrao.notifications",
    "phongtrao.jobs",
    "phongtrao.orgs",
    "phongtrao.indicators",
    "phongtrao.plans",
    "phongtrao.workdays",
    "phongtrao.registrations",
    "phongtrao.contributions",
    "phongtrao.criteria",
    "phongtrao.reports",
    "phongtrao.documents",
    "phongtrao.rewards",
    "phongtrao.surveys",
    "phongtrao.units",
    "phongtrao.mywork",
    "phongtrao.portal",
    "phongtrao.operations",
]
if not PRODUCTION:
    # The demo's accounts have passwords written in the README: never on a real server.
    INSTALLED_APPS.append("phongtrao.demo")

MIDDLEWARE = [
    # First, so that every log line of the request carries its id (X-Request-ID from nginx,
    # or a new one), and the answer names it for a report of a problem.
    "log_request_id.middleware.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "phongtrao.ui.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A phone's offline queue resends with the same key: answered once, done once.
    "phongtrao.accounts.idempotency.IdempotencyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "phongtrao.ui.middleware.RefusalMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it must see the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "phongtrao.urls"
WSGI_APPLICATION = "phongtrao.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "phongtrao" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "phongtrao.notifications.context_processors.unread",
                "phongtrao.ui.context_processors.capabilities",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if PRODUCTION and DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("PRODUCTION=1 needs DATABASE_URL=postgres://… (SQLite is for a laptop and for tests).")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("PRODUCTION=1 needs ALLOWED_HOSTS: the names the site answers to, comma-separated.")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several requests write at once (a commune office shares one server): wait for
    # the lock instead of failing, and let readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Tests use a file, not memory: a live server's threads then each hold a connection
    # of their own, as a real server's do, so races between requests are real races.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"phongtrao-test-{os.getpid()}.sqlite3")}
    # The covering index of contribution totals is PostgreSQL's; SQLite keeps its key
    # columns, which is what a small commune's server needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Each person lands on what is theirs to do now.
LOGIN_REDIRECT_URL = "mywork:index"
LOGOUT_REDIRECT_URL = "plans:list"

# Login throttling: a commune office shares one public address, so lock the pair
# (username, address) rather than the address alone.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_CLIENT_IP_CALLABLE = "phongtrao.accounts.clients.client_address"
# How many reverse proxies stand in front of the app (0: clients connect directly);
# the client's address is then read from X-Forwarded-For, see accounts/clients.py.
PROXY_COUNT = env_int("PROXY_COUNT", 0)

# Redis, when a province runs several application machines: one cache for all of them
# (the portal's pages, sessions in front of the database) and, with TASKS_BACKEND=rq, the
# job queue. Without it each process keeps its own cache in memory. A Redis that stops
# answering slows nothing (two-second time-outs) and breaks no page: the cache is skipped,
# the session read from the database, and /health/ names the cache.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "phongtrao",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2, "IGNORE_EXCEPTIONS": True},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Background jobs (django-tasks, phongtrao/jobs): by default the queue is a table of the
# database, worked by `manage.py db_worker`; with TASKS_BACKEND=rq it is Redis (REDIS_URL),
# worked by `manage.py rqworker` on as many machines as needed.
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
# A job running longer than this is stopped (RQ's own limit; LibreOffice and Tesseract
# have theirs below it).
JOB_TIME_LIMIT = env_int("JOB_TIME_LIMIT", 1800)
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL (redis://host:6379/0).")
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": JOB_TIME_LIMIT}}
else:
    raise ImproperlyConfigured("TASKS_BACKEND must be database or rq.")
# A running job's worker writes a heartbeat this often; a job whose heartbeat is older
# than JOB_STALE_SECONDS is taken for abandoned (its worker was killed) and fails.
JOB_HEARTBEAT_SECONDS = env_int("JOB_HEARTBEAT_SECONDS", 30)
JOB_STALE_SECONDS = env_int("JOB_STALE_SECONDS", 180)
# /health/ reports the task queue failing when a job has waited longer than this.
HEALTH_QUEUE_MAX_WAIT_SECONDS = env_int("HEALTH_QUEUE_MAX_WAIT_SECONDS", 600)
# Work this small is done in the request; above it, a job: rows of an Excel export, bytes
# of an uploaded sheet, sections of a Word report.
JOB_ROWS_IN_REQUEST = env_int("JOB_ROWS_IN_REQUEST", 5000)
JOB_BYTES_IN_REQUEST = env_int("JOB_BYTES_IN_REQUEST", 200 * 1024)
JOB_PARAGRAPHS_IN_REQUEST = env_int("JOB_PARAGRAPHS_IN_REQUEST", 400)

# LibreOffice turns documents into PDF where it is installed; without it the PDF buttons
# are not shown (the Word files remain).
PDF_CONVERTER = env_str("PDF_CONVERTER", shutil.which("soffice") or shutil.which("libreoffice") or "")

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "phongtrao" / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the choice of English outlives the browser session
FORMAT_MODULE_PATH = ["phongtrao.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "phongtrao" / "static"]
# Static files named by their content (site.3f2a….css) and compressed at collectstatic,
# so that nginx may let phones keep them a year: on every production server, and on a
# test stack that collects them the same way.
STATIC_FINGERPRINTS = env_bool("STATIC_FINGERPRINTS", PRODUCTION)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_FINGERPRINTS
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Serve static files from the apps' folders without collectstatic outside production.
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
# Behind nginx, uploaded files are sent by nginx from this internal location once the
# application has checked access (deploy/nginx/phongtrao-locations.conf).
FILES_VIA_NGINX = env_bool("FILES_VIA_NGINX", PRODUCTION)
FILES_NGINX_LOCATION = "/protected-media/"
# Where `manage.py backup` writes its archives unless told otherwise.
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "backups")))
# /health/ reports the media disk failing below this much free space (MB).
HEALTH_MEDIA_FREE_BYTES = env_int("HEALTH_MEDIA_FREE_MB", 500) * 1024 * 1024

# No script, style or font from anywhere else; no inline script (htmx is served here).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # a probe on the machine itself asks over plain HTTP
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Web Push: the site's VAPID key pair (`manage.py vapid_keys` makes one; the public key
# is given to browsers, the private key signs each push) and a contact for the push
# services. Without the keys, phones are not offered push notifications.
VAPID_PUBLIC_KEY = env_str("VAPID_PUBLIC_KEY", "")
VAPID_PRIVATE_KEY = env_str("VAPID_PRIVATE_KEY", "")
VAPID_SUBJECT = env_str("VAPID_SUBJECT", "mailto:phongtrao@localhost")
if bool(VAPID_PUBLIC_KEY) != bool(VAPID_PRIVATE_KEY):
    raise ImproperlyConfigured("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together (manage.py vapid_keys).")
# The province's webhook (its Zalo Official Account or SMS gateway): each notification is
# POSTed there as JSON signed with the secret.
NOTIFICATION_WEBHOOK_URL = env_str("NOTIFICATION_WEBHOOK_URL", "")
NOTIFICATION_WEBHOOK_SECRET = env_str("NOTIFICATION_WEBHOOK_SECRET", "")
if NOTIFICATION_WEBHOOK_URL and len(NOTIFICATION_WEBHOOK_SECRET) < 32:
    raise ImproperlyConfigured("NOTIFICATION_WEBHOOK_URL needs NOTIFICATION_WEBHOOK_SECRET of 32 characters or more.")
NOTIFICATION_TIMEOUT_SECONDS = env_int("NOTIFICATION_TIMEOUT_SECONDS", 10)
# A delivery that fails is tried again after each of these waits, then given up (the
# administrators are told; the notification stays on the site).
NOTIFICATION_RETRY_SECONDS = [int(s) for s in env_list("NOTIFICATION_RETRY_SECONDS", ["60", "300", "1800", "7200"])]
# Notifications go out on each of these channels the person chose (see
# phongtrao/notifications/channels.py); push and the webhook when they are configured.
NOTIFICATION_CHANNELS = env_list(
    "NOTIFICATION_CHANNELS",
    ["phongtrao.notifications.channels.InApp", "phongtrao.notifications.channels.Email"]
    + (["phongtrao.notifications.channels.WebPush"] if VAPID_PRIVATE_KEY else [])
    + (["phongtrao.notifications.channels.Webhook"] if NOTIFICATION_WEBHOOK_URL else []),
)
EMAIL_NOTIFICATIONS = "phongtrao.notifications.channels.Email" in NOTIFICATION_CHANNELS
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if not PRODUCTION
    else "django.core.mail.backends.smtp.EmailBackend",
)
# A real relay: its account, TLS (STARTTLS, usually port 587) or SSL (port 465), and a
# time-out so that a relay that does not answer fails the sending, never hangs it.
EMAIL_HOST = env_str("EMAIL_HOST", None if PRODUCTION and EMAIL_NOTIFICATIONS else "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL: choose one (TLS on 587, SSL on 465).")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", None if PRODUCTION and EMAIL_NOTIFICATIONS else "phongtrao@localhost"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Nominees are published for the public's comments this many days before a reward
# decision (an official may choose another length each time), and one address may leave
# at most this many comments an hour.
REWARD_COMMENT_DAYS = env_int("REWARD_COMMENT_DAYS", 7)
REWARD_COMMENTS_PER_HOUR = env_int("REWARD_COMMENTS_PER_HOUR", 5)

# Satisfaction surveys: one address may send at most this many answers an hour (a
# commune office helping the elderly answer sends a few; a script sends hundreds), and
# public results hide any village with fewer answers than this, to keep them anonymous.
SURVEY_ANSWERS_PER_HOUR = env_int("SURVEY_ANSWERS_PER_HOUR", 10)
SURVEY_MIN_PUBLIC_GROUP = env_int("SURVEY_MIN_PUBLIC_GROUP", 5)

# Public portal pages are cached this many seconds, on the server and in browsers.
PORTAL_CACHE_SECONDS = env_int("PORTAL_CACHE_SECONDS", 300)

# The page size of lists, and the size of an uploaded CSV of villages.
PAGE_SIZE = 25
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOG_REQUEST_ID_HEADER = "HTTP_X_REQUEST_ID"
GENERATE_REQUEST_ID_IF_NOT_IN_HEADER = True
REQUEST_ID_RESPONSE_HEADER = "X-Request-ID"
# One JSON object a line in production (for journald, Loki, Elasticsearch…), text otherwise.
LOG_FORMAT = env_str("LOG_FORMAT", "json" if PRODUCTION else "text")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("LOG_FORMAT must be json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "log_request_id.filters.RequestIDFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Errors reported to Sentry or a self-hosted GlitchTip when SENTRY_DSN is set: without the
# users' personal data (names, addresses and cookies stay here).
SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        environment=env_str("SENTRY_ENVIRONMENT", "production" if PRODUCTION else "development"),
        traces_sample_rate=float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
