"""The newsroom in Wagtail's admin: who may delete or move, dashboard panels, onboarding screens."""

from django.db.models import Q
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models.article import CLEAN_STORY_FORM_HOOK

from .forms import ReporterAccountForm
from .models import ReporterAccount
from .panels import DeskQueuePanel, NotificationsPanel, ReporterStoriesPanel
from .roles import desk_pages_of, is_editor_in_chief
from .scheduling import trainees_leave_scheduling_to_the_desk
from .views import invite_reporter_view

# Wagtail lets page owners delete and move their own drafts, and editors with "change" any page.
# In this newsroom a story leaves the archive or changes neighbourhood only by the editor-in-chief.
CHIEF_ONLY_BULK_ACTIONS = {"delete", "move"}
WAGTAIL_WORKFLOW_PANELS = {"user_objects_in_workflow_moderation", "workflow_objects_to_moderate"}


@hooks.register("before_delete_page")
def only_the_chief_deletes(request, page):
    if not is_editor_in_chief(request.user):
        return permission_denied(request)
    return None


@hooks.register("before_move_page")
def only_the_chief_moves(request, page, destination):
    if not is_editor_in_chief(request.user):
        return permission_denied(request)
    return None


@hooks.register("before_bulk_action")
def only_the_chief_deletes_or_moves_in_bulk(request, action_type, objects, action_class_instance):
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if action_type in CHIEF_ONLY_BULK_ACTIONS and pages and not is_editor_in_chief(request.user):
        return permission_denied(request)
    return None


def outside_own_desks_only_live(pages, request):
    """Others' unpublished pages stay out of the page chooser and the admin API for everyone below
    the editor-in-chief; what is live is public anyway, and may be linked to."""
    if is_editor_in_chief(request.user):
        return pages
    return pages.filter(Q(live=True) | desk_pages_of(request.user))


hooks.register("construct_page_chooser_queryset", outside_own_desks_only_live)


@hooks.register("construct_explorer_page_queryset")
def explorer_outside_own_desks_only_live(parent_page, pages, request):
    return outside_own_desks_only_live(pages, request)


@hooks.register("construct_homepage_panels")
def newsroom_panels(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in WAGTAIL_WORKFLOW_PANELS]
    panels.extend([DeskQueuePanel(), NotificationsPanel(), ReporterStoriesPanel()])


hooks.register(CLEAN_STORY_FORM_HOOK, trainees_leave_scheduling_to_the_desk)


@hooks.register("insert_global_admin_css")
def newsroom_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("newsroom/admin.css"))


@hooks.register("insert_editor_js")
def autosave_keeps_what_is_typed_during_a_save():
    return format_html('<script src="{}"></script>', static("newsroom/autosave.js"))


@hooks.register("register_admin_urls")
def onboarding_urls():
    return [path("newsroom/invite/", invite_reporter_view, name="newsroom_invite")]


class InviteMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor_in_chief(request.user)


@hooks.register("register_admin_menu_item")
def invite_menu_item():
    return InviteMenuItem(_("Invite a reporter"), reverse("newsroom_invite"), icon_name="mail", order=260)


@hooks.register("register_log_actions")
def newsroom_log_actions(actions):
    actions.register_action("newsroom.invite", _("Invite reporter"), _("Reporter invited"))
    actions.register_action("newsroom.status", _("Change reporter status"), _("Reporter status changed"))


class ReporterAccountViewSet(SnippetViewSet):
    model = ReporterAccount
    icon = "user"
    menu_label = _("Reporter accounts")
    add_to_admin_menu = True
    list_display = ["reporter", "status", "invited_at"]
    list_filter = ["status"]
    edit_handler = ObjectList(
        [FieldPanel("status"), InlinePanel("training", heading=_("Training"), label=_("training course"))],
        base_form_class=ReporterAccountForm,
    )


register_snippet(ReporterAccountViewSet)
