"""The production worker's HTTP protocol (config/http_protocol.py): an answer's head and body leave
a connection in one write, and nothing is lost or sent late around a close."""

import asyncio

from uvicorn.config import Config
from uvicorn.server import ServerState

from config.gunicorn_worker import Worker
from config.http_protocol import WritesPerTurn

REQUEST = b"GET /story/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


class RecordedTransport:
    """What the protocol asks of its connection, in order."""

    def __init__(self):
        self.calls = []
        self.closing = False

    def write(self, data):
        self.calls.append(("write", data))

    def writelines(self, pieces):
        self.calls.append(("writelines", list(pieces)))

    def close(self):
        self.closing = True
        self.calls.append(("close",))

    def is_closing(self):
        return self.closing

    def get_extra_info(self, name, default=None):
        return {"peername": ("127.0.0.1", 50000), "sockname": ("127.0.0.1", 8000)}.get(name, default)

    def pause_reading(self):
        pass

    def resume_reading(self):
        pass


async def page(scope, receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"5")]})
    await send({"type": "http.response.body", "body": b"salam"})


def calls_answering(request: bytes) -> list:
    async def answer():
        config = Config(app=page, http=Worker.CONFIG_KWARGS["http"], lifespan="off", log_config=None)
        config.load()
        protocol = config.http_protocol_class(config=config, server_state=ServerState(), app_state={})
        transport = RecordedTransport()
        protocol.connection_made(transport)
        protocol.data_received(request)
        for _ in range(5):  # the request's task, its answer, and the end of the turn
            await asyncio.sleep(0)
        return transport.calls

    return asyncio.run(answer())


def test_the_worker_writes_an_answer_once():
    [(kind, pieces)] = calls_answering(REQUEST)
    assert kind == "writelines"
    head, body = pieces
    assert head.startswith(b"HTTP/1.1 200 OK\r\n") and b"content-length: 5\r\n" in head
    assert body == b"salam"


def test_an_answer_is_written_before_its_connection_is_closed():
    calls = calls_answering(REQUEST.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
    assert [call[0] for call in calls] == ["writelines", "close"]
    assert calls[0][1][1] == b"salam"


def test_nothing_is_written_to_a_connection_closed_during_the_turn():
    async def write_then_lose_the_connection():
        transport = RecordedTransport()
        writes = WritesPerTurn(transport)
        writes.write(b"HTTP/1.1 200 OK\r\n\r\n")
        transport.closing = True  # the reader went away
        await asyncio.sleep(0)
        return transport.calls

    assert asyncio.run(write_then_lose_the_connection()) == []
