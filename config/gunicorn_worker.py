"""Gunicorn's worker for production (config/gunicorn.py): uvicorn's, with its C HTTP parser
(httptools) and uvloop. Gunicorn still runs the workers, replaces a dead one and restarts gracefully;
in the same trial, its own `asgi` worker, which parses HTTP in Python, answered a kept 20 KB page at
about two thirds of this rate."""

from uvicorn_worker import UvicornWorker


class Worker(UvicornWorker):
    CONFIG_KWARGS = {
        "loop": "uvloop",
        "http": "httptools",
        # config.asgi has nothing to start or stop.
        "lifespan": "off",
        # No server name and version in every answer.
        "server_header": False,
    }
