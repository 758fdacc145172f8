"""The admin's two-factor screens: the code step after login, and adding an authenticator app."""

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.auth import require_admin_access


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, devices, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.device = next((device for device in self.devices if device.verify_token(code)), None)
        if self.device is None:
            raise forms.ValidationError(_("That code is not right or has expired. Enter the code your app shows now."))
        return code


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return url if safe else "/admin/"


@never_cache
@sensitive_post_parameters("code")
@login_required
def verify(request):
    form = CodeForm(request.POST or None, devices=list(devices_for_user(request.user, confirmed=True)))
    if form.is_valid():
        otp_login(request, form.device)
        return HttpResponseRedirect(_next_url(request))
    return render(request, "hardening/two_factor_verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@sensitive_post_parameters("code")
@require_admin_access
def setup(request):
    """Add an authenticator app: the secret is kept unconfirmed until the user enters a code from it."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=str(_("Authenticator app")), confirmed=False)
    form = CodeForm(request.POST or None, devices=[device])
    if form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return HttpResponseRedirect(_next_url(request))
    picture = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return render(
        request,
        "hardening/two_factor_setup.html",
        {"form": form, "qr_svg": picture.to_string(encoding="unicode"), "next": _next_url(request)},
    )
