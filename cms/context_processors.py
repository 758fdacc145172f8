"""What every public page's header and footer show: the site's topics and neighbourhoods."""

from django.utils.functional import SimpleLazyObject

from .models import NeighbourhoodPage, Topic
from .models.visibility import publicly_visible


def navigation(request):
    # Lazy, so that admin pages and error pages that never show the navigation cost no query.
    return {
        "nav_topics": SimpleLazyObject(lambda: list(Topic.objects.all())),
        "nav_neighbourhoods": SimpleLazyObject(
            lambda: list(
                NeighbourhoodPage.objects.filter(publicly_visible()).order_by("title").only("title", "url_path")
            )
        ),
    }
