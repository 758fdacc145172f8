"""ASGI entry point for production (config/gunicorn.py): cached pages are answered on the event loop
(pagecache/asgi.py), everything else by the WSGI application (config/wsgi.py) in a pool of threads."""

import os

from config.wsgi import application as wsgi_application
from pagecache.asgi import AsgiPageCacheFront

application = AsgiPageCacheFront(wsgi_application, threads=int(os.environ.get("WSGI_THREADS", "4")))
