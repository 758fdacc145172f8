"""Who may see a page: live and not behind a view restriction on itself or an ancestor."""

from django.db.models import BooleanField, F, Func, Q
from wagtail.models import Page, PageViewRestriction


class Unrestricted(Func):
    """Whether no view restriction is on the page at this path or on an ancestor (whose path is a
    prefix of it), as one correlated subquery.

    Written as SQL around the path column: built with the ORM, the same subquery took Django half a
    millisecond to build and compile each time, and a page filters several lists with it.
    """

    template = (
        f"NOT EXISTS (SELECT 1 FROM {PageViewRestriction._meta.db_table} restriction"
        f" JOIN {Page._meta.db_table} restricted ON restricted.id = restriction.page_id"
        " WHERE substr(%(expressions)s, 1, length(restricted.path)) = restricted.path)"
    )
    output_field = BooleanField()


def publicly_visible() -> Q:
    """A filter equivalent to Wagtail's ``live().public()``, as one SQL condition.

    ``PageQuerySet.public()`` runs a query for the restrictions each time it is called; a page
    shows several lists, so this correlated subquery keeps the count fixed and low.
    """
    return Q(live=True) & Q(Unrestricted(F("path")))


class ViewRestrictionsByPath:
    """Wagtail's ``get_view_restrictions()`` in one query, for a page routed with its ancestors.

    Wagtail first asks for the ancestors, to follow any that is an alias to its original page, and
    then for their restrictions. A page served here was routed from the home page down, so its
    ancestors are already at hand (the root above them is never an alias): when none of them is an
    alias, their restrictions are those on the page's path and its prefixes. A page read with
    ``unrestricted_path`` (cms/models/story_reads.py) already knows whether there are any.
    """

    def get_view_restrictions(self):
        ancestry = [self]
        while ancestry[-1].depth > 2 and hasattr(ancestry[-1], "_cached_parent_obj"):
            ancestry.append(ancestry[-1]._cached_parent_obj)
        if ancestry[-1].depth > 2 or any(page.alias_of_id for page in ancestry):
            return super().get_view_restrictions()
        if getattr(self, "unrestricted_path", False):
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(page__path__in=paths)
