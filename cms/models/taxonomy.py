"""Topics chosen by editors and free tags typed by reporters."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from ..persian import normalise_letters, persian_slugify


class Topic(models.Model):
    name_fa = models.CharField(_("Persian name"), max_length=80, unique=True)
    name_en = models.CharField(_("English name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name_fa"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if translation.get_language() == "en" else self.name_fa

    def get_url(self) -> str:
        from .home import HomePage

        return HomePage.listing_url("topic", self.slug)


def tag_name(text: str) -> str:
    """The stored form of a tag name: letter variants folded, outer spaces trimmed."""
    return normalise_letters(text).strip()


class Tag(TagBase):
    """A free tag. Its name is stored with letter variants folded, so «كتاب» and «کتاب» are one tag;
    taggit gives two different names that slugify alike distinct slugs (suffix _1, _2, ...)."""

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def save(self, *args, **kwargs):
        self.name = tag_name(self.name)
        super().save(*args, **kwargs)

    def slugify(self, tag, i=None):
        slug = persian_slugify(tag)
        return f"{slug}_{i}" if i is not None else slug

    def get_url(self) -> str:
        from .home import HomePage

        return HomePage.listing_url("tag", self.slug)


class _PersianTagManager(_ClusterTaggableManager):
    def _to_tag_model_instances(self, tags, tag_kwargs):
        tags = [tag_name(tag) if isinstance(tag, str) else tag for tag in tags]
        return super()._to_tag_model_instances(tags, tag_kwargs)


class PersianTaggableManager(ClusterTaggableManager):
    """Looks typed tags up by their stored form, so «كتاب» finds the existing tag «کتاب» instead of
    creating a second tag whose name then collides with it. (modelcluster ignores ``manager=``.)"""

    def __get__(self, instance, model):
        return _PersianTagManager(through=self.through, model=model, instance=instance, prefetch_cache_name=self.name)


class ArticleTag(ItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = ParentalKey("cms.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")
