"""The newsroom's three roles as Django groups, provisioned idempotently by `setup_newsroom`.

A role group carries what a person may do anywhere (reach the admin, upload photos, manage users);
what they may do to pages comes from their desks' groups, which hold Wagtail page permissions on
one neighbourhood page each (newsroom/desks.py).
"""

import operator
from functools import reduce

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

REPORTERS = "خبرنگار محله"
DESK_EDITORS = "دبیر محله"
EDITOR_IN_CHIEF = "سردبیر"

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
PHOTO_UPLOAD = ["wagtailimages.add_image", "wagtailimages.choose_image"]
PHOTO_EDITING = [*PHOTO_UPLOAD, "wagtailimages.change_image", "wagtailimages.delete_image"]
EDITOR_IN_CHIEF_PERMISSIONS = [
    *ADMIN_ACCESS,
    "auth.add_user",
    "auth.change_user",
    "auth.delete_user",
    "auth.add_group",
    "auth.change_group",
    "auth.delete_group",
    "cms.add_topic",
    "cms.change_topic",
    "cms.delete_topic",
    "cms.add_reporter",
    "cms.change_reporter",
    "cms.delete_reporter",
    "newsroom.add_reporteraccount",
    "newsroom.change_reporteraccount",
    "wagtailcore.add_workflow",
    "wagtailcore.change_workflow",
    "wagtailcore.add_task",
    "wagtailcore.change_task",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
]
# Page permissions of the editor-in-chief on the whole site, from the front page down.
EDITOR_IN_CHIEF_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
DESK_REPORTER_PAGE_ACTIONS = ["add"]
DESK_EDITOR_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]


def permissions(names: list[str]) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def page_permission(action: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def grant_page_actions(group: Group, page: Page, actions: list[str]) -> None:
    for action in actions:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=page_permission(action))


def grant_photo_permissions(group: Group, names: list[str]) -> None:
    root = Collection.get_first_root_node()
    for permission in permissions(names):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def role_group(name: str) -> Group:
    return Group.objects.get_or_create(name=name)[0]


def is_editor_in_chief(user) -> bool:
    return user.is_superuser or user.groups.filter(name=EDITOR_IN_CHIEF).exists()


def is_desk_editor(user) -> bool:
    return user.groups.filter(name=DESK_EDITORS).exists()


def desk_pages_of(user) -> Q:
    """The subtrees where ``user`` holds any page permission: their desks' neighbourhoods."""
    paths = GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
    return reduce(operator.or_, (Q(path__startswith=path) for path in set(paths)), Q(pk__in=[]))


@transaction.atomic
def setup_newsroom() -> None:
    """Creates or completes the role groups, and a desk for every neighbourhood that lacks one."""
    from cms.models import HomePage, NeighbourhoodPage

    from .desks import open_desk

    reporters = role_group(REPORTERS)
    reporters.permissions.add(*permissions(ADMIN_ACCESS))
    grant_photo_permissions(reporters, PHOTO_UPLOAD)

    desk_editors = role_group(DESK_EDITORS)
    desk_editors.permissions.add(*permissions(ADMIN_ACCESS))
    grant_photo_permissions(desk_editors, PHOTO_EDITING)

    chief = role_group(EDITOR_IN_CHIEF)
    chief.permissions.add(*permissions(EDITOR_IN_CHIEF_PERMISSIONS))
    grant_photo_permissions(chief, PHOTO_EDITING)
    for home in HomePage.objects.all():
        grant_page_actions(chief, home, EDITOR_IN_CHIEF_PAGE_ACTIONS)

    for neighbourhood in NeighbourhoodPage.objects.filter(desk__isnull=True):
        open_desk(neighbourhood=neighbourhood)
