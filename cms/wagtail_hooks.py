"""Admin screens for the site's snippets: topics and reporter profiles."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Reporter, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    list_display = ["name_fa", "name_en", "slug"]
    search_fields = ["name_fa", "name_en"]


class ReporterViewSet(SnippetViewSet):
    model = Reporter
    icon = "user"
    menu_label = _("Neighbourhood reporters")
    add_to_admin_menu = True
    list_display = ["display_name", "slug"]
    list_filter = ["neighbourhoods"]


register_snippet(TopicViewSet)
register_snippet(ReporterViewSet)
