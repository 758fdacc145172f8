"""The public search page and the JSON search API: the same parameters, the same results."""

import logging

from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cms.dates import reader_date

from .forms import SearchForm
from .results import ResultsPage, run_search, suggestions

SUGGEST_MIN_CHARS = 2
logger = logging.getLogger(__name__)


class SearchUnavailable(Exception):
    """The backend did not answer; readers are told so instead of seeing an error page."""


def _checked(request) -> tuple[SearchForm, ResultsPage | None, int]:
    form = SearchForm(request.GET)
    if not form.is_valid():
        return form, None, 400
    try:
        page = run_search(form.cleaned_data)
    except Exception as error:
        logger.exception("Search backend failed")
        raise SearchUnavailable from error
    return form, page, 404 if page.is_past_the_end and page.number > 1 else 200


@require_GET
def search_page(request):
    try:
        form, page, status = _checked(request)
    except SearchUnavailable:
        return render(request, "search/unavailable.html", status=503)
    context = {"form": form, "results_page": page, "query": form.cleaned_data.get("q", "") if page else ""}
    return render(request, "search/search_page.html", context, status=status)


def _result_json(result) -> dict:
    story = result.story
    return {
        "id": story.pk,
        "title": story.title,
        "url": story.get_url(),
        "summary": story.summary,
        "published_at": story.first_published_at.isoformat() if story.first_published_at else None,
        "published_on": reader_date(story.first_published_at) if story.first_published_at else "",
        "neighbourhood": {"slug": story.neighbourhood.slug, "title": story.neighbourhood.title}
        if story.neighbourhood
        else None,
        "topics": [{"slug": topic.slug, "name": topic.name} for topic in story.topics.all()],
        "highlight": {"title": str(result.title), "snippet": str(result.snippet)},
    }


@require_GET
def search_api(request):
    try:
        form, page, status = _checked(request)
    except SearchUnavailable:
        return JsonResponse(
            {"errors": {"search": [_("Search is unavailable at the moment. Please try again soon.")]}}, status=503
        )
    if page is None:
        return JsonResponse({"errors": {name: list(errors) for name, errors in form.errors.items()}}, status=status)
    prefetch_related_objects([result.story for result in page.results], "topics")
    body = {
        "total": page.total,
        "page": page.number,
        "pages": page.num_pages,
        "results": [_result_json(result) for result in page.results],
        "facets": {
            name: [
                {"slug": value.slug, "name": value.name, "count": value.count, "selected": value.selected}
                for value in values
            ]
            for name, values in page.facets.items()
        },
    }
    if status == 404:
        body["errors"] = {"page": [_("That page of results does not exist.")]}
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


@require_GET
def suggest_api(request):
    text = request.GET.get("q", "")[:100]
    found = suggestions(text) if len(text.strip()) >= SUGGEST_MIN_CHARS else []
    return JsonResponse(
        {
            "suggestions": [
                {"title": story.title, "url": story.get_url(), "highlight": str(title)} for story, title in found
            ]
        },
        json_dumps_params={"ensure_ascii": False},
    )
