"""One pagination rule for every list: 20 a page, and a 404 for any page that does not exist."""

from django.conf import settings
from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404
from django.utils.translation import gettext as _


def paginate(request, object_list, *, per_page: int | None = None) -> Page:
    """Page ``?page=N`` of the list; page 1 of an empty list is an empty page, not an error.

    A page number that is not a positive whole number, or past the end, is a 404 rather than a
    silent fallback, so that crawlers do not index endless copies of the first or last page.
    """
    paginator = Paginator(object_list, per_page or settings.STORIES_PER_PAGE, allow_empty_first_page=True)
    number = request.GET.get("page", "1")
    if not number.isascii() or not number.isdigit():
        raise Http404(_("That page of the list does not exist."))
    try:
        return paginator.page(int(number))
    except InvalidPage:
        raise Http404(_("That page of the list does not exist.")) from None
