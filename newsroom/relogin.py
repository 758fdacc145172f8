"""Work sent from the page editor after the writer's session ended is kept, and is back in the story as a
draft once they have logged in again.

Wagtail autosaves a page while it is edited, but once the session has ended its autosave and the editor's
buttons only meet the login page, and what was typed since is gone. Here such a post is kept in the new
(anonymous) session, which Django carries across the login into the writer's session in the same browser;
the editor is then sent to log in. Back on the editor, the kept post is replayed through Wagtail's own
editor view as "save draft", with every permission check and validation that the editor applies.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse, QueryDict
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

SESSION_KEY = "newsroom_work_kept_across_login"
EDITOR_VIEWS = {"wagtailadmin_pages:add", "wagtailadmin_pages:edit"}
# Not replayed: the token of the old form, and the button pressed; a replay only ever saves a draft.
NOT_KEPT = ("csrfmiddlewaretoken",)
BUTTONS = "action-"


def kept_fields(post: QueryDict) -> dict[str, list[str]]:
    return {key: post.getlist(key) for key in post if key not in NOT_KEPT and not key.startswith(BUTTONS)}


def as_post(fields: dict[str, list[str]]) -> QueryDict:
    post = QueryDict(mutable=True)
    for key, values in fields.items():
        post.setlist(key, values)
    return post


class KeepWorkAcrossLoginMiddleware:
    """Must come after CsrfViewMiddleware (only posts that passed its check are kept) and after the
    authentication and message middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.view_name not in EDITOR_VIEWS:
            return None
        if request.method == "POST" and not request.user.is_authenticated:
            return self.keep(request)
        kept = request.session.get(SESSION_KEY)
        if request.method == "GET" and request.user.is_authenticated and kept and kept["path"] == request.path:
            del request.session[SESSION_KEY]
            return self.restore(request, kept["fields"], view_func, view_args, view_kwargs)
        return None

    def keep(self, request):
        request.session[SESSION_KEY] = {"path": request.path, "fields": kept_fields(request.POST)}
        message = _("Your session has ended. Log in again: what you wrote is kept and will be back in the story.")
        if not request.accepts("text/html"):
            # Wagtail's autosave shows the message of a "locked" answer and keeps trying, so every
            # later change is kept here too until the writer has logged in.
            return JsonResponse({"success": False, "error_code": "locked", "error_message": message}, status=401)
        messages.warning(request, message)
        return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))

    def restore(self, request, fields, view_func, view_args, view_kwargs):
        request.method = "POST"
        request.POST = as_post(fields)
        request._files = MultiValueDict()
        response = view_func(request, *view_args, **view_kwargs)
        if response.status_code == 302:
            messages.success(request, _("What you wrote after your session ended is back, saved as a draft."))
        else:
            messages.warning(
                request,
                _("What you wrote after your session ended is back in the form: correct what is marked, then save."),
            )
        return response
