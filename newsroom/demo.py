"""Demo logins for each newsroom role, created beside the demo content (development only)."""

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from cms.demo.content import PROVINCE_DESK
from cms.models import City, NeighbourhoodPage, Reporter

from .desks import assign_desk_editor, sync_reporter_desks
from .models import ReporterAccount, ReporterStatus
from .onboarding import ADMIN_LANGUAGE
from .roles import EDITOR_IN_CHIEF, role_group, setup_newsroom

DEMO_PASSWORD = "mahalleh-demo"
EDITOR_IN_CHIEF_LOGIN = ("sardabir", "سردبیر", "نمونه")
KARAJ_DESK_EDITOR = ("dabir-karaj", "دبیر محله", "کرج")
ALBORZ_DESK_EDITOR = ("dabir-alborz", "دبیر محله", "البرز")


def _user(username: str, first_name: str, last_name: str):
    user, _ = get_user_model().objects.update_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@example.org",
            "is_superuser": False,
            "is_active": True,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    # Demo databases made before the newsroom roles used Wagtail's default groups: start clean.
    user.groups.clear()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = ADMIN_LANGUAGE
    profile.save(update_fields=["preferred_language"])
    return user


def create_demo_logins() -> list[tuple[str, str]]:
    """Returns (role, username) rows for the README and the console.

    dabir-karaj edits the desks of Karaj's neighbourhoods; dabir-alborz the other cities' and the
    province-wide desk.
    """
    setup_newsroom()
    chief = _user(*EDITOR_IN_CHIEF_LOGIN)
    chief.groups.add(role_group(EDITOR_IN_CHIEF))
    rows = [("editor-in-chief", chief.username)]
    in_karaj = NeighbourhoodPage.objects.filter(city=City.KARAJ).exclude(title=PROVINCE_DESK["title"])
    for details, neighbourhoods in [
        (KARAJ_DESK_EDITOR, in_karaj),
        (ALBORZ_DESK_EDITOR, NeighbourhoodPage.objects.exclude(pk__in=in_karaj.values("pk"))),
    ]:
        user = _user(*details)
        assign_desk_editor(user=user, neighbourhoods=neighbourhoods)
        rows.append(("desk editor", user.username))
    for reporter in Reporter.objects.order_by("slug"):
        first, _, last = reporter.display_name.partition(" ")
        reporter.user = _user(reporter.slug, first, last)
        reporter.save(update_fields=["user"])
        sync_reporter_desks(reporter)
        ReporterAccount.objects.get_or_create(reporter=reporter, defaults={"status": ReporterStatus.ACTIVE})
        rows.append(("neighbourhood reporter", reporter.user.username))
    return rows
