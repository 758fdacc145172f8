"""Bringing reporters in and changing their standing: invitations with a one-time link, status."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from cms.models import Reporter

from .models import ReporterAccount, ReporterStatus
from .roles import is_editor_in_chief

ADMIN_LANGUAGE = "fa"


def require_editor_in_chief(actor) -> None:
    if not is_editor_in_chief(actor):
        raise PermissionDenied


def welcome_url(user) -> str:
    """A link that lets ``user`` set their password once: Django's reset token changes with the password."""
    path = reverse(
        "newsroom:welcome",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL + path


@transaction.atomic
def invite_reporter(
    *, actor, email: str, display_name: str, slug: str, neighbourhoods, status: str = ReporterStatus.TRAINEE
) -> Reporter:
    """Creates the reporter's login (no password yet), profile and account, and e-mails the link."""
    require_editor_in_chief(actor)
    user = get_user_model().objects.create_user(username=slug, email=email, first_name=display_name)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = ADMIN_LANGUAGE
    profile.save(update_fields=["preferred_language"])
    reporter = Reporter.objects.create(display_name=display_name, slug=slug, user=user)
    reporter.neighbourhoods.set(neighbourhoods)
    ReporterAccount.objects.create(reporter=reporter, status=status, invited_at=timezone.now())
    log(instance=reporter, action="newsroom.invite", user=actor, data={"email": email})
    link = welcome_url(user)
    transaction.on_commit(lambda: send_invitation(user=user, reporter=reporter, link=link))
    return reporter


def send_invitation(*, user, reporter: Reporter, link: str) -> None:
    with translation.override(ADMIN_LANGUAGE):
        context = {"reporter": reporter, "link": link, "username": user.get_username()}
        subject = render_to_string("newsroom/email/invitation_subject.txt", context).strip()
        body = render_to_string("newsroom/email/invitation_body.txt", context)
    send_mail(subject, body, None, [user.email])


@transaction.atomic
def set_reporter_status(*, actor, account: ReporterAccount, status: str) -> ReporterAccount:
    """A suspended reporter cannot log in; their stories, live or draft, stay where they are."""
    require_editor_in_chief(actor)
    account.status = status
    account.save(update_fields=["status"])
    user = account.reporter.user
    if user is not None:
        user.is_active = status != ReporterStatus.SUSPENDED
        user.save(update_fields=["is_active"])
    log(instance=account.reporter, action="newsroom.status", user=actor, data={"status": status})
    return account
