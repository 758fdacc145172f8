"""The public search page, under the language prefix like the rest of the site."""

from django.urls import path

from . import views

app_name = "search"
urlpatterns = [path("", views.search_page, name="page")]
