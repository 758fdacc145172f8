"""Share links to messengers and e-mail as plain URLs: no third-party script or request until the
reader chooses a service. Eitaa, Bale and Rubika document no web share URL (see the README), so
the story page offers them the copy-link field instead."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ShareLink:
    service: str
    label: str
    url: str


def _query(**params: str) -> str:
    # Percent-encoding throughout (%20, not "+"), which mailto: (RFC 6068) requires and the others accept.
    return urlencode(params, quote_via=quote)


def share_links(*, url: str, title: str) -> list[ShareLink]:
    return [
        # https://core.telegram.org/widgets/share#custom-buttons
        ShareLink("telegram", _("Telegram"), f"https://t.me/share/url?{_query(url=url, text=title)}"),
        # WhatsApp "click to chat" without a phone number lets the reader choose the chat.
        ShareLink("whatsapp", _("WhatsApp"), f"https://wa.me/?{_query(text=f'{title} {url}')}"),
        # X's documented Web Intent (developer.x.com, "Tweet Web Intent").
        ShareLink("x", _("X"), f"https://twitter.com/intent/tweet?{_query(text=title, url=url)}"),
        ShareLink("email", _("E-mail"), f"mailto:?{_query(subject=title, body=url)}"),
    ]
