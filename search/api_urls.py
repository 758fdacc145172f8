"""The JSON search API, outside the language prefix (names in the reader's language, from Accept-Language)."""

from django.urls import path

from . import views

app_name = "search_api"
urlpatterns = [
    path("", views.search_api, name="search"),
    path("suggest/", views.suggest_api, name="suggest"),
]
