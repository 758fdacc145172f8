"""Gunicorn's worker for production (config/gunicorn.py): uvicorn's, with its C HTTP parser
(httptools) writing each answer in one system call (config/http_protocol.py), and uvloop. Gunicorn
still runs the workers, replaces a dead one and restarts gracefully; in the same trial, its own
`asgi` worker, which parses HTTP in Python, answered a kept 20 KB page at about two thirds of the
rate of uvicorn's."""

from uvicorn_worker import UvicornWorker

from config.http_protocol import HttpProtocol


class Worker(UvicornWorker):
    CONFIG_KWARGS = {
        "loop": "uvloop",
        "http": HttpProtocol,
        # config.asgi has nothing to start or stop.
        "lifespan": "off",
        # No server name and version in every answer.
        "server_header": False,
    }
