"""The pending-changes queue: index updates recorded in the database, applied in order, kept on failure."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingChange(models.Model):
    class Action(models.TextChoices):
        INDEX = "index", _("index")
        DELETE = "delete", _("delete")

    # Not a foreign key: a deleted story still has to be removed from the index.
    story_id = models.PositiveBigIntegerField(_("story id"), db_index=True)
    action = models.CharField(_("action"), max_length=6, choices=Action.choices)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("pending search change")
        verbose_name_plural = _("pending search changes")

    def __str__(self):
        return f"{self.action} {self.story_id}"
