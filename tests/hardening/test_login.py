"""Admin login: lockout after repeated wrong passwords, two-factor codes, logout everywhere."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.html import escape
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-desk-password"


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user(
        "dabir", email="dabir@example.org", first_name="دبیر", last_name="محله", password=PASSWORD, is_superuser=True
    )
    return user


def log_in(client, password=PASSWORD, username="dabir"):
    return client.post("/admin/login/", {"username": username, "password": password})


def account_form(client) -> dict[str, str]:
    """The account page's form as the browser would send it unchanged."""
    page = BeautifulSoup(client.get("/admin/account/").content, "html.parser")
    form = {}
    for field in page.select("form input[name], form select[name]"):
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            form[field["name"]] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                form[field["name"]] = field.get("value", "on")
        elif field.get("type") != "file":
            form[field["name"]] = field.get("value", "")
    return form


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_wrong_passwords_lock_the_login_even_with_the_right_one(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, password="guess")
    response = log_in(client)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_explains_the_pause(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, password="guess")
    response = client.post(
        "/admin/login/", {"username": "dabir", "password": PASSWORD}, headers={"accept-language": "en"}
    )
    # The site answers in Persian first, whatever the browser asks for outside /en/.
    assert escape(pgettext_fa("Too many login attempts")) in response.content.decode()


def test_a_right_password_before_the_limit_logs_in(client, editor):
    log_in(client, password="guess")
    assert log_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_editor_with_an_authenticator_app_must_enter_its_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    log_in(client)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/verify/")
    response = client.post("/admin/two-factor/verify/", {"code": current_code(device), "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused_with_a_clear_message(client, editor):
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    log_in(client)
    response = client.post(
        "/admin/two-factor/verify/", {"code": "000000", "next": "/admin/"}, headers={"accept-language": "en"}
    )
    assert escape(pgettext_fa("That code is not right or has expired. Enter the code your app shows now.")) in (
        response.content.decode()
    )
    assert client.get("/admin/").status_code == 302


def test_enforced_two_factor_sends_an_editor_without_a_device_to_set_one_up(client, editor, settings):
    settings.TWO_FACTOR_ENFORCED = True
    log_in(client)
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/two-factor/setup/")
    setup = client.get(response["Location"])
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    client.post("/admin/two-factor/setup/", {"code": current_code(device), "next": "/admin/"})
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/admin/").status_code == 200


def test_enforcement_follows_the_required_groups(client, db, settings):
    settings.TWO_FACTOR_ENFORCED = True
    settings.TWO_FACTOR_REQUIRED_GROUPS = ["Moderators"]
    reporter = get_user_model().objects.create_user("khabarnegar", password=PASSWORD)
    reporter.groups.add(Group.objects.get(name="Editors"))
    log_in(client, username="khabarnegar")
    assert client.get("/admin/").status_code == 200
    reporter.groups.add(Group.objects.get(name="Moderators"))
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")


def test_changing_the_password_logs_out_every_other_session(client, editor, django_user_model):
    other_device = type(client)()
    log_in(client)
    log_in(other_device)
    form = account_form(client)
    form.update(
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "another-long-desk-password",
            "password-new_password2": "another-long-desk-password",
        }
    )
    assert client.post("/admin/account/", form).status_code == 302
    assert django_user_model.objects.get(pk=editor.pk).check_password("another-long-desk-password")
    assert client.get("/admin/").status_code == 200, "the session that changed it stays"
    assert other_device.get("/admin/")["Location"].startswith("/admin/login/")


def pgettext_fa(message: str) -> str:
    with translation.override("fa"):
        return translation.gettext(message)
