"""The WSGI application behind the ASGI front door (pagecache/wsgi_threads.py): what it is given of a
request, what is sent of its response, and that it runs on a thread of its own, never on the loop."""

import asyncio
import threading

from pagecache.wsgi_threads import WsgiInThreads


def call(application, *, method="GET", path="/", query=b"", headers=(), body_parts=(b"",), root_path=""):
    """The ASGI messages ``application`` sends for one request whose body arrives in ``body_parts``."""
    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": method,
        "scheme": "https",
        "path": path,
        "root_path": root_path,
        "query_string": query,
        "headers": [(name.encode(), value.encode("latin-1")) for name, value in headers],
        "client": ("10.0.0.7", 51000),
        "server": ("127.0.0.1", 8000),
    }
    incoming = [
        {"type": "http.request", "body": part, "more_body": index < len(body_parts) - 1}
        for index, part in enumerate(body_parts)
    ]
    sent = []

    async def receive():
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    asyncio.run(application(scope, receive, send))
    return sent


class Recording:
    """A WSGI application that keeps what it was given and answers with ``body``."""

    def __init__(self, body=(b"hello",), *, streaming=False):
        self.body, self.streaming = body, streaming
        self.environ, self.thread, self.closed = None, None, False

    def __call__(self, environ, start_response):
        self.environ = {**environ, "body": environ["wsgi.input"].read()}
        self.thread = threading.current_thread()
        start_response("201 Created", [("Content-Type", "text/plain"), ("X-Answer", "yes")])
        return Answer(self)


class Answer:
    def __init__(self, application):
        self.application = application
        self.streaming = application.streaming

    def __iter__(self):
        return iter(self.application.body)

    def close(self):
        self.application.closed = True


def test_the_request_reaches_the_application_as_pep_3333_describes_it():
    application = Recording()
    call(
        WsgiInThreads(application, threads=1),
        method="POST",
        path="/محله/خبر/",
        query=b"q=%D8%A2%D8%A8&page=2",
        headers=[
            ("content-type", "application/x-www-form-urlencoded"),
            ("content-length", "11"),
            ("cookie", "a=1"),
            ("cookie", "b=2"),
            ("accept-language", "fa"),
        ],
        body_parts=[b"title=", b"hello"],
    )
    environ = application.environ
    assert environ["REQUEST_METHOD"] == "POST"
    assert environ["PATH_INFO"].encode("latin-1").decode() == "/محله/خبر/"
    assert environ["QUERY_STRING"] == "q=%D8%A2%D8%A8&page=2"
    assert environ["CONTENT_TYPE"] == "application/x-www-form-urlencoded"
    assert environ["CONTENT_LENGTH"] == "11"
    assert environ["HTTP_COOKIE"] == "a=1; b=2"
    assert environ["HTTP_ACCEPT_LANGUAGE"] == "fa"
    assert environ["body"] == b"title=hello"
    assert environ["wsgi.url_scheme"] == "https"
    assert (environ["REMOTE_ADDR"], environ["SERVER_NAME"], environ["SERVER_PORT"]) == ("10.0.0.7", "127.0.0.1", "8000")
    assert environ["SERVER_PROTOCOL"] == "HTTP/1.1"


def test_a_root_path_becomes_the_script_name():
    application = Recording()
    call(WsgiInThreads(application, threads=1), path="/news/search/", root_path="/news")
    assert (application.environ["SCRIPT_NAME"], application.environ["PATH_INFO"]) == ("/news", "/search/")


def test_a_whole_response_is_sent_once_made_on_a_thread_of_the_pool():
    application = Recording(body=[b"<p>", b"salam", b"</p>"])
    sent = call(WsgiInThreads(application, threads=1))
    assert sent == [
        {
            "type": "http.response.start",
            "status": 201,
            "headers": [(b"content-type", b"text/plain"), (b"x-answer", b"yes")],
        },
        {"type": "http.response.body", "body": b"<p>salam</p>"},
    ]
    assert application.thread is not threading.main_thread()
    assert application.thread.name.startswith("wsgi")
    assert application.closed


def test_a_streaming_response_is_sent_piece_by_piece():
    application = Recording(body=[b"one", b"", b"two"], streaming=True)
    sent = call(WsgiInThreads(application, threads=1))
    assert [message["type"] for message in sent] == ["http.response.start", *["http.response.body"] * 3]
    assert [message.get("body") for message in sent[1:]] == [b"one", b"two", b""]
    assert [message.get("more_body", False) for message in sent[1:]] == [True, True, False]
    assert application.closed


def test_a_body_too_large_is_refused_before_the_application_sees_it():
    application = Recording()
    sent = call(WsgiInThreads(application, threads=1, max_body_bytes=10), method="POST", body_parts=[b"x" * 6] * 2)
    assert sent[0]["status"] == 413
    assert application.environ is None


def test_nothing_runs_for_a_client_that_left_while_sending():
    application = Recording()
    assert call(WsgiInThreads(application, threads=1), method="POST", body_parts=[]) == []
    assert application.environ is None
