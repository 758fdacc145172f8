"""Search fixtures: a fresh index per test, on every backend this machine can reach."""

import os
import uuid

import pytest

from cms.factories import make_neighbourhood, make_reporter
from cms.models import Topic
from search.backends import get_backend

BACKENDS = {
    "embedded": "search.backends.embedded.EmbeddedBackend",
    "elasticsearch": "search.backends.elasticsearch.ElasticsearchBackend",
}


def available_backends() -> list:
    params = [pytest.param("embedded", id="embedded")]
    params.append(
        pytest.param(
            "elasticsearch",
            id="elasticsearch",
            marks=pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set"),
        )
    )
    return params


@pytest.fixture(autouse=True)
def search_index(settings, tmp_path):
    """Every test starts from an empty index of its own (directory or Elasticsearch prefix)."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
    yield
    if settings.SEARCH_BACKEND.endswith("ElasticsearchBackend"):
        backend = get_backend()
        backend.client.indices.delete(index=f"{backend.read_alias}-*", ignore_unavailable=True)


@pytest.fixture(params=available_backends())
def backend_name(request, settings):
    settings.SEARCH_BACKEND = BACKENDS[request.param]
    return request.param


@pytest.fixture
def places(db):
    """Two neighbourhoods with a reporter each; topics come from the seed migration."""
    gohardasht = make_neighbourhood(title="گوهردشت", slug="gohardasht")
    fardis = make_neighbourhood(title="فردیس", city="fardis", slug="fardis")
    return {
        "gohardasht": gohardasht,
        "fardis": fardis,
        "zahra": make_reporter(display_name="زهرا احمدی", slug="zahra-ahmadi", neighbourhoods=[gohardasht]),
        "reza": make_reporter(display_name="رضا کریمی", slug="reza-karimi", neighbourhoods=[fardis]),
        "economy": Topic.objects.get(slug="local-economy"),
        "other_topic": Topic.objects.exclude(slug="local-economy").first(),
    }
