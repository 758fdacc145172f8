"""Settings shared by every environment, read from the environment with safe local defaults."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "cms",
    "newsroom",
    "search",
    "pagecache",
    "hardening",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
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
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Compresses text for browsers that take gzip; the page cache compresses a page it keeps once,
    # when it keeps it (pagecache/compression.py).
    "pagecache.compression.TextGZipMiddleware",
    # So that a kept page carries every header below; pagecache/front.py answers cached pages.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "hardening.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hardening.middleware.SiteCSPMiddleware",
    "cms.sites.KnownSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "hardening.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After CSRF, authentication and messages: keeps editor posts that arrive after the session ended.
    "newsroom.relogin.KeepWorkAcrossLoginMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cms.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters sent apart from the SQL, so that psycopg prepares a query once the connection has run
    # it DATABASE_PREPARE_THRESHOLD times and PostgreSQL plans it once: planning a story page's read
    # took it 1.3 ms, running it 0.2 ms. A pooler in transaction mode needs prepared statements off
    # (DATABASE_PREPARE_THRESHOLD=off) unless it tracks them (PgBouncer 1.21+, max_prepared_statements).
    prepare_threshold = os.environ.get("DATABASE_PREPARE_THRESHOLD", "5")
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": True,
        "prepare_threshold": None if prepare_threshold == "off" else int(prepare_threshold),
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(location: str, key_prefix: str, *, ignore_exceptions: bool) -> dict:
    """A django-redis cache that gives up quickly when Redis does not answer. With
    ``ignore_exceptions`` it then behaves as empty (logged); without, callers handle the errors."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1, "IGNORE_EXCEPTIONS": ignore_exceptions},
    }


# While Redis is down the site keeps answering: the default cache (navigation, sites, locks) acts
# as empty, and the page cache renders every page (pagecache/front.py) and logs its failed purges.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if REDIS_URL:
    CACHES = {
        "default": redis_cache(REDIS_URL, "mahalleh", ignore_exceptions=True),
        "pages": redis_cache(REDIS_URL, "mahalleh-pages", ignore_exceptions=False),
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Persian first: Persian pages live at "/", English UI at "/en/" (see config/urls.py).
LANGUAGE_CODE = "fa"
LANGUAGES = [("fa", _("Persian")), ("en", _("English"))]
# locale/ holds the project's own strings (refreshed by `make messages`); locale/upstream/ holds
# Persian for Wagtail's and Django's strings that their catalogues lack or word differently from the
# glossary. It overrides theirs, and makemessages never touches it (none of the project's source
# files belongs to it), so these msgids are not dropped as obsolete.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "upstream"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Tehran"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    # FileSystemStorage on a disk every app server shares (README "Deployment"), or an object store
    # through a package such as django-storages named here.
    "default": {"BACKEND": os.environ.get("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")},
    # Hashed names (cacheable for a year) and gzip/Brotli copies, served by WhiteNoise or nginx.
    "staticfiles": {"BACKEND": "config.static_storage.StaticStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Mahalleh <newsroom@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

WAGTAIL_SITE_NAME = "محله"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fa", "فارسی"), ("en", "English")]
WAGTAILADMIN_USER_LOGIN_FORM = "newsroom.forms.LoginForm"
# Wagtail's database backend for the editors' admin search, kept fast at scale by search/admin_search.py.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.admin_search"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "csv", "txt"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "heic", "heif"]

# One slug rule for pages and tags (cms/slugs.py); taggit calls it through cms.Tag.
TAGGIT_CASE_INSENSITIVE = True

STORIES_PER_PAGE = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"django.server": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
VIDEO_HOSTS = ["www.aparat.com", "aparat.com", "www.youtube.com", "youtube.com", "m.youtube.com", "youtu.be"]
WAGTAILIMAGES_IMAGE_MODEL = "cms.Photo"
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

# --- Reaching readers: feeds, sitemaps and the read API (cms/feeds.py, cms/sitemaps.py, cms/api.py) ---
INSTALLED_APPS += ["django.contrib.sitemaps"]  # its sitemap.xml and sitemap_index.xml templates
# One sitemap file holds at most this many URLs (the sitemaps.org limit); past it sitemap.xml is an index.
SITEMAP_MAX_URLS = 50_000
# Requests one client (IP address, or account when signed in) may make to /api/v2/; DRF rate syntax.
READ_API_THROTTLE_RATE = os.environ.get("READ_API_THROTTLE_RATE", "120/minute")
# --- Photos (issue 5): intake limits, private originals, renditions, storage, background tasks ---
PHOTO_MAX_UPLOAD_BYTES = int(os.environ.get("PHOTO_MAX_UPLOAD_MB", "20")) * 1024 * 1024
PHOTO_MAX_PIXELS = int(os.environ.get("PHOTO_MAX_MEGAPIXELS", "40")) * 1_000_000
PHOTO_MAX_SIDE = int(os.environ.get("PHOTO_MAX_SIDE", "12000"))
PHOTO_MAX_ASPECT_RATIO = int(os.environ.get("PHOTO_MAX_ASPECT_RATIO", "20"))
PHOTO_LONG_SIDE = int(os.environ.get("PHOTO_LONG_SIDE", "2560"))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = PHOTO_MAX_UPLOAD_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = PHOTO_MAX_PIXELS
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.photos.forms.PhotoForm"
# Renditions go to the public media storage; originals to a storage that has no public URL.
WAGTAILIMAGES_RENDITION_STORAGE = "default"
WAGTAILIMAGES_JPEG_QUALITY = 80
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILIMAGES_AVIF_QUALITY = 60
PHOTO_ORIGINALS_ROOT = Path(os.environ.get("PHOTO_ORIGINALS_ROOT", BASE_DIR / "var" / "photo-originals"))
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    # S3-compatible object storage shared by every app server (see README, "Media storage").
    _s3_options = {
        "bucket_name": MEDIA_S3_BUCKET,
        "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("MEDIA_S3_REGION") or None,
        "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3_options, "location": "media", "querystring_auth": False},
    }
    STORAGES["photo_originals"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3_options, "custom_domain": None, "location": "photo-originals", "default_acl": "private"},
    }
else:
    STORAGES["photo_originals"] = {
        "BACKEND": "cms.photos.storages.PrivateFileSystemStorage",
        # A string: Wagtail hands storage options to background tasks, which take JSON only.
        "OPTIONS": {"location": str(PHOTO_ORIGINALS_ROOT)},
    }
# "immediate" runs tasks inside the request (development, tests); "database" queues them for
# `manage.py db_worker` (production), so that publishing and uploading never wait for renditions.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}
# Public search (search/): Elasticsearch when ELASTICSEARCH_URL is set, else the embedded tantivy index.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "mahalleh")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "5"))
ELASTICSEARCH_REPLICAS = int(os.environ.get("ELASTICSEARCH_REPLICAS", "0"))
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND") or (
    "search.backends.elasticsearch.ElasticsearchBackend"
    if ELASTICSEARCH_URL
    else "search.backends.embedded.EmbeddedBackend"
)
SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR", BASE_DIR / "var" / "search-index"))
# Processes that build documents during `search_index rebuild`; 0 means one per CPU (at most 4).
SEARCH_INDEX_WORKERS = int(os.environ.get("SEARCH_INDEX_WORKERS", "0"))
# --- Page cache (pagecache/, README "Page cache") ---
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", str(24 * 3600)))
PAGE_CACHE_LISTING_PAGES = 10  # ?page=N is cached up to here; deeper archive pages render fresh
# Readers asking for a page that another reader is rendering wait this long for it (pagecache/front.py).
PAGE_CACHE_RENDER_WAIT = float(os.environ.get("PAGE_CACHE_RENDER_WAIT", "10"))
# The read and search APIs answer per client (throttling), so they are never shared from the cache.
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/documents/", "/static/", "/media/", "/api/", "/newsroom/"]
PAGE_CACHE_BROWSER_MAX_AGE = int(os.environ.get("PAGE_CACHE_BROWSER_MAX_AGE", "0"))
# Raise only with a front-end purge (WAGTAILFRONTENDCACHE) configured: until then nginx or a CDN
# must revalidate (a 304 by ETag is cheap) so that an unpublished story is never served.
PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", "0"))
# Feeds and sitemaps to purge with the listing they follow; "{url}" is the listing's URL, "{slug}"
# its slug. Adding a feed is one line here.
PAGE_CACHE_FEEDS = {
    "site": ["/sitemap.xml", "/news-sitemap.xml", "/feeds/rss/", "/feeds/atom/"],
    "neighbourhood": ["/feeds/neighbourhoods/{slug}/rss/", "/feeds/neighbourhoods/{slug}/atom/"],
    "topic": ["/feeds/topics/{slug}/rss/", "/feeds/topics/{slug}/atom/"],
    "tag": [],
    "reporter": ["/feeds/reporters/{slug}/rss/", "/feeds/reporters/{slug}/atom/"],
}

# --- Hardening (hardening/, README "Production checklist") ---
ADMIN_PATH_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *env_list("CSP_MEDIA_ORIGINS")],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The admin previews pages in a same-origin frame; nobody else may frame the site.
        "frame-ancestors": ["'self'"],
    }
}
ADMIN_CSP_REPLACE = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *env_list("CSP_MEDIA_ORIGINS")],
}
PERMISSIONS_POLICY_DENIED = ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its preview views SAMEORIGIN itself
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # pages load nothing from third-party hosts, the admin neither

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 14 * 24 * 3600

AUTHENTICATION_BACKENDS = ["hardening.backends.LockoutBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
# Locked per username from one address, and per address whatever the username, so guessing many
# passwords or many accounts from one place both stop; nobody can lock an editor out from afar.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "hardening/lockout.html"
# Behind nginx (TRUSTED_PROXY_COUNT=1) the reader's address is in X-Forwarded-For; without a proxy
# that header is the client's to forge, so only the socket's address counts.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT or None
# The read API's throttle must see the reader's own address too.
REST_FRAMEWORK = {"NUM_PROXIES": TRUSTED_PROXY_COUNT}
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if TRUSTED_PROXY_COUNT else ["REMOTE_ADDR"]

# Two-factor (hardening/two_factor.py on django-otp): available to everyone in the admin, and
# required of members of these groups (README "Two-factor authentication").
TWO_FACTOR_REQUIRED_GROUPS = env_list("TWO_FACTOR_REQUIRED_GROUPS", "Moderators")
OTP_TOTP_ISSUER = "Mahalleh"
TWO_FACTOR_ENFORCED = env_bool("TWO_FACTOR_ENFORCED", False)
