"""Load proof: wrk with 64 connections for 30 s on three pages against `make serve`.

Usage: python scripts/load_test.py [--duration 30] [--connections 64] [--port 8130]
Prints, per page, requests/s, latency and the count of non-2xx responses and socket errors;
exits non-zero if any page had either.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.serving import run_wrk, served

PAGES = {
    "home": "/",
    "country": "/countries/china/",
    "filtered agreement list": "/agreements/?country=china&domain=culture",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--port", type=int, default=8130)
    args = parser.parse_args()
    failed = False
    with served(args.port) as base_url:
        print(f"wrk -t2 -c{args.connections} -d{args.duration}s against make serve (gunicorn, 2 workers)")
        print(f"{'page':26} {'req/s':>8} {'requests':>9} {'p50':>9} {'p99':>9} {'non-2xx':>8} {'sock err':>9}")
        for name, path in PAGES.items():
            r = run_wrk(base_url + path, args.duration, args.connections)
            failed |= r["non_2xx"] > 0 or r["socket_errors"] > 0
            print(
                f"{name:26} {r['rps']:8.1f} {r['requests']:9d} {r['p50']:>9} {r['p99']:>9} "
                f"{r['non_2xx']:8d} {r['socket_errors']:9d}"
            )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
