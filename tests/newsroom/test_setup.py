"""Roles and desks are provisioned once, whatever how often setup_newsroom runs."""

import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Workflow

from cms.models import NeighbourhoodPage
from newsroom.models import Desk


def provisioned():
    return (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count(), Desk.objects.count())


def test_setup_newsroom_is_idempotent(newsroom):
    before = provisioned()
    call_command("setup_newsroom", stdout=io.StringIO())
    call_command("setup_newsroom", stdout=io.StringIO())
    assert provisioned() == before


def test_every_neighbourhood_gets_a_desk_with_its_workflow(newsroom, other_neighbourhood):
    for neighbourhood in [newsroom, other_neighbourhood]:
        desk = neighbourhood.desk
        assert neighbourhood.get_workflow() == desk.workflow


def test_chief_creating_a_neighbourhood_in_the_admin_opens_its_desk(client, chief):
    client.force_login(chief)
    home = NeighbourhoodPage.objects.first().get_parent()
    url = reverse("wagtailadmin_pages:add", args=["cms", "neighbourhoodpage", home.pk])
    client.post(
        url,
        {
            "title": "کلاک",
            "slug": "کلاک",
            "city": "karaj",
            "description": "",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        },
    )
    kalak = NeighbourhoodPage.objects.get(title="کلاک")
    assert kalak.desk.editors_group.name == "دبیران کلاک"
    assert kalak.get_workflow() == kalak.desk.workflow
    assert set(
        GroupPagePermission.objects.filter(page=kalak, group=kalak.desk.reporters_group).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page"}
