"""`make design-report`: the portal served as in production, then its screenshots (390, 1280 and
320 px, both languages), the weight of every page type and Lighthouse's scores; then it stops.

    python scripts/design_report.py --port 8799 [--output screenshots]
"""

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def wait_until_up(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} did not answer within {seconds} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--output", default=str(ROOT / ".local" / "screenshots"))
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [PYTHON, str(ROOT / "scripts" / "serve.py"), "--port", str(args.port)], start_new_session=True
    )
    try:
        wait_until_up(base + "/healthz/")
        steps = [
            [PYTHON, "scripts/screenshots.py", base, args.output, "--widths", "390,1280,320"],
            [PYTHON, "scripts/page_weight.py", base],
            [PYTHON, "scripts/lighthouse.py", base],
        ]
        failed = [step[1] for step in steps if subprocess.run(step, cwd=ROOT).returncode]
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # serve.py stops nginx and gunicorn with it
        server.wait(timeout=30)
    print(f"screenshots in {args.output}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
