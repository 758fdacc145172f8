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


class ViewRestrictionsByPath:
    """Wagtail's ``get_view_restrictions()`` in one query, for a page routed with its ancestors.

    Wagtail first asks for the ancestors, to follow any that is an alias to its original page, and
    then for their restrictions. A page served here was routed from the home page down, so its
    ancestors are already at hand (the root above them is never an alias): when none of them is an
    alias, their restrictions are those on the page's path and its prefixes.
    """

    def get_view_restrictions(self):
        ancestry = [self]
        while ancestry[-1].depth > 2 and hasattr(ancestry[-1], "_cached_parent_obj"):
            ancestry.append(ancestry[-1]._cached_parent_obj)
        if ancestry[-1].depth > 2 or any(page.alias_of_id for page in ancestry):
            return super().get_view_restrictions()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(page__path__in=paths)
