"""Demo logins for each newsroom role, created beside the demo content (development only)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.models import Reporter

DEMO_PASSWORD = "mahalleh-demo"
EDITOR_IN_CHIEF = ("sardabir", "سردبیر", "نمونه")
DESK_EDITORS = [("dabir-karaj", "دبیر محله", "کرج"), ("dabir-alborz", "دبیر محله", "البرز")]


def _user(username: str, first_name: str, last_name: str, **flags):
    user, _ = get_user_model().objects.update_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "email": f"{username}@example.org", **flags},
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def create_demo_logins() -> list[tuple[str, str]]:
    """Returns (role, username) rows for the README and the console."""
    rows = [("editor-in-chief", _user(*EDITOR_IN_CHIEF, is_staff=True, is_superuser=True).username)]
    moderators = Group.objects.get(name="Moderators")
    for details in DESK_EDITORS:
        user = _user(*details, is_staff=True)
        user.groups.add(moderators)
        rows.append(("desk editor", user.username))
    editors = Group.objects.get(name="Editors")
    for reporter in Reporter.objects.order_by("slug"):
        first, _, last = reporter.display_name.partition(" ")
        user = _user(reporter.slug, first, last)
        user.groups.add(editors)
        Reporter.objects.filter(pk=reporter.pk).update(user=user)
        rows.append(("neighbourhood reporter", user.username))
    return rows
