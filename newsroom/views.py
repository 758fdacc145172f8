"""The invitation form in the admin, and the one-time page where an invited reporter sets a password."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.shortcuts import redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from .forms import InviteReporterForm
from .onboarding import invite_reporter, require_editor_in_chief


def invite_reporter_view(request):
    require_editor_in_chief(request.user)
    form = InviteReporterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        reporter = invite_reporter(
            actor=request.user,
            email=data["email"],
            display_name=data["display_name"],
            slug=data["username"],
            neighbourhoods=data["neighbourhoods"],
            status=data["status"],
        )
        messages.success(request, _("%(name)s is invited; the link is on its way.") % {"name": reporter.display_name})
        return redirect("newsroom_invite")
    return render(request, "newsroom/invite.html", {"form": form})


def invited_user(uidb64: str, token: str):
    try:
        user = get_user_model().objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        return None
    if user.is_active and default_token_generator.check_token(user, token):
        return user
    return None


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def welcome_view(request, uidb64: str, token: str):
    user = invited_user(uidb64, token)
    if user is None:
        return render(request, "newsroom/welcome.html", {"invalid": True}, status=404)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your password is set. Log in with your username and new password."))
        return redirect("wagtailadmin_login")
    return render(request, "newsroom/welcome.html", {"form": form, "user": user})
