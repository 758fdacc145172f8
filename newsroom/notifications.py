"""Telling the right people what happened to a story: on their dashboard and by e-mail.

Every event comes from Wagtail's own history (a PageLogEntry), so that what people are told and
what the history says never disagree; see `NEWS_OF_LOG_ACTION`.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail.users.models import UserProfile

from cms.models import Reporter

from .models import Desk, Notification, NotificationKind, is_trainee

logger = logging.getLogger(__name__)

NEWS_OF_LOG_ACTION = {
    "wagtail.workflow.start": NotificationKind.SUBMITTED,
    "wagtail.workflow.resume": NotificationKind.SUBMITTED,
    "wagtail.workflow.reject": NotificationKind.CHANGES_REQUESTED,
    "wagtail.workflow.approve": NotificationKind.APPROVED,
    "wagtail.publish.schedule": NotificationKind.SCHEDULED,
    "wagtail.publish": NotificationKind.PUBLISHED,
    "wagtail.publish.scheduled": NotificationKind.PUBLISHED,
}


def desk_editors_of(page: Page):
    desks = Desk.objects.filter(neighbourhood__in=page.get_ancestors(inclusive=True))
    return get_user_model().objects.filter(groups__editors_desk__in=desks)


def reporters_of(page: Page):
    """The story's owner and the people on its byline."""
    byline = Reporter.objects.filter(stories=page.pk, user__isnull=False).values("user")
    return get_user_model().objects.filter(pk__in=byline) | get_user_model().objects.filter(pk=page.owner_id)


def recipients_for(kind: str, page: Page):
    if kind == NotificationKind.SUBMITTED:
        return desk_editors_of(page)
    return reporters_of(page)


def notify(*, kind: str, page: Page, actor=None, note: str = "") -> list[Notification]:
    """Records the news on each recipient's dashboard and e-mails them once the change is committed.

    The person who acted is never told about their own action. The desk is told when a submission
    comes from a trainee, whose stories need the closer read.
    """
    recipients = recipients_for(kind, page).filter(is_active=True).distinct()
    if actor is not None:
        recipients = recipients.exclude(pk=actor.pk)
    from_trainee = kind == NotificationKind.SUBMITTED and is_trainee(actor)
    notifications = [
        Notification.objects.create(
            recipient=user, kind=kind, page=page, actor=actor, note=note, from_trainee=from_trainee
        )
        for user in recipients
    ]
    transaction.on_commit(lambda: [email(notification) for notification in notifications])
    return notifications


def email(notification: Notification) -> None:
    user = notification.recipient
    if not user.email:
        return
    language = UserProfile.get_for_user(user).get_preferred_language()
    with translation.override(language):
        context = {
            "notification": notification,
            "page": notification.page.specific,
            "edit_url": settings.WAGTAILADMIN_BASE_URL + (AdminURLFinder(user).get_edit_url(notification.page) or ""),
        }
        subject = render_to_string("newsroom/email/subject.txt", context).strip()
        body = render_to_string("newsroom/email/body.txt", context)
    try:
        send_mail(subject, body, None, [user.email])
    except OSError:
        # The dashboard already holds the news; a mail server being down must not undo an approval.
        logger.exception("Could not e-mail notification %s to user %s", notification.pk, user.pk)


def notify_from_history(log_entry) -> None:
    kind = NEWS_OF_LOG_ACTION.get(log_entry.action)
    if kind is None or log_entry.page_id is None:
        return
    note = (log_entry.data or {}).get("comment", "") if kind == NotificationKind.CHANGES_REQUESTED else ""
    notify(kind=kind, page=log_entry.page, actor=log_entry.user, note=note)
