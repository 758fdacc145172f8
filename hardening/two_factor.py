"""Two-factor authentication for the Wagtail admin on django-otp: a time-based code (TOTP) app.

Anyone may add a device from their account menu; once they have one, every admin session must
pass the code step. Superusers and members of TWO_FACTOR_REQUIRED_GROUPS must add one when
TWO_FACTOR_ENFORCED is on (production's default).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django_otp import user_has_device

VERIFY_URL_NAME = "two_factor_verify"
SETUP_URL_NAME = "two_factor_setup"
OPEN_URL_NAMES = {
    VERIFY_URL_NAME,
    SETUP_URL_NAME,
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
}


def must_use_two_factor(user) -> bool:
    if not settings.TWO_FACTOR_ENFORCED:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()


class TwoFactorMiddleware:
    """Sends a signed-in admin user to the code step, or to device setup when they must have one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.redirect_if_unverified(request) or self.get_response(request)

    def redirect_if_unverified(self, request):
        user = request.user
        if not user.is_authenticated or not request.path.startswith(settings.ADMIN_PATH_PREFIX):
            return None
        if user.is_verified() or request.path in {reverse(name) for name in OPEN_URL_NAMES}:
            return None
        if user_has_device(user, confirmed=True):
            step = VERIFY_URL_NAME
        elif must_use_two_factor(user):
            step = SETUP_URL_NAME
        else:
            return None
        return HttpResponseRedirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
