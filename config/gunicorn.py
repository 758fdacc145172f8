"""Gunicorn settings for production, from the environment: `gunicorn -c config/gunicorn.py config.wsgi`."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threads let a worker keep connections alive from nginx while another request renders.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
keepalive = 5
timeout = 30
graceful_timeout = 30
# Workers are replaced now and then, so slow leaks in any library cannot grow without bound.
max_requests = 5000
max_requests_jitter = 500
preload_app = True
# X-Forwarded-* are trusted only from nginx on the same host or network (see docker-compose.yml).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG") else None
errorlog = "-"
# Each deployment's own control socket, so two gunicorns on one host (or in a test run) never share one.
control_socket_disable = True
