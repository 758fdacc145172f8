"""Requests through the applications servers run (config.wsgi, config.asgi), front doors included.

Django's test client enters Django directly, past the page cache's front door, so the tests of cache
hits use these instead.
"""

import asyncio
import io
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit
from wsgiref.util import setup_testing_defaults

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from config.wsgi import application


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    content: bytes

    def text(self) -> str:
        return self.content.decode()


class FrontDoor:
    def get(self, url: str, *, method: str = "GET", headers: dict[str, str] | None = None, https: bool = False):
        parts = urlsplit(url)
        environ = {
            "REQUEST_METHOD": method,
            # As a WSGI server passes it: percent-decoded, the UTF-8 bytes as latin-1 text.
            "PATH_INFO": unquote(parts.path).encode().decode("latin-1"),
            "QUERY_STRING": parts.query,
            "wsgi.input": io.BytesIO(),
            "wsgi.url_scheme": "https" if https else "http",
            **{"HTTP_" + name.upper().replace("-", "_"): value for name, value in (headers or {}).items()},
        }
        setup_testing_defaults(environ)
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"] = int(status.split()[0])
            answer["headers"] = dict(response_headers)

        # The test's database transaction must outlive the request, as with Django's test client.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            body = application(environ, start_response)
            content = b"".join(body)
            if hasattr(body, "close"):
                body.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return Answer(answer["status"], answer["headers"], content)


class AsgiDoor:
    """Requests through an ASGI front door (pagecache/asgi.py, as config.asgi serves it), on one event
    loop for the whole test. Header names come back in lower case, as ASGI carries them."""

    def __init__(self, application):
        self.application = application
        self.loop = asyncio.new_event_loop()

    def get(self, url: str, *, method: str = "GET", headers: dict[str, str] | None = None, https: bool = False):
        parts = urlsplit(url)
        request_headers = {"host": "127.0.0.1", **{name.lower(): value for name, value in (headers or {}).items()}}
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "https" if https else "http",
            "path": unquote(parts.path),
            "raw_path": parts.path.encode(),
            "query_string": parts.query.encode(),
            "root_path": "",
            "headers": [(name.encode(), value.encode()) for name, value in request_headers.items()],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 80),
        }
        sent = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            sent.append(message)

        self.loop.run_until_complete(self.application(scope, receive, send))
        start, *body = sent
        headers = {name.decode(): value.decode("latin-1") for name, value in start["headers"]}
        return Answer(start["status"], headers, b"".join(message.get("body", b"") for message in body))

    def close(self) -> None:
        self.loop.close()
