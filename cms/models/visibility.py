"""Who may see a page: live and not behind a view restriction on itself or an ancestor."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def publicly_visible() -> Q:
    """A filter equivalent to Wagtail's ``live().public()``, as one SQL condition.

    ``PageQuerySet.public()`` runs a query for the restrictions each time it is called; a page
    shows several lists, so this correlated subquery keeps the count fixed and low.
    """
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return Q(live=True) & ~Q(Exists(restricted))
