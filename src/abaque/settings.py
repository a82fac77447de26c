"""Settings read from environment variables, with defaults that work on a
fresh checkout: SQLite in the data directory, one process, no internet.

ABAQUE_DATA_DIR   where the database, uploads and the secret key live (see default_data_dir)
DATABASE_URL      postgres://user:password@host:port/name to use PostgreSQL
REDIS_URL         redis://host:port/0 to share live updates between workers
ABAQUE_DEBUG      1 to show Django's debug pages
ABAQUE_ALLOWED_HOSTS  extra host names, comma separated
ABAQUE_PUBLIC_URL, ABAQUE_BEHIND_PROXY, ABAQUE_HSTS_SECONDS, ABAQUE_SSL_REDIRECT
                  HTTPS behind a reverse proxy (see https_settings)
EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS,
EMAIL_USE_SSL, DEFAULT_FROM_EMAIL   the SMTP server that sends reports
ABAQUE_SCHEDULER  0 to keep the online phases' e-mails and erasures from running in this process
"""

import os
import secrets
from pathlib import Path
from urllib.parse import unquote, urlsplit

from abaque.files import private_dir, write_private
from abaque.network import local_addresses


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    return env(name, "1" if default else "0").lower() in ("1", "true", "yes", "on")


def env_list(name):
    return [part.strip() for part in env(name).split(",") if part.strip()]


def database_from_url(url):
    """postgres://user:password@host:port/name → a Django DATABASES entry."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"DATABASE_URL: unsupported scheme {parts.scheme!r}")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": 0,
        "TEST": {"NAME": "test_" + unquote(parts.path.lstrip("/"))},
    }


def secret_key(data_dir):
    """From the environment, else generated once into the data directory."""
    if env("SECRET_KEY"):
        return env("SECRET_KEY")
    path = data_dir / "secret_key"
    if not path.exists():
        write_private(path, secrets.token_urlsafe(50))
    return path.read_text().strip()


def default_data_dir(package_dir):
    """Stable whatever the current folder: data/ of the source checkout that
    holds the package (where `make run` has always kept it), else the user's
    data folder (~/.local/share/abaque) for an installed package."""
    checkout = Path(package_dir).resolve().parents[1]
    if (checkout / "pyproject.toml").exists():
        return checkout / "data"
    return Path(env("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "abaque"


def https_settings(public_url, behind_proxy):
    """The settings for a server reached at ABAQUE_PUBLIC_URL (e.g.
    https://abaque.parc.fr), possibly through a reverse proxy that ends TLS.
    Without it, the laptop serves plain HTTP on the hall's Wi-Fi."""
    parts = urlsplit(public_url) if public_url else None
    if parts and (parts.scheme not in ("http", "https") or not parts.hostname):
        raise ValueError(f"ABAQUE_PUBLIC_URL: expected https://host, got {public_url!r}")
    https = bool(parts) and parts.scheme == "https"
    return {
        "PUBLIC_HOSTS": [parts.hostname] if parts else [],
        "CSRF_TRUSTED_ORIGINS": [f"{parts.scheme}://{parts.netloc}"] if parts else [],
        # Only a proxy that sets this header itself may be trusted with it.
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https") if behind_proxy else None,
        # The proxy appends the client's address to X-Forwarded-For: the
        # per-address limits count that, not the proxy's own address.
        "ABAQUE_BEHIND_PROXY": bool(behind_proxy),
        "SESSION_COOKIE_SECURE": https,
        "CSRF_COOKIE_SECURE": https,
        "LANGUAGE_COOKIE_SECURE": https,
        "SECURE_SSL_REDIRECT": https and env_bool("ABAQUE_SSL_REDIRECT", True),
        "SECURE_HSTS_SECONDS": int(env("ABAQUE_HSTS_SECONDS", "31536000")) if https else 0,
        "SECURE_REFERRER_POLICY": "same-origin",
    }


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = private_dir(Path(env("ABAQUE_DATA_DIR") or default_data_dir(BASE_DIR)).expanduser().resolve())
(DATA_DIR / "static").mkdir(exist_ok=True)  # WhiteNoise expects STATIC_ROOT to exist

SECRET_KEY = secret_key(DATA_DIR)
DEBUG = env_bool("ABAQUE_DEBUG")
# The laptop is the server: phones reach it by its addresses on the local network.
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", *local_addresses(), *env_list("ABAQUE_ALLOWED_HOSTS")]

INSTALLED_APPS = [
    "abaque.accounts",
    "abaque.meetings",
    "abaque.live",
    "abaque.debate",
    "abaque.online",
    "abaque.reports",
    "abaque.plans",
    "abaque.transfer",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "channels",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "abaque.middleware.ContentSecurityPolicyMiddleware",
    "abaque.body_limit.BodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The facilitator's language (menu switch, then the browser's); pages a
    # séance's participants see switch to the séance's own language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "abaque.middleware.CleanInputMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every view needs a login, except those marked @login_not_required
    # (phones, the first account, invitations, password reset).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "abaque.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "abaque.online.scheduler.SchedulerMiddleware",
]

ONLINE_SCHEDULER = env_bool("ABAQUE_SCHEDULER", True)

ROOT_URLCONF = "abaque.urls"
ASGI_APPLICATION = "abaque.asgi.application"

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
                "abaque.context_processors.scale",
                "abaque.accounts.context_processors.structure",
                "abaque.meetings.context_processors.meeting_access",
            ],
            # Project-wide tag libraries (abaque is not an app of its own).
            "libraries": {
                "abaque": "abaque.templatetags.abaque",
                "sockets": "abaque.templatetags.sockets",
            },
        },
    },
]


def sqlite_database(path):
    """A vote is acknowledged only once committed: WAL with synchronous=FULL
    survives a SIGKILL; IMMEDIATE takes the write lock up front so that
    concurrent writers wait (busy timeout) instead of failing."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        },
    }


DATABASES = {
    "default": database_from_url(env("DATABASE_URL"))
    if env("DATABASE_URL")
    else sqlite_database(DATA_DIR / "abaque.sqlite3")
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env("REDIS_URL"):
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [env("REDIS_URL")]},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# The throttles' counters (abaque/throttle.py): shared by all workers through
# Redis when there is one, else in this process's memory.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}
    if env("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "meetings:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
# The project's own files; each app has its catalogue in <app>/locale
# (made by `make messages`, see abaque/messages.py).
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the menu's choice is remembered for a year
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True  # no collectstatic step for `make run`
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024  # audio recordings of a debate

SESSION_COOKIE_HTTPONLY = True
_https = https_settings(env("ABAQUE_PUBLIC_URL"), env_bool("ABAQUE_BEHIND_PROXY"))
ALLOWED_HOSTS += _https.pop("PUBLIC_HOSTS")
globals().update(_https)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "abaque@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
