"""A neighbourhood's page: its description, reporters and stories. Stories live under it in the tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from ..pagination import paginate
from .routing import SpecificChildRouting
from .slugs import PersianSlugMixin
from .visibility import ViewRestrictionsByPath


class City(models.TextChoices):
    KARAJ = "karaj", _("Karaj")
    FARDIS = "fardis", _("Fardis")
    KAMALSHAHR = "kamalshahr", _("Kamalshahr")
    MOHAMMADSHAHR = "mohammadshahr", _("Mohammadshahr")
    MAHDASHT = "mahdasht", _("Mahdasht")
    MESHKINDASHT = "meshkindasht", _("Meshkindasht")
    NAZARABAD = "nazarabad", _("Nazarabad")
    HASHTGERD = "hashtgerd", _("Hashtgerd")
    ESHTEHARD = "eshtehard", _("Eshtehard")
    TALEQAN = "taleqan", _("Taleqan")


class NeighbourhoodPage(PersianSlugMixin, SpecificChildRouting, ViewRestrictionsByPath, Page):
    city = models.CharField(_("city"), max_length=20, choices=City.choices, default=City.KARAJ)
    description = models.TextField(_("short description"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("city"), FieldPanel("description")]
    search_fields = [*Page.search_fields, index.SearchField("description")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ArticlePage"]
    template = "pages/neighbourhood_page.html"

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")

    def routable_children(self):
        from .article import ArticlePage

        return ArticlePage.objects.child_of(self).select_related("lead_image", "neighbourhood")

    def get_context(self, request, *args, **kwargs):
        from .article import ArticlePage
        from .reporters import Reporter

        context = super().get_context(request, *args, **kwargs)
        stories = ArticlePage.objects.published().in_neighbourhood(self).latest_first().for_listing()
        context["stories"] = paginate(request, stories)
        context["reporters"] = Reporter.objects.covering(self).with_photo()
        return context
