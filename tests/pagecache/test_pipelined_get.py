"""The ASGI door's own Redis connection (pagecache/pipelined_get.py), against the real Redis: every
GET gets its own answer, from the URL's database, and trouble of any kind is reported as
RedisUnavailable, within the timeout, with the next GET connecting afresh."""

import asyncio
import time
import uuid

import pytest
import redis
from django.conf import settings

from pagecache.pipelined_get import PipelinedGet, RedisUnavailable

pytestmark = pytest.mark.skipif(not settings.REDIS_URL, reason="needs the real Redis (REDIS_URL)")

KEY_PREFIX = "pipelined-get-test:"


@pytest.fixture
def location():
    """This test worker's own Redis database (config/settings/test.py), emptied of the test's keys."""
    url = settings.CACHES["default"]["LOCATION"]
    client = redis.Redis.from_url(url)
    yield url, client
    for key in client.scan_iter(KEY_PREFIX + "*"):
        client.delete(key)
    client.close()


def run(coroutine_function):
    return asyncio.run(coroutine_function())


def test_many_gets_at_once_on_one_connection_each_get_their_own_answer(location):
    url, client = location
    values = {f"{KEY_PREFIX}{number}": f"صفحه {number}".encode() * number for number in range(1, 60)}
    client.mset(values)

    async def read_all():
        reader = PipelinedGet(url, timeout=5)
        try:
            answers = await asyncio.gather(*(reader.get(key) for key in values))
        finally:
            reader.close()
        return dict(zip(values, answers, strict=True))

    assert run(read_all) == values


def test_the_database_named_in_the_url_is_read(location):
    url, client = location
    key = KEY_PREFIX + uuid.uuid4().hex  # no other test worker has it, in its database or this one
    client.set(key, b"kept")
    another_database = url.rsplit("/", 1)[0] + "/" + str(client.connection_pool.connection_kwargs["db"] ^ 1)

    async def read():
        here, there = PipelinedGet(url, timeout=5), PipelinedGet(another_database, timeout=5)
        try:
            return await here.get(key), await there.get(key)
        finally:
            here.close()
            there.close()

    assert run(read) == (b"kept", None)


def test_a_connection_closed_by_redis_is_made_again(location):
    url, client = location
    client.set(KEY_PREFIX + "page", b"kept")

    async def read_across_a_kill():
        reader = PipelinedGet(url, timeout=5)
        try:
            assert await reader.get(KEY_PREFIX + "page") == b"kept"
            database = client.connection_pool.connection_kwargs["db"]
            killed = [
                client.client_kill_filter(_id=connection["id"])
                for connection in client.client_list()
                if connection["cmd"] == "get" and int(connection["db"]) == database
            ]
            assert killed
            await asyncio.sleep(0.1)  # the close reaches the event loop
            return await reader.get(KEY_PREFIX + "page")
        finally:
            reader.close()

    assert run(read_across_a_kill) == b"kept"


def test_an_error_answer_is_reported_as_unavailable(location):
    url, _ = location
    # This Redis has no password: AUTH is answered with an error.
    with_password = url.replace("redis://", "redis://:not-the-password@", 1)

    async def read():
        reader = PipelinedGet(with_password, timeout=5)
        try:
            await reader.get(KEY_PREFIX + "page")
        finally:
            reader.close()

    with pytest.raises(RedisUnavailable):
        run(read)


def test_a_refused_connection_is_reported_as_unavailable():
    async def read():
        await PipelinedGet("redis://127.0.0.1:1/0", timeout=5).get(KEY_PREFIX + "page")

    with pytest.raises(RedisUnavailable):
        run(read)


def test_a_redis_that_never_answers_is_given_up_on_within_the_timeout():
    async def read_from_a_silent_server():
        async def listen_only(reader, writer):
            await reader.read(1 << 16)
            await asyncio.sleep(30)

        server = await asyncio.start_server(listen_only, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader = PipelinedGet(f"redis://127.0.0.1:{port}/0", timeout=0.3)
        started = time.monotonic()
        try:
            with pytest.raises(RedisUnavailable):
                await reader.get(KEY_PREFIX + "page")
            return time.monotonic() - started
        finally:
            reader.close()
            server.close()

    assert run(read_from_a_silent_server) < 3
