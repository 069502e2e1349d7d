"""Settings of the Emilia-Romagna & Asia portal.

One module for every environment: values come from ``DJANGO_*`` environment variables
(and ``DATABASE_URL``) with safe development defaults. Every variable is listed in
``.env.example`` and in the README.
"""

import datetime
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
# django-environ reads and casts the variables (env.bool, env.list, env.db_url, env.cache_url …).
env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=True)

# Development gets a fixed, clearly unsafe key; production must set its own.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])

# The admin's address; move it off /admin/ to keep it out of the way of scanners.
ADMIN_PATH = env.str("DJANGO_ADMIN_PATH", default="admin").strip("/") + "/"

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
    "default": {
        **env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        "CONN_MAX_AGE": env.int("DJANGO_DB_CONN_MAX_AGE", default=0 if DEBUG else 60),
        "CONN_HEALTH_CHECKS": True,
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite backend, except that it never creates a missing file (only `migrate` does)
    # and reconnects when the file is replaced (portal/core/sqlite_backend/base.py).
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
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="Europe/Rome")
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
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")

# Hashed, compressed files only where collectstatic has run (production serving);
# development and tests serve straight from the finders.
STORAGES = {
    # Uploaded images: local files by default; several instances share S3-compatible storage with
    # DJANGO_MEDIA_STORAGE=storages.backends.s3.S3Storage (django-storages, see the README).
    "default": {"BACKEND": env.str("DJANGO_MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage")},
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
HTTPS = env.bool("DJANGO_HTTPS", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_SECONDS", default=8 * 60 * 60)  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=365 * 24 * 60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=True)
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

# The client's address (portal/core/clients.py): behind DJANGO_PROXY_COUNT proxies, each appending the
# address it saw to X-Forwarded-For, the client is that many entries from the right; without a
# proxy it is REMOTE_ADDR. Entries further left are whatever the client chose to send.
PORTAL_PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", default=1 if HTTPS else 0)

# Admin login lockout (django-axes): 5 failures for one username from one client address lock
# that pair for an hour; failures during the lockout do not extend it.
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "portal.core.clients.client_address"
AXES_LOCKOUT_TEMPLATE = "portal/locked_out.html"

# Login attempts per client address, whatever the usernames, within a window (then 429): each
# attempt hashes a password, so a flood of new usernames would otherwise take the workers.
PORTAL_LOGIN_ATTEMPTS = env.int("DJANGO_LOGIN_ATTEMPTS_PER_ADDRESS", default=20)
PORTAL_LOGIN_WINDOW_SECONDS = env.int("DJANGO_LOGIN_WINDOW_SECONDS", default=600)

# Django's cache (django-environ's cache URLs): locmemcache://NAME per process, redis://host:6379/0
# shared between instances, dummycache:// none.
CACHES = {
    "default": {**env.cache_url("DJANGO_CACHE_URL", default="locmemcache://default"), "KEY_PREFIX": "portal"},
    # Rendered pages: per process by default (keys carry the content version, so a page is never
    # served stale); DJANGO_PAGE_CACHE_URL=redis://… shares them between instances.
    "pages": {**env.cache_url("DJANGO_PAGE_CACHE_URL", default="locmemcache://pages"), "KEY_PREFIX": "portal"},
}
for cache in CACHES.values():
    # A stopped Redis is a cache miss, not a 500 on every page (portal/core/cache_backends.py).
    if cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        cache["BACKEND"] = "portal.core.cache_backends.ResilientRedisCache"
if CACHES["pages"]["BACKEND"].endswith("LocMemCache"):
    # Per process: at most this many pages and downloads, and this many MB (cache_backends.py).
    CACHES["pages"]["BACKEND"] = "portal.core.cache_backends.ByteBoundedLocMemCache"
    CACHES["pages"]["OPTIONS"] = {
        "MAX_ENTRIES": env.int("DJANGO_PAGE_CACHE_ENTRIES", default=500),
        "MAX_BYTES": env.int("DJANGO_PAGE_CACHE_MB", default=64) * 2**20,
    }

# Whole-page cache for anonymous visitors (portal/core/caching.py); off in development.
PORTAL_PAGE_CACHE = env.bool("DJANGO_PAGE_CACHE", default=not DEBUG)
PORTAL_PAGE_CACHE_ALIAS = "pages"
PORTAL_PAGE_CACHE_SECONDS = 24 * 60 * 60
# Seconds a browser, nginx or a CDN may reuse a public page before revalidating it with its ETag:
# an editor's change reaches every visitor within twice this (nginx, then the browser's own copy).
PORTAL_HTTP_MAX_AGE = env.int("DJANGO_HTTP_MAX_AGE", default=5)
PORTAL_CONTENT_VERSION_FILE = env.str(
    "DJANGO_CONTENT_VERSION_FILE", default=str(BASE_DIR / ".local" / "content-version")
)
PORTAL_CONTENT_VERSION_IN_CACHE = env.bool("DJANGO_CONTENT_VERSION_IN_CACHE", default=False)

# Name and canonical address of the site, used in page titles, canonical links and the sitemap.
# Without DJANGO_BASE_URL (development) the address is the one the request came to.
PORTAL_NAME = "Emilia-Romagna & Asia"
PORTAL_BASE_URL = env.str("DJANGO_BASE_URL", default="").rstrip("/")
PORTAL_PAGE_SIZE = 20

# The institution that owns the portal (the slim header and the footer of an Italian public site,
# AgID guidelines). Each is an environment variable an operator sets for the real deployment;
# contacts left empty are not shown. The accessibility statement is the one published on AgID's
# form (form.agid.gov.it): without its address the accessibility page says it is being prepared.
PORTAL_INSTITUTION = {
    "name": env.str("PORTAL_INSTITUTION_NAME", default="Regione Emilia-Romagna"),
    # Its article in an Italian sentence («i contatti della Regione Emilia-Romagna»); the name is Italian.
    "article": env.str("PORTAL_INSTITUTION_ARTICLE", default="la"),
    "url": env.str("PORTAL_INSTITUTION_URL", default="https://www.regione.emilia-romagna.it/"),
    "address": env.str("PORTAL_INSTITUTION_ADDRESS", default="Viale Aldo Moro 52, 40127 Bologna"),
    "office": env.str("PORTAL_RESPONSIBLE_OFFICE", default=""),
    # The Region's public relations office (URP) unless the office responsible for the portal is
    # set: the DCAT-AP_IT catalogue's contact point must have an e-mail address.
    "email": env.str("PORTAL_CONTACT_EMAIL", default="urp@regione.emilia-romagna.it"),
    "phone": env.str("PORTAL_CONTACT_PHONE", default=""),
    "pec": env.str("PORTAL_CONTACT_PEC", default=""),
    "accessibility_statement_url": env.str("PORTAL_ACCESSIBILITY_STATEMENT_URL", default=""),
    "accessibility_email": env.str("PORTAL_ACCESSIBILITY_EMAIL", default=""),
    # The data protection officer's (DPO, «responsabile della protezione dei dati») e-mail address,
    # in the privacy notice, and the institution's own privacy page. Neither is guessed: empty, the
    # notice sends visitors to the institution's site and contacts.
    "dpo_email": env.str("PORTAL_DPO_EMAIL", default=""),
    "privacy_url": env.str("PORTAL_INSTITUTION_PRIVACY_URL", default=""),
}
# How long the web server's access logs are kept before they are deleted, as the privacy notice
# says: set it to what the server's log rotation does.
PORTAL_SERVER_LOG_DAYS = env.int("PORTAL_SERVER_LOG_DAYS", default=30)
# The last assessment of the portal's accessibility (the statement's date and method): the day the
# checks listed in docs/accessibility.md were last run on every kind of page.
PORTAL_ACCESSIBILITY_ASSESSED_ON = datetime.date.fromisoformat(
    env.str("PORTAL_ACCESSIBILITY_ASSESSED_ON", default="2026-12-03")
)
# "Was this page useful?" (portal/site/ratings.py): answers one client address may give in an hour.
PORTAL_RATINGS_PER_HOUR = env.int("PORTAL_RATINGS_PER_HOUR", default=30)

# A figure whose year is older than this many years (or that has none) shows "data from 2015" and
# is listed in the admin's report of figures to update.
PORTAL_FIGURES_FRESH_YEARS = env.int("PORTAL_FIGURES_FRESH_YEARS", default=5)

# The maps' geometry: Natural Earth's countries cut to Asia by `make static` (scripts/build_map.py).
PORTAL_MAP_GEOMETRY = BASE_DIR / "static" / "build" / "asia-countries.json"

# Agreements (relations/lifecycle.py): the admin's report and an agreement's admin page warn of a
# renewal or end within this many months, and of a status not confirmed for this many years.
PORTAL_AGREEMENT_NOTICE_MONTHS = env.int("PORTAL_AGREEMENT_NOTICE_MONTHS", default=6)
PORTAL_AGREEMENT_CONFIRM_YEARS = env.int("PORTAL_AGREEMENT_CONFIRM_YEARS", default=2)

# The institution's code in the index of Italian public administrations (IPA, indicepa.gov.it), which
# DCAT-AP_IT uses to identify publishers and datasets: r_emiro is the Regione Emilia-Romagna's.
PORTAL_INSTITUTION_IPA_CODE = env.str("PORTAL_INSTITUTION_IPA_CODE", default="r_emiro")

# The licence of the portal's data and texts (footer, licence page, downloads, catalogue), with its
# official name in each language (portal.core.licence.data_licence gives the page's).
PORTAL_DATA_LICENCE = {
    "name_it": env.str(
        "PORTAL_DATA_LICENCE_NAME_IT", default="Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)"
    ),
    "name_en": env.str(
        "PORTAL_DATA_LICENCE_NAME_EN", default="Creative Commons Attribution 4.0 International (CC BY 4.0)"
    ),
    "url": env.str("PORTAL_DATA_LICENCE_URL", default="https://creativecommons.org/licenses/by/4.0/"),
    # Its identifier in the Open Definition's list (opendefinition.org/licenses), for the data package.
    "identifier": env.str("PORTAL_DATA_LICENCE_ID", default="CC-BY-4.0"),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"brief_warning": {"()": "portal.core.logs.BriefWarning"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
    "loggers": {
        # Scanners send any Host header: one line at WARNING each, not an ERROR with a traceback.
        "django.security.DisallowedHost": {"filters": ["brief_warning"]},
    },
}
