"""Typing XSS payloads into every field the newsroom fills in, through the admin's own forms: the story
editor (reporter and desk editors), the review actions, comments, the photo edit form and the
reporter profile form. The payload list is tests/data/xss_payloads.txt."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms.models import ArticlePage, Photo, Reporter, Topic

PAYLOAD_FILE = Path(__file__).resolve().parent.parent / "data" / "xss_payloads.txt"
TAG_MAX_LENGTH = 100
ALLOWED_VIDEO = "https://www.aparat.com/v/xss"


@dataclass(frozen=True)
class Payloads:
    text: list[str]
    urls: list[str]


def read_payloads() -> Payloads:
    sections: dict[str, list[str]] = {}
    current = None
    for line in PAYLOAD_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        _source, payload = line.split("\t", 1)
        current.append(payload)
    return Payloads(text=sections["text"], urls=sections["url"])


class PayloadRotation:
    """Hands out payloads in turn, packed into a field's length limit, so that a few stories carry the
    whole list in every kind of field."""

    def __init__(self, payloads: list[str], start: int = 0):
        self.payloads = payloads
        self.position = start

    def take(self, limit: int) -> str:
        chosen: list[str] = []
        while True:
            payload = self.payloads[self.position % len(self.payloads)]
            if chosen and len(" ".join([*chosen, payload])) > limit:
                break
            chosen.append(payload[:limit])
            self.position += 1
            if len(chosen) == len(self.payloads):
                break
        return " ".join(chosen)


def contentstate(texts: list[str], urls: list[str]) -> str:
    """What Draftail posts for a paragraph: each payload as bold text, each URL payload as a link."""
    blocks, entities = [], {}
    for number, text in enumerate(texts):
        blocks.append(
            {
                "key": f"t{number}",
                "text": text,
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [{"offset": 0, "length": len(text), "style": "BOLD"}],
                "entityRanges": [],
                "data": {},
            }
        )
    for number, url in enumerate(urls):
        label = f"پیوند {number}"
        entities[str(number)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
        blocks.append(
            {
                "key": f"u{number}",
                "text": label,
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(label), "key": number}],
                "data": {},
            }
        )
    return json.dumps({"blocks": blocks, "entityMap": entities})


def list_block(values: list[str]) -> dict:
    items = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""} for index, value in enumerate(values)
    }
    return {**items, "count": str(len(values))}


def management(count: int, initial: int) -> dict:
    return {"TOTAL_FORMS": str(count), "INITIAL_FORMS": str(initial), "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}


def comments_with_a_new_one(edit_page_html: str, text: str, reply: str = "") -> dict:
    """The comment formset as the editor's comment app posts it: the comments already on the story,
    unchanged (read from the page's comments-data), then a new comment on the title with a reply to it."""
    existing = json.loads(WagtailTestUtils.get_soup(edit_page_html).find(id="comments-data").string)["comments"]
    forms = {}
    for index, comment in enumerate(existing):
        replies = {
            str(number): {"id": str(answer["pk"]), "text": answer["text"], "DELETE": ""}
            for number, answer in enumerate(comment["replies"])
        }
        forms[str(index)] = {
            "id": str(comment["pk"]),
            "contentpath": comment["contentpath"],
            "position": comment["position"],
            "text": comment["text"],
            "resolved": "",
            "DELETE": "",
            "replies": {**management(len(replies), len(replies)), **replies},
        }
    new_replies = {"0": {"id": "", "text": reply, "DELETE": ""}} if reply else {}
    forms[str(len(existing))] = {
        "id": "",
        "contentpath": "title",
        "position": "",
        "text": text,
        "resolved": "",
        "DELETE": "",
        "replies": {**management(len(new_replies), 0), **new_replies},
    }
    return nested_form_data({"comments": {**management(len(forms), len(existing)), **forms}})


def form_of(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def accepted(response, what: str) -> None:
    """The admin answers a saved form with a redirect; a form with errors comes back as a page."""
    if response.status_code != 302:
        form = response.context and response.context.get("form")
        errors = form.errors.as_json() if form is not None else response.content[:2000]
        raise AssertionError(f"{what} was refused: {errors}")


def form_posting_to(client, url: str):
    """The data of the form on ``url``'s page that posts back to ``url``, as the browser would send it."""
    html = client.get(url).content.decode()
    forms = WagtailTestUtils.get_soup(html).find_all("form")
    index = next(number for number, form in enumerate(forms) if form.get("action") == url)
    return querydict_from_html(html, form_index=index)


def edit_photo(client, photo: Photo, *, title: str, description: str) -> None:
    url = reverse("wagtailimages:edit", args=[photo.pk])
    data = form_posting_to(client, url)
    data["title"], data["description"] = title, description
    accepted(client.post(url, data), "photo edit form")


def edit_reporter_profile(client, reporter: Reporter, *, display_name: str, bio: str) -> None:
    url = reverse("wagtailsnippets_cms_reporter:edit", args=[reporter.pk])
    data = form_posting_to(client, url)
    data["display_name"], data["bio"] = display_name, bio
    accepted(client.post(url, data), "reporter profile form")


def story_body(texts: PayloadRotation, payloads: Payloads, *, photo, poster) -> dict:
    """The body's form data: every kind of block, each field holding payloads."""
    blocks = [
        ("paragraph", contentstate(payloads.text, payloads.urls)),
        (
            "image",
            {"image": str(photo.pk), "alt": texts.take(250), "caption": texts.take(300), "credit": texts.take(120)},
        ),
        ("quote", {"text": " ".join(payloads.text), "attribution": texts.take(150)}),
        ("facts", {"title": texts.take(150), "items": list_block([payload[:300] for payload in payloads.text])}),
        ("list", {"ordered": "on", "items": list_block([payload[:500] for payload in payloads.text])}),
        ("video", {"url": ALLOWED_VIDEO, "title": texts.take(200), "poster": str(poster.pk), "alt": texts.take(250)}),
    ]
    return nested_form_data({"body": streamfield(blocks)})


def story_fields(number: int, texts: PayloadRotation, *, photo, tags: list[str]) -> dict:
    """The add-story form's own fields, each holding payloads."""
    return nested_form_data(
        {
            "title": texts.take(255),
            "slug": f"xss-{number}",
            "summary": texts.take(400),
            "lead_image": str(photo.pk),
            "lead_image_alt": texts.take(250),
            "lead_image_caption": texts.take(300),
            "lead_image_credit": texts.take(120),
            "tags": ", ".join(tags),
        }
    )


def correction(text: str) -> dict:
    return nested_form_data(
        {
            "corrections": {
                "TOTAL_FORMS": "1",
                "0": {"id": "", "published_at": "2026-11-01 10:00", "text": text, "ORDER": "1", "DELETE": ""},
            }
        }
    )


def tag_names(payloads: list[str]) -> list[str]:
    """Payloads that taggit keeps whole as one tag: commas and quotes are its own syntax."""
    return [
        payload for payload in payloads if "," not in payload and '"' not in payload and len(payload) <= TAG_MAX_LENGTH
    ]


def file_story(client, reporter_user, neighbourhood, fields: dict, byline) -> ArticlePage:
    client.force_login(reporter_user)
    url = reverse("wagtailadmin_pages:add", args=["cms", "articlepage", neighbourhood.pk])
    data = form_of(client, url)
    data.update(fields)
    data.setlist("reporters", [str(reporter.pk) for reporter in byline])
    data.setlist("topics", [str(Topic.objects.first().pk)])
    accepted(client.post(url, data), "add-story form")
    return ArticlePage.objects.get(slug=fields["slug"])


def edit_story(
    client,
    user,
    story: ArticlePage,
    changes: dict,
    *,
    action: str | None = None,
    comment: tuple[str, str] | None = None,
) -> None:
    """Posts the edit form back as ``user`` with ``changes``, as the browser would send it; ``comment``
    is a new comment's text and its reply's."""
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    html = client.get(url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(changes)
    if comment:
        data.update(comments_with_a_new_one(html, *comment))
    if action:
        data[f"action-{action}"] = action
    accepted(client.post(url, data), f"edit form ({action or 'save'})")


def workflow_action(client, user, story: ArticlePage, action: str, comment: str = "") -> None:
    client.force_login(user)
    story = ArticlePage.objects.get(pk=story.pk)
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, action, story.current_workflow_task_state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302), (action, response.status_code)
