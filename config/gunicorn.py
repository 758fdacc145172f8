"""Gunicorn settings for production, from the environment: `gunicorn -c config/gunicorn.py config.asgi`."""

import gc
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# An event loop per worker answers cached pages and keeps connections from nginx alive; pages are
# rendered in each worker's pool of WSGI_THREADS threads (config/asgi.py).
worker_class = "config.gunicorn_worker.Worker"
keepalive = 5
timeout = 30
graceful_timeout = 30
# Replacing a worker now and then bounds a slow leak in any library, but a replaced worker drops
# the connections it kept alive (nginx retries them; other clients see errors), so it is opt-in.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
preload_app = True
# X-Forwarded-* are trusted only from nginx on the same host or network (see docker-compose.yml).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG") else None
errorlog = "-"
# Each deployment's own control socket, so two gunicorns on one host (or in a test run) never share one.
control_socket_disable = True


# The application is loaded once, in the master (preload_app), and its objects are shared by the
# workers it forks. Frozen before each fork, they are left out of every later garbage collection: a
# full collection of a worker went from about 100 ms (190,000 objects) to what the worker made
# itself, and the pages holding them are not copied by collections. Python's advice for fork
# servers (the gc module's documentation): collect nothing in the master, freeze just before fork,
# collect again in the child.
gc.disable()


def pre_fork(server, worker):
    gc.freeze()


def post_fork(server, worker):
    gc.enable()
