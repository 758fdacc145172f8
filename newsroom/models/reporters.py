"""A reporter's standing in the newsroom (trainee, active, suspended) and their training record."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class ReporterStatus(models.TextChoices):
    TRAINEE = "trainee", _("trainee")
    ACTIVE = "active", _("active")
    SUSPENDED = "suspended", _("suspended")


class ReporterAccount(ClusterableModel):
    reporter = models.OneToOneField(
        "cms.Reporter", verbose_name=_("neighbourhood reporter"), on_delete=models.CASCADE, related_name="account"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReporterStatus.choices, default=ReporterStatus.TRAINEE
    )
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reporter account")
        verbose_name_plural = _("reporter accounts")
        ordering = ["reporter__display_name"]

    def __str__(self):
        return str(self.reporter)


class TrainingRecord(models.Model):
    account = ParentalKey(ReporterAccount, on_delete=models.CASCADE, related_name="training")
    course = models.CharField(_("training course"), max_length=200)
    completed_on = models.DateField(_("completion date"))
    note = models.TextField(_("note"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-completed_on"]
        verbose_name = _("training course")
        verbose_name_plural = _("training")

    def __str__(self):
        return self.course
