"""A neighbourhood's desk: its reporters' and editors' groups and its review workflow."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Workflow


class Desk(models.Model):
    neighbourhood = models.OneToOneField(
        "cms.NeighbourhoodPage", verbose_name=_("neighbourhood"), on_delete=models.CASCADE, related_name="desk"
    )
    reporters_group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="reporters_desk")
    editors_group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="editors_desk")
    workflow = models.OneToOneField(Workflow, on_delete=models.PROTECT, related_name="desk")

    class Meta:
        verbose_name = _("desk")
        verbose_name_plural = _("desks")

    def __str__(self):
        return self.neighbourhood.title
