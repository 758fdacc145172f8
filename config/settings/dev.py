"""Local development: debug on, a fixed throwaway secret, console e-mail."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
