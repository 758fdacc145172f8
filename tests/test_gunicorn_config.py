"""The production server's garbage collection (config/gunicorn.py): the master loads the application
without collecting, freezes what it loaded before each fork, and each worker collects again."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run as gunicorn runs the hooks: in a process of their own (the test process keeps collecting).
AS_GUNICORN_DOES = """
import gc, runpy
hooks = runpy.run_path("config/gunicorn.py")
assert not gc.isenabled(), "the master collects while it loads the application"
hooks["pre_fork"](None, None)
assert gc.get_freeze_count() > 0, "what the master loaded is not frozen before the fork"
hooks["post_fork"](None, None)
assert gc.isenabled(), "the worker never collects"
"""


def test_the_master_freezes_what_it_loaded_and_workers_collect():
    ran = subprocess.run([sys.executable, "-c", AS_GUNICORN_DOES], cwd=ROOT, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
