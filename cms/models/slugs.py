"""Applies the one Persian slug rule (cms/persian.py) to every page type, its admin form and every route."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from ..persian import persian_slugify


class PersianSlugFormField(forms.SlugField):
    """Normalises before validating: a half-space typed in the admin's slug field is not a valid
    slug character, but it is a normal part of Persian words, so it becomes a hyphen, not an error."""

    def to_python(self, value):
        return persian_slugify(super().to_python(value))


class PersianSlugPageForm(WagtailAdminPageForm):
    # Extends Wagtail's Meta: a bare Meta would drop its formfield_callback, and with it the admin's
    # widgets for every field (image chooser, tag widget, date pickers).
    class Meta(WagtailAdminPageForm.Meta):
        field_classes = {"slug": PersianSlugFormField}


class PersianSlugMixin:
    """Normalises the slug however the admin's JavaScript produced it, and normalises incoming
    path components the same way, so a URL typed with Arabic letters or a half-space still routes."""

    base_form_class = PersianSlugPageForm

    def full_clean(self, *args, **kwargs):
        self.slug = persian_slugify(self.slug or self.title)
        super().full_clean(*args, **kwargs)

    def route(self, request, path_components):
        return super().route(request, [persian_slugify(component) for component in path_components])
