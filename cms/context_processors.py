"""What every public page's header and footer show: the site's topics and neighbourhoods."""

from django.utils.functional import SimpleLazyObject

from .navigation import site_navigation


def navigation(request):
    # Lazy, so that admin pages and error pages that never show the navigation cost nothing.
    return {"navigation": SimpleLazyObject(lambda: site_navigation(request))}
