"""Response headers Django has no setting for: a per-area Content-Security-Policy and Permissions-Policy."""

from csp.middleware import CSPMiddleware
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy of CONTENT_SECURITY_POLICY everywhere, except in the Wagtail admin.

    Wagtail 8's admin still writes inline scripts (inline panels, date pickers) and inline styles,
    so its pages get ADMIN_CSP_REPLACE on top of the strict policy; the public site never does.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(settings.ADMIN_PATH_PREFIX):
            parts.replace = {**(parts.replace or {}), **settings.ADMIN_CSP_REPLACE}
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
