"""The WSGI application behind the ASGI front door (pagecache/asgi.py), run in a pool of threads with
one hand-off each way: the loop reads the request and gives it to a thread, the thread renders the
whole response and gives it back, and the loop sends it.

a2wsgi, which this replaced, crossed between the loop and the thread for the request, the response's
start, each piece of its body and its end, each crossing waking the other side: on the 2-core
benchmark machine that cost about 0.4 ms of CPU per uncached page, a twentieth of a story's render.
Streaming responses (a static file served by WhiteNoise) are still sent piece by piece as the thread
reads them, so a large file is never held whole.
"""

import asyncio
import contextvars
import io
import sys
from concurrent.futures import ThreadPoolExecutor

# nginx refuses larger bodies already (client_max_body_size in deploy/nginx.conf); this bounds the
# memory a client talking to the app server directly could make a worker hold.
MAX_BODY_BYTES = 32 * 1024 * 1024
TOO_LARGE = (413, [(b"content-type", b"text/plain; charset=utf-8")], b"Request body too large.\n")


class WsgiInThreads:
    def __init__(self, wsgi_application, *, threads: int, max_body_bytes: int = MAX_BODY_BYTES):
        self.application = wsgi_application
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="wsgi")
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope, receive, send):
        body = await read_body(receive, self.max_body_bytes)
        if body is None:  # the client left while sending it
            return
        if isinstance(body, int):
            await send_whole(send, *TOO_LARGE)
            return
        loop = asyncio.get_running_loop()
        # Each request in a copy of the loop's context, as a thread per request would have its own.
        context = contextvars.copy_context()
        whole = await loop.run_in_executor(
            self.executor, context.run, self.respond, wsgi_environ(scope, body), send, loop
        )
        if whole is not None:
            await send_whole(send, *whole)

    def respond(self, environ: dict, send, loop):
        """In a thread: the whole response as (status, headers, body), or None once a streaming
        response has been sent from here."""
        started = []
        written = []

        def start_response(status: str, headers, exc_info=None):
            if exc_info and started:
                raise exc_info[1].with_traceback(exc_info[2])
            code = int(status.split(" ", 1)[0])
            started[:] = [code, [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers]]
            return written.append

        iterable = self.application(environ, start_response)
        try:
            if not getattr(iterable, "streaming", False):
                content = b"".join([*written, *iterable])
                return started[0], started[1], content

            def send_now(message: dict) -> None:
                asyncio.run_coroutine_threadsafe(send(message), loop).result()

            send_now({"type": "http.response.start", "status": started[0], "headers": started[1]})
            for chunk in iterable:
                if chunk:
                    send_now({"type": "http.response.body", "body": chunk, "more_body": True})
            send_now({"type": "http.response.body", "body": b""})
            return None
        finally:
            close = getattr(iterable, "close", None)
            if close is not None:
                close()


async def read_body(receive, limit: int) -> bytes | int | None:
    """The request's body; its size so far if it grows past ``limit``; None if the client left."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return size
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def send_whole(send, status: int, headers, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def wsgi_environ(scope, body: bytes) -> dict:
    """PEP 3333's environ for an ASGI HTTP scope: text as latin-1 strings of the bytes sent; a header
    sent twice joined as one (a cookie header with "; ", as Django and browsers join cookies)."""
    root_path = scope.get("root_path", "")
    path = scope["path"].removeprefix(root_path) if root_path else scope["path"]
    server_name, server_port = scope.get("server") or ("localhost", 80)
    environ = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": root_path.encode().decode("latin-1"),
        "PATH_INFO": path.encode().decode("latin-1"),
        "QUERY_STRING": scope["query_string"].decode("latin-1"),
        "SERVER_PROTOCOL": f"HTTP/{scope['http_version']}",
        "SERVER_NAME": server_name,
        "SERVER_PORT": str(server_port or 0),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if client := scope.get("client"):
        environ["REMOTE_ADDR"], environ["REMOTE_PORT"] = client[0], str(client[1])
    for raw_name, raw_value in scope["headers"]:
        name = raw_name.decode("latin-1").upper().replace("-", "_")
        key = name if name in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{name}"
        value = raw_value.decode("latin-1")
        if key in environ:
            value = environ[key] + ("; " if key == "HTTP_COOKIE" else ",") + value
        environ[key] = value
    return environ
