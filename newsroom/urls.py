"""Public newsroom URLs: the invited reporter's one-time welcome page (everything else is in the admin)."""

from django.urls import path

from .views import welcome_view

app_name = "newsroom"
urlpatterns = [path("welcome/<uidb64>/<token>/", welcome_view, name="welcome")]
