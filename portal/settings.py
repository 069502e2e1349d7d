"""Settings of the Emilia-Romagna & Asia portal.

One module for every environment: values come from ``DJANGO_*`` environment variables
(and ``DATABASE_URL``) with safe development defaults. Every variable is listed in
``.env.example`` and in the README.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

# Development gets a fixed, clearly unsafe key; production must set its own.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

# The admin's address; move it off /admin/ to keep it out of the way of scanners.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin").strip("/") + "/"

INSTALLED_APPS = [
    # Before the admin, as it asks: the translated fields of the models (relations/translation.py, …).
    "modeltranslation",
    "portal.site.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",  # its index expressions (OpClass) for the search index on PostgreSQL
    "django_filters",
    "simple_history",
    "csp",
    "axes",
    "portal.core",
    "portal.site",
    "relations",
    "trade",
    # Last, as it asks: deletes a replaced or removed upload's file once the change is committed.
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.core.middleware.DatabaseUnavailableMiddleware",
    # Before sessions, CSRF and auth: a cached page for an anonymous visitor costs none of them.
    "portal.core.caching.PublicPageCacheMiddleware",
    # Before sessions and authentication: a throttled login attempt costs no query and no hashing.
    "portal.core.clients.LoginThrottleMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.site.middleware.EditorLanguageMiddleware",  # the admin in each editor's language
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.site.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite file by default; DATABASE_URL (postgres://user:pass@host:port/name) selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_DB_CONN_MAX_AGE", "0" if DEBUG else "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite backend, except that it never creates a missing file (only `migrate` does)
    # and reconnects when the file is replaced (portal/sqlite_backend/base.py).
    DATABASES["default"]["ENGINE"] = "portal.core.sqlite_backend"
    # WAL, immediate write transactions and a busy timeout let several workers share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Italian first, English second: every public page exists at /it/… and /en/….
LANGUAGE_CODE = "it"
LANGUAGES = [("it", "Italiano"), ("en", "English")]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Rome")
USE_I18N = True
USE_TZ = True
# Not in every number a template prints (years, pixel widths, page numbers): the figures group
# thousands themselves (trade/formatting.py, "6.000" / "6,000").
USE_THOUSAND_SEPARATOR = False
# The portal's own strings (makemessages writes the first), then Italian for a library without it.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "third_party"]
# Dates and numbers as each language writes them ("28 marzo 2021", "28 March 2021").
FORMAT_MODULE_PATH = ["portal.formats"]

# Translated content (django-modeltranslation): a column per language in the same table.
MODELTRANSLATION_DEFAULT_LANGUAGE = "it"
MODELTRANSLATION_LANGUAGES = ("it", "en")
# A text missing in the visitor's language is shown in the other one, with a notice
# (portal.core.translation), never as an empty block.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("it", "en")}

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# Hashed, compressed files only where collectstatic has run (production serving);
# development and tests serve straight from the finders.
STORAGES = {
    # Uploaded images: local files by default; several instances share S3-compatible storage with
    # DJANGO_MEDIA_STORAGE=storages.backends.s3.S3Storage (django-storages, see the README).
    "default": {"BACKEND": os.environ.get("DJANGO_MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# --- Security -----------------------------------------------------------------------------
# Production (DEBUG off) assumes HTTPS terminated by a proxy that sets X-Forwarded-Proto.
# `make serve` runs the production settings on plain http://127.0.0.1 and so sets DJANGO_HTTPS=false.
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_SECONDS", 8 * 60 * 60))  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 365 * 24 * 60 * 60))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The __Host- prefix makes browsers refuse the cookies unless Secure, on this host only, for /.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# Content-Security-Policy (django-csp 4): no inline or eval'd script anywhere, admin included.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# The client's address (portal/clients.py): behind DJANGO_PROXY_COUNT proxies, each appending the
# address it saw to X-Forwarded-For, the client is that many entries from the right; without a
# proxy it is REMOTE_ADDR. Entries further left are whatever the client chose to send.
PORTAL_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", 1 if HTTPS else 0))

# Admin login lockout (django-axes): 5 failures for one username from one client address lock
# that pair for an hour; failures during the lockout do not extend it.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "portal.core.clients.client_address"
AXES_LOCKOUT_TEMPLATE = "portal/locked_out.html"

# Login attempts per client address, whatever the usernames, within a window (then 429): each
# attempt hashes a password, so a flood of new usernames would otherwise take the workers.
PORTAL_LOGIN_ATTEMPTS = int(os.environ.get("DJANGO_LOGIN_ATTEMPTS_PER_ADDRESS", 20))
PORTAL_LOGIN_WINDOW_SECONDS = int(os.environ.get("DJANGO_LOGIN_WINDOW_SECONDS", 600))


def cache_from_url(url):
    """DJANGO_CACHE_URL: locmem:// (default, per process), redis://host:6379/0 (shared), dummy://."""
    scheme = url.split("://", 1)[0]
    backends = {
        "locmem": "django.core.cache.backends.locmem.LocMemCache",
        "redis": "django.core.cache.backends.redis.RedisCache",
        "rediss": "django.core.cache.backends.redis.RedisCache",
        "dummy": "django.core.cache.backends.dummy.DummyCache",
    }
    if scheme not in backends:
        raise ImproperlyConfigured(f"DJANGO_CACHE_URL: unknown cache {scheme!r}; use one of {sorted(backends)}")
    cache = {"BACKEND": backends[scheme], "KEY_PREFIX": "portal"}
    if scheme.startswith("redis"):
        cache["LOCATION"] = url
    return cache


CACHES = {
    "default": cache_from_url(os.environ.get("DJANGO_CACHE_URL", "locmem://")),
    # Rendered pages: per process by default (keys carry the content version, so a page is never
    # served stale); DJANGO_PAGE_CACHE_URL=redis://… shares them between instances.
    "pages": {
        **cache_from_url(os.environ.get("DJANGO_PAGE_CACHE_URL", "locmem://")),
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DJANGO_PAGE_CACHE_ENTRIES", 500))},
    },
}
if CACHES["pages"]["BACKEND"].endswith("RedisCache"):
    CACHES["pages"]["OPTIONS"] = {}

# Whole-page cache for anonymous visitors (portal/caching.py); off in development.
PORTAL_PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", not DEBUG)
PORTAL_PAGE_CACHE_ALIAS = "pages"
PORTAL_PAGE_CACHE_SECONDS = 24 * 60 * 60
# Seconds a browser, nginx or a CDN may reuse a public page before revalidating it with its ETag:
# an editor's change reaches every visitor within twice this (nginx, then the browser's own copy).
PORTAL_HTTP_MAX_AGE = int(os.environ.get("DJANGO_HTTP_MAX_AGE", 5))
PORTAL_CONTENT_VERSION_FILE = os.environ.get(
    "DJANGO_CONTENT_VERSION_FILE", str(BASE_DIR / ".local" / "content-version")
)
PORTAL_CONTENT_VERSION_IN_CACHE = env_bool("DJANGO_CONTENT_VERSION_IN_CACHE", False)
# The constant-response view `make bench` measures as the stack's ceiling; never on in production.
PORTAL_BENCH_VIEWS = env_bool("DJANGO_BENCH_VIEWS", False)

# Name and canonical address of the site, used in page titles, canonical links and the sitemap.
# Without DJANGO_BASE_URL (development) the address is the one the request came to.
PORTAL_NAME = "Emilia-Romagna & Asia"
PORTAL_BASE_URL = os.environ.get("DJANGO_BASE_URL", "").rstrip("/")
PORTAL_PAGE_SIZE = 20

# The institution that owns the portal (the slim header and the footer of an Italian public site,
# AgID guidelines). Each is an environment variable an operator sets for the real deployment;
# contacts left empty are not shown. The accessibility statement is the one published on AgID's
# form (form.agid.gov.it): without its address the accessibility page says it is being prepared.
PORTAL_INSTITUTION = {
    "name": os.environ.get("PORTAL_INSTITUTION_NAME", "Regione Emilia-Romagna"),
    "url": os.environ.get("PORTAL_INSTITUTION_URL", "https://www.regione.emilia-romagna.it/"),
    "address": os.environ.get("PORTAL_INSTITUTION_ADDRESS", "Viale Aldo Moro 52, 40127 Bologna"),
    "office": os.environ.get("PORTAL_RESPONSIBLE_OFFICE", ""),
    "email": os.environ.get("PORTAL_CONTACT_EMAIL", ""),
    "phone": os.environ.get("PORTAL_CONTACT_PHONE", ""),
    "pec": os.environ.get("PORTAL_CONTACT_PEC", ""),
    "accessibility_statement_url": os.environ.get("PORTAL_ACCESSIBILITY_STATEMENT_URL", ""),
    "accessibility_email": os.environ.get("PORTAL_ACCESSIBILITY_EMAIL", ""),
}
# "Was this page useful?" (portal/site/ratings.py): answers one client address may give in an hour.
PORTAL_RATINGS_PER_HOUR = int(os.environ.get("PORTAL_RATINGS_PER_HOUR", 30))

# A figure whose year is older than this many years (or that has none) shows "data from 2015" and
# is listed in the admin's report of figures to update.
PORTAL_FIGURES_FRESH_YEARS = int(os.environ.get("PORTAL_FIGURES_FRESH_YEARS", 5))

# The maps' geometry: Natural Earth's countries cut to Asia by `make static` (scripts/build_map.py).
PORTAL_MAP_GEOMETRY = BASE_DIR / "static" / "build" / "asia-countries.json"

# Agreements (relations/lifecycle.py): the admin's report and an agreement's admin page warn of a
# renewal or end within this many months, and of a status not confirmed for this many years.
PORTAL_AGREEMENT_NOTICE_MONTHS = int(os.environ.get("PORTAL_AGREEMENT_NOTICE_MONTHS", 6))
PORTAL_AGREEMENT_CONFIRM_YEARS = int(os.environ.get("PORTAL_AGREEMENT_CONFIRM_YEARS", 2))

# The institution's code in the index of Italian public administrations (IPA, indicepa.gov.it), which
# DCAT-AP_IT uses to identify publishers and datasets: r_emiro is the Regione Emilia-Romagna's.
PORTAL_INSTITUTION_IPA_CODE = os.environ.get("PORTAL_INSTITUTION_IPA_CODE", "r_emiro")

# The licence of the portal's data and texts (the open-data licence page and, later, the downloads).
PORTAL_DATA_LICENCE = {
    "name": os.environ.get("PORTAL_DATA_LICENCE_NAME", "Creative Commons Attribution 4.0 International (CC BY 4.0)"),
    "url": os.environ.get("PORTAL_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"brief_warning": {"()": "portal.core.logs.BriefWarning"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        # Scanners send any Host header: one line at WARNING each, not an ERROR with a traceback.
        "django.security.DisallowedHost": {"filters": ["brief_warning"]},
    },
}
