"""Time from a fresh clone to the first page served by `make run`.

Clones this repository into a temporary folder, runs `make run` on a spare port and polls until the
front page answers 200, then stops the server. pip's download cache makes later runs faster than a
machine's very first one; the figure printed says which it was.

Run: python3 bench/make_run.py [--port 8099]
"""

import argparse
import os
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def first_page_seconds(port: int, timeout: float = 900) -> float:
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "mahalleh"
        subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
        started = time.monotonic()
        env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}}
        server = subprocess.Popen(
            ["make", "run", f"PORT={port}"],
            cwd=clone,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            while time.monotonic() - started < timeout:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                        if response.status == 200:
                            return time.monotonic() - started
                except OSError:
                    time.sleep(0.5)
            raise TimeoutError(f"no page after {timeout} s")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8099)
    args = parser.parse_args()
    seconds = first_page_seconds(args.port)
    print(f"make run: fresh clone to first page served in {seconds:.1f} s")


if __name__ == "__main__":
    main()
