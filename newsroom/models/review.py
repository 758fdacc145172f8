"""The desk's review step: Wagtail's group approval, except that nobody approves their own revision."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


def wrote_latest_revision(obj, user) -> bool:
    revision = obj.get_latest_revision()
    return revision is not None and revision.user_id == user.pk


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
