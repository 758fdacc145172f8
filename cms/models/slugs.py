"""Applies the one Persian slug rule (cms/persian.py) to every page type and every route."""

from ..persian import persian_slugify


class PersianSlugMixin:
    """Normalises the slug however the admin's JavaScript produced it, and normalises incoming
    path components the same way, so a URL typed with Arabic letters or a half-space still routes."""

    def full_clean(self, *args, **kwargs):
        self.slug = persian_slugify(self.slug or self.title)
        super().full_clean(*args, **kwargs)

    def route(self, request, path_components):
        return super().route(request, [persian_slugify(component) for component in path_components])
