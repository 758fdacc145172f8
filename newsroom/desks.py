"""Opening a neighbourhood's desk, and keeping reporters and editors on the right desks."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from cms.models import NeighbourhoodPage, Reporter

from .models import Desk, DeskReviewTask
from .roles import (
    DESK_EDITOR_PAGE_ACTIONS,
    DESK_EDITORS,
    DESK_REPORTER_PAGE_ACTIONS,
    EDITOR_IN_CHIEF,
    REPORTERS,
    grant_page_actions,
    role_group,
)


def unique_group(name: str, neighbourhood: NeighbourhoodPage) -> Group:
    if Group.objects.filter(name=name).exists():
        name = f"{name} ({neighbourhood.pk})"
    return Group.objects.create(name=name)


@transaction.atomic
def open_desk(*, neighbourhood: NeighbourhoodPage) -> Desk:
    """The neighbourhood's two groups, their page permissions and its review workflow, once."""
    if desk := Desk.objects.filter(neighbourhood=neighbourhood).first():
        return desk
    reporters_group = unique_group(f"خبرنگاران {neighbourhood.title}", neighbourhood)
    editors_group = unique_group(f"دبیران {neighbourhood.title}", neighbourhood)
    grant_page_actions(reporters_group, neighbourhood, DESK_REPORTER_PAGE_ACTIONS)
    grant_page_actions(editors_group, neighbourhood, DESK_EDITOR_PAGE_ACTIONS)

    review = DeskReviewTask.objects.create(name=f"بررسی دبیران {neighbourhood.title}")
    review.groups.set([editors_group, role_group(EDITOR_IN_CHIEF)])
    workflow = Workflow.objects.create(name=f"بررسی خبرهای {neighbourhood.title}")
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
    WorkflowPage.objects.update_or_create(page=neighbourhood, defaults={"workflow": workflow})
    return Desk.objects.create(
        neighbourhood=neighbourhood, reporters_group=reporters_group, editors_group=editors_group, workflow=workflow
    )


def sync_reporter_desks(reporter: Reporter) -> None:
    """A reporter's login belongs to the reporters' group of exactly the desks of their neighbourhoods."""
    user = reporter.user
    if user is None:
        return
    wanted = set(
        Desk.objects.filter(neighbourhood__in=reporter.neighbourhoods.all()).values_list("reporters_group", flat=True)
    )
    current = set(user.groups.filter(reporters_desk__isnull=False).values_list("pk", flat=True))
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current), role_group(REPORTERS))


@transaction.atomic
def assign_desk_editor(*, user, neighbourhoods) -> None:
    """Makes ``user`` a desk editor of exactly ``neighbourhoods``."""
    wanted = set(Desk.objects.filter(neighbourhood__in=neighbourhoods).values_list("editors_group", flat=True))
    current = set(user.groups.filter(editors_desk__isnull=False).values_list("pk", flat=True))
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current), role_group(DESK_EDITORS))
