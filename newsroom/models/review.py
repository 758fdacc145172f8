"""The desk's review step: Wagtail's group approval, except that nobody approves their own writing."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

# Revision content that records scheduling, review comments or Wagtail's bookkeeping rather than
# what readers will read: an editor who schedules or comments has not written the story.
NOT_AUTHORSHIP = {
    "alias_of",
    "content_type",
    "depth",
    "draft_title",
    "expire_at",
    "expired",
    "first_published_at",
    "go_live_at",
    "has_unpublished_changes",
    "last_published_at",
    "latest_revision",
    "latest_revision_created_at",
    "live",
    "live_revision",
    "locale",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
    "owner",
    "path",
    "pk",
    "translation_key",
    "url_path",
    "wagtail_admin_comments",
}
# Enough to find the last change of text in any real review; older history is not consulted.
REVISIONS_CONSULTED = 50


def authored(content: dict) -> dict:
    return {key: value for key, value in content.items() if key not in NOT_AUTHORSHIP}


def author_of_current_text(obj) -> int | None:
    """The user who wrote the newest revision that changed what readers will read."""
    revisions = list(obj.revisions.order_by("-created_at", "-pk").only("content", "user_id")[:REVISIONS_CONSULTED])
    for newer, older in zip(revisions, [*revisions[1:], None], strict=True):
        if older is None or authored(newer.content) != authored(older.content):
            return newer.user_id
    return None


def wrote_latest_revision(obj, user) -> bool:
    return author_of_current_text(obj) == user.pk


class DeskReviewTask(AbstractGroupApprovalTask):
    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if wrote_latest_revision(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        # Checked again at action time: an editor who edits and approves in one go has just
        # written the latest revision, after get_actions offered them the button.
        if action_name == "approve" and wrote_latest_revision(task_state.workflow_state.content_object, user):
            raise PermissionDenied(_("You wrote the latest revision of this story: another editor must approve it."))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("The desk's editors review the story; nobody may approve a revision they wrote.")

    class Meta:
        verbose_name = _("desk review")
        verbose_name_plural = _("desk reviews")
