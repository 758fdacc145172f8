"""Login lockout (django-axes) for every login made over HTTP."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check, skipped for logins with no request (management commands, the test
    client's ``login``): only a login over HTTP can be rate limited, and every HTTP login form in
    Django and Wagtail passes its request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
