"""Reporter profiles: the public face of a neighbourhood reporter."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class ReporterQuerySet(models.QuerySet):
    def covering(self, neighbourhood) -> "ReporterQuerySet":
        return self.filter(neighbourhoods=neighbourhood)

    def with_photo(self) -> "ReporterQuerySet":
        return self.select_related("photo").prefetch_related("photo__renditions")


class Reporter(index.Indexed, models.Model):
    display_name = models.CharField(_("display name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reporter_profile",
    )
    photo = models.ForeignKey(
        "cms.Photo", verbose_name=_("photo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField(_("short bio"), max_length=600, blank=True)
    neighbourhoods = models.ManyToManyField(
        "cms.NeighbourhoodPage", verbose_name=_("neighbourhoods"), blank=True, related_name="reporters"
    )

    objects = ReporterQuerySet.as_manager()

    panels = [
        FieldPanel("display_name"),
        FieldPanel("slug"),
        FieldPanel("user"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("neighbourhoods"),
    ]
    search_fields = [index.SearchField("display_name"), index.AutocompleteField("display_name")]

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("neighbourhood reporter")
        verbose_name_plural = _("neighbourhood reporters")

    def __str__(self):
        return self.display_name

    def get_url(self) -> str:
        from .home import HomePage

        return HomePage.listing_url("reporter", self.slug)
