"""Routing to a child page that is fetched as its own type at once.

Wagtail's ``Page.route`` fetches a child as a plain page and then again as its specific type; a page
whose children are all of one type can ask for that type directly, with what it shows, in one query.
A page can also answer for a grandchild in one query, such as a story with its neighbourhood.
"""

from django.http import Http404


class SpecificChildRouting:
    def routable_children(self):
        """The children as their specific type (override), with what serving them needs."""
        raise NotImplementedError

    def routable_grandchild(self, child_slug: str, grandchild_slug: str):
        """The grandchild at these slugs with its parent cached on it, or None to route step by step."""
        return None

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        if len(path_components) == 2 and (grandchild := self.routable_grandchild(*path_components)) is not None:
            return grandchild.route(request, [])
        child = self.routable_children().filter(slug=path_components[0]).first()
        if child is None:
            raise Http404
        # As Wagtail does: the child's parent is this page, without asking the database.
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
