"""Settings for MigrAktiv Atlas, read from the environment in this one place.

Environment variables:
  ATLAS_ENV            "development" (default) or "production"
  DATABASE_URL         e.g. postgis://user@host:5432/atlas; default: SpatiaLite file var/atlas.sqlite3
  SECRET_KEY           required in production
  DEBUG                "1"/"0"; default on in development, always off in production
  ALLOWED_HOSTS        comma-separated
  ATLAS_DATA_DIR       directory with the Spandau source data; default ../shared/data
  REDIS_URL            cache; default: local memory cache
  ATLAS_TILES_URL      the street map's tiles (+ ATLAS_TILES_ATTRIBUTION, _ATTRIBUTION_URL, _MAX_ZOOM, _CONSENT)
"""

import html
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from common.cache import redis_cache
from common.tiles import check_tile_url, tile_origin

BASE_DIR = Path(__file__).resolve().parent.parent

ATLAS_ENV = os.environ.get("ATLAS_ENV", "development")
if ATLAS_ENV not in ("development", "production"):
    raise ImproperlyConfigured(f"ATLAS_ENV must be 'development' or 'production', not {ATLAS_ENV!r}")
PRODUCTION = ATLAS_ENV == "production"


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when ATLAS_ENV=production")
    SECRET_KEY = "development-only-not-secret-" + "x" * 40

DEBUG = False if PRODUCTION else env_bool("DEBUG", True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when ATLAS_ENV=production")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "leaflet",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "simple_history",
    "axes",
    # The layers, lowest first (README "Where things are"; `make lint` checks the imports).
    "geodata",
    "atlas",
    "atlas.geocoding",
    "atlas.roles",
    "atlas.directory",
    "atlas.events",
    "atlas.resources",
    "atlas.moderation",
    "atlas.needs",
    "atlas.membership",
    "atlas.registrations",
    "atlas.groups",
    "atlas.board",
    "atlas.subscriptions",
    "atlas.accounts",
    "atlas.privacy",
    "atlas.map",
    "planning",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # ?lang= in a shared link wins over the cookie and Accept-Language (and is kept in the cookie).
    "common.languages.QueryLanguageMiddleware",
    # A write refused by a read-only database: a translated 503 page (JSON under /api/), not a 500.
    "common.middleware.ReadOnlyDatabaseMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns locked-out logins into a clear response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SpatiaLite file by default (no server needed), PostGIS when a URL says so.
DEFAULT_DATABASE_URL = f"spatialite:///{BASE_DIR / 'var' / 'atlas.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))}
_engine = DATABASES["default"]["ENGINE"]
if _engine not in (
    "django.contrib.gis.db.backends.spatialite",
    "django.contrib.gis.db.backends.postgis",
):
    raise ImproperlyConfigured(f"DATABASE_URL must be spatialite:// or postgis://, got engine {_engine}")
if _engine.endswith("postgis"):
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    (BASE_DIR / "var").mkdir(exist_ok=True)
    # Parallel writers (runserver and the live test server answer each request in its own thread):
    # every transaction takes the write lock when it begins (IMMEDIATE), so writers queue instead of
    # failing, and a writer waits up to 20 s for the lock instead of raising "database is locked".
    # WAL lets readers go on while one writes (synchronous=NORMAL is safe with WAL; a power cut may
    # lose the last commits, never consistency).
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE",
                                       "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"}
    # The test database is a file beside the database, not shared memory: with shared memory Django
    # hands the test's one connection to every live-server thread, and parallel requests then
    # interleave in one transaction.
    _sqlite_file = Path(DATABASES["default"]["NAME"])
    DATABASES["default"]["TEST"] = {"NAME": str(_sqlite_file.with_name(f"test_{_sqlite_file.name}"))}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, shared by all app processes, when REDIS_URL is set. Only an optimisation: while it is unreachable
# every page and write works uncached and one warning a minute is logged (common/cache.py).
if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True  # rate-limited by common.cache.CacheOutageFilter (LOGGING)

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses logins from a locked-out user or address before checking passwords.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "atlas.accounts.backends.EmailBackend",  # the account's e-mail address in place of the username
]
# How many reverse proxies stand in front of the application (each appends to X-Forwarded-For).
# 0 (default): the socket address is the client; X-Forwarded-For is ignored. common/clients.py.
ATLAS_TRUSTED_PROXIES = int(os.environ.get("ATLAS_TRUSTED_PROXIES", 0))

# Login lockout (atlas/accounts/lockout.py): failures count per username (from any address) and per
# client address (for any username), each within AXES_COOLOFF_TIME and against its own limit.
AXES_HANDLER = "atlas.accounts.lockout.LoginLockoutHandler"
AXES_CLIENT_IP_CALLABLE = "atlas.accounts.lockout.client_ip"  # common.clients, ATLAS_TRUSTED_PROXIES
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))  # per username
ATLAS_LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("ATLAS_LOGIN_FAILURES_PER_ADDRESS", 20))
AXES_COOLOFF_TIME = 1  # hours
# A refused login is not counted: a locked address cannot go on to lock accounts.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True  # the username's failures only (LoginLockoutHandler.reset_user_attempts)

LOGIN_URL = "login"
# Everyone lands on their work: the account page shows each role its panel (atlas/accounts/dashboard.py).
LOGIN_REDIRECT_URL = "account"
LOGOUT_REDIRECT_URL = "/"

# Mail: written to files under var/mail by default (password resets, moderation answers, digests);
# SMTP when EMAIL_HOST is set.
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "MigrAktiv Atlas <atlas@localhost>")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German first; then the languages most spoken by Spandau's residents with migration background.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("ru", "Русский"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"

# Where the importer finds the public Spandau data (never copied into the repository).
ATLAS_DATA_DIR = Path(os.environ.get("ATLAS_DATA_DIR", BASE_DIR.parent / "shared" / "data"))

# Storage in WGS84; metric distances and areas in ETRS89 / UTM 33N.
STORAGE_SRID = 4326
METRIC_SRID = 25833

# The street map, the default base of every map (common/basemap.py). By default OpenStreetMap's standard
# tiles, used as their tile usage policy asks (https://operations.osmfoundation.org/policies/tiles/): the
# attribution visible on the map, at most zoom 19, tiles loaded only as the visitor looks at them (no
# prefetching), the page's origin sent as referrer. ATLAS_TILES_URL may point at a self-hosted tile
# server ("/tiles/{z}/{x}/{y}.png" on this host, or https://…) or another provider; say its attribution.
OSM_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
ATLAS_TILES_URL = os.environ.get("ATLAS_TILES_URL", OSM_TILES_URL)
try:
    check_tile_url(ATLAS_TILES_URL)
except ValueError as error:
    raise ImproperlyConfigured(f"ATLAS_TILES_URL: {error}") from error
ATLAS_TILES_ATTRIBUTION = os.environ.get("ATLAS_TILES_ATTRIBUTION", "© OpenStreetMap contributors")
ATLAS_TILES_ATTRIBUTION_URL = os.environ.get("ATLAS_TILES_ATTRIBUTION_URL", "https://www.openstreetmap.org/copyright")
ATLAS_TILES_MAX_ZOOM = int(os.environ.get("ATLAS_TILES_MAX_ZOOM", 19))
TILES_ATTRIBUTION_HTML = (
    f'<a href="{html.escape(ATLAS_TILES_ATTRIBUTION_URL)}">{html.escape(ATLAS_TILES_ATTRIBUTION)}</a>'
    if ATLAS_TILES_ATTRIBUTION_URL else html.escape(ATLAS_TILES_ATTRIBUTION))
# Show the offline Ortsteil base until the visitor agrees once to load tiles from the (external) provider.
ATLAS_TILES_CONSENT = env_bool("ATLAS_TILES_CONSENT", False)
# Entries per page of the directory's list beside the map ("more" shows the next ones); the map
# itself shows every match at once (atlas/directory/api/map_layer.py).
ATLAS_DIRECTORY_LIST_PAGE_SIZE = 50

LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (52.535, 13.18),
    "DEFAULT_ZOOM": 12,
    "MIN_ZOOM": 10,
    "MAX_ZOOM": 19,  # markercluster needs a maxZoom
    "SPATIAL_EXTENT": (13.10, 52.39, 13.30, 52.60),
    # The admin's map widget (django-leaflet) draws on the same street map.
    "TILES": [("Straßenkarte", ATLAS_TILES_URL,
               {"attribution": TILES_ATTRIBUTION_HTML, "maxZoom": ATLAS_TILES_MAX_ZOOM})],
    "RESET_VIEW": False,
}


REST_FRAMEWORK = {
    # Our throttles ask common.clients; DRF's own client address (any throttle added without it) agrees.
    "NUM_PROXIES": ATLAS_TRUSTED_PROXIES,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    # ?format= is an ordinary (ignored) parameter; the few views that document it read it themselves
    # (common.api.views.FormatNegotiation), so an unknown format is never DRF's undocumented 404.
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MigrAktiv Atlas API",
    "DESCRIPTION": "Open data of the community atlas of Berlin-Spandau.",
    "VERSION": "1.0.0",
    # Served from our own static files so the documentation works offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "common.api.schema.empty_means_absent"],
}

# Content-Security-Policy: no inline script. A nonce enters the header only on pages that ask for
# one (django-leaflet's admin map widget); the public pages never do.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # The street map's tiles: their host, taken from ATLAS_TILES_URL (none when they come from here).
        "img-src": [SELF, "data:", *filter(None, [tile_origin(ATLAS_TILES_URL)])],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

SECURE_CONTENT_TYPE_NOSNIFF = True
# Only the embed views (directory) may be framed; they opt out explicitly.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "filters": {"cache_outage": {"()": "common.cache.CacheOutageFilter"}},
    "loggers": {"django_redis.cache": {"filters": ["cache_outage"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Debian 12's GDAL 3.6 triggers gis.W001 (GDAL < 3.9) on every command; nothing newer exists there.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]

# --- Geocoding (atlas/geocoding, docs/geocoding.md) -------------------------------------------------
# Providers asked in order. "gazetteer" is offline (official address list + named places); online:
# "nominatim", "photon", "selfhosted" (Nominatim- or Photon-compatible API at GEOCODER_SELFHOSTED_URL).
ATLAS_GEOCODERS = env_list("ATLAS_GEOCODERS", ["gazetteer"])
# Nominatim's usage policy asks for a User-Agent that identifies the application (with a contact).
NOMINATIM_USER_AGENT = os.environ.get("NOMINATIM_USER_AGENT", "")
NOMINATIM_URL = os.environ.get("NOMINATIM_URL", "https://nominatim.openstreetmap.org")
NOMINATIM_MIN_DELAY = float(os.environ.get("NOMINATIM_MIN_DELAY", 1.0))  # never below 1 s for the public host
PHOTON_URL = os.environ.get("PHOTON_URL", "https://photon.komoot.io")
PHOTON_MIN_DELAY = float(os.environ.get("PHOTON_MIN_DELAY", 1.0))
GEOCODER_SELFHOSTED_URL = os.environ.get("GEOCODER_SELFHOSTED_URL", "")
GEOCODER_SELFHOSTED_API = os.environ.get("GEOCODER_SELFHOSTED_API", "nominatim")  # or "photon"
GEOCODER_SELFHOSTED_MIN_DELAY = float(os.environ.get("GEOCODER_SELFHOSTED_MIN_DELAY", 0.0))
GEOCODER_TIMEOUT = float(os.environ.get("GEOCODER_TIMEOUT", 5))  # seconds per HTTP request
GEOCODER_CACHE_DAYS = 90  # found online answers
GEOCODER_NEGATIVE_CACHE_HOURS = 24  # "not found" online answers; outages are never cached
GEOCODER_API_THROTTLE = os.environ.get("GEOCODER_API_THROTTLE", "30/min")  # GET /api/geocode/ per client
# POST /api/coverage/what-if/ per client (planning/api.py).
COVERAGE_WHAT_IF_THROTTLE = os.environ.get("COVERAGE_WHAT_IF_THROTTLE", "120/min")
# --- end geocoding ----------------------------------------------------------------------------------

# --- Media: uploads of the resources library (atlas/resources) -----------------------------------
# Public downloads go through the resource download view (attachment, nosniff); the media URL is
# served by Django only when DEBUG is on (atlas/events/urls.py), and by nobody in production.
MEDIA_ROOT = BASE_DIR / "var" / "media"
MEDIA_URL = "/media/"
# --- end media ------------------------------------------------------------------------------------

# --- Accounts, public submissions, verification reminders (atlas/accounts, atlas/moderation) -------
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Every spelling of an account's address shares the lockout of its username.
AXES_USERNAME_CALLABLE = "atlas.accounts.backends.lockout_username"
# Sign-up: the confirmation link is valid this long; account mails (links, notes, password resets)
# per hour to one address and from one client (atlas/accounts/limits.py).
ATLAS_EMAIL_CONFIRMATION_DAYS = 3
ATLAS_ACCOUNT_MAILS_PER_ADDRESS = int(os.environ.get("ATLAS_ACCOUNT_MAILS_PER_ADDRESS", 3))
ATLAS_ACCOUNT_MAILS_PER_CLIENT = int(os.environ.get("ATLAS_ACCOUNT_MAILS_PER_CLIENT", 10))
# Spam protection of the public proposal forms, without third-party services: a honeypot field,
# a minimum time between showing and sending the form, and a limit per sender address per hour.
ATLAS_MIN_FILL_SECONDS = float(os.environ.get("ATLAS_MIN_FILL_SECONDS", 3))
ATLAS_MAX_FORM_AGE_SECONDS = 24 * 3600  # a form left open longer is shown again with a fresh timestamp
ATLAS_SUBMISSIONS_PER_HOUR = int(os.environ.get("ATLAS_SUBMISSIONS_PER_HOUR", 5))
# Entries not verified for this long are "stale"; editors get at most one digest mail per interval.
ATLAS_STALE_AFTER_DAYS = 365
ATLAS_REMINDER_INTERVAL_DAYS = 30
# Planners see counts of the needs analysis only from this many organisations on; smaller cells are
# suppressed and small Ortsteile merged (atlas/needs/disclosure.py). Coordinators see exact figures.
ATLAS_MIN_CELL_SIZE = 3
# --- end accounts ---------------------------------------------------------------------------------

# --- Directions to a directory entry (atlas/directory/routes.py) ------------------------------------
# Lists and popups link each entry to walking directions in an external router, opening in a new tab.
# Placeholders: {from} and {to} are "lat,lon" (empty when unknown: no search point, or an entry whose
# point is only approximate), {to_address} the entry's address, URL-encoded (empty when not public).
# The default is OpenStreetMap's directions with the FOSSGIS OSRM foot profile; e.g. Google Maps:
# https://www.google.com/maps/dir/?api=1&origin={from}&destination={to_address}&travelmode=walking
ATLAS_ROUTE_URL = os.environ.get(
    "ATLAS_ROUTE_URL",
    "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route={from};{to}&to={to_address}",
)
if not ATLAS_ROUTE_URL.startswith("https://") or not ("{to}" in ATLAS_ROUTE_URL or "{to_address}" in ATLAS_ROUTE_URL):
    raise ImproperlyConfigured("ATLAS_ROUTE_URL must be an https:// address with {to} or {to_address}")
# --- end directions ---------------------------------------------------------------------------------
# --- Area subscriptions "Neues in meiner Nähe" (atlas/subscriptions) -------------------------------
# The site's address for the links in digests (send_area_digests runs without a request; --base-url
# overrides it), e.g. https://atlas.example.org
ATLAS_SITE_URL = os.environ.get("ATLAS_SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000")
# The confirmation link is valid this long; unconfirmed subscriptions are deleted after it.
ATLAS_SUBSCRIPTION_CONFIRMATION_DAYS = 7
ATLAS_DIGEST_INTERVAL_DAYS = 7  # at most one digest per subscription in this many days
# Subscriptions per client (common.throttling), and confirmation mails per address and day.
ATLAS_SUBSCRIBE_THROTTLE = os.environ.get("ATLAS_SUBSCRIBE_THROTTLE", "5/hour")
ATLAS_SUBSCRIPTION_MAILS_PER_ADDRESS = 3
# --- end area subscriptions ------------------------------------------------------------------------
