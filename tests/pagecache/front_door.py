"""Requests through the WSGI application that gunicorn serves (config.wsgi), front door included.

Django's test client enters Django directly, past the page cache's front door, so the tests of cache
hits use this instead.
"""

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
