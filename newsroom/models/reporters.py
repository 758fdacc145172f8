"""A reporter's standing in the newsroom (trainee, active, suspended) and their training record."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class ReporterStatus(models.TextChoices):
    TRAINEE = "trainee", _("trainee")
    ACTIVE = "active", _("active")
    SUSPENDED = "suspended", _("suspended")


class ReporterAccountQuerySet(models.QuerySet):
    def trainees(self) -> "ReporterAccountQuerySet":
        return self.filter(status=ReporterStatus.TRAINEE)

    def of_users(self, users) -> "ReporterAccountQuerySet":
        return self.filter(reporter__user__in=users)


class ReporterAccount(ClusterableModel):
    reporter = models.OneToOneField(
        "cms.Reporter", verbose_name=_("neighbourhood reporter"), on_delete=models.CASCADE, related_name="account"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReporterStatus.choices, default=ReporterStatus.TRAINEE
    )
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)

    objects = ReporterAccountQuerySet.as_manager()

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


def trainee_user_ids(user_ids) -> set[int]:
    """Which of these logins belong to trainee reporters, in one query."""
    accounts = ReporterAccount.objects.trainees().of_users(user_ids)
    return set(accounts.values_list("reporter__user_id", flat=True))


def is_trainee(user) -> bool:
    return user is not None and user.pk is not None and ReporterAccount.objects.trainees().of_users([user]).exists()
