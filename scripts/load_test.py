"""Load proof against `make serve` (nginx in front of gunicorn, 2 workers).

Usage: python scripts/load_test.py [--duration 30] [--connections 64] [--port 8130]

1. wrk with 64 connections on three pages: requests/s, latency, non-2xx responses, socket errors.
2. Cached pages through nginx beside nginx serving a static file of the same size, one after the
   other in the same run (wrk -t2 -c16).
3. 24 slow clients (a header line every 2 s as slowloris does, or a body a few bytes at a time)
   while another visitor
   loads pages that reach gunicorn (a session cookie bypasses nginx's cache): their latency.
Exits non-zero if any page had an error or the visitor waited a second or more.
"""

import socket
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.serving import ROOT, fetch, load_arguments, run_wrk, served

PAGES = {
    "home": "/it/",
    "country": "/it/countries/china/",
    "filtered agreement list": "/it/agreements/?country=china&domain=culture",
}
SLOW_CLIENTS = 24


def heavy_load(base_url, duration, connections):
    failed = False
    print(f"wrk -t2 -c{connections} -d{duration}s against make serve (nginx, gunicorn with 2 workers)")
    print(f"{'page':26} {'req/s':>8} {'requests':>9} {'p50':>9} {'p99':>9} {'non-2xx':>8} {'sock err':>9}")
    for name, path in PAGES.items():
        r = run_wrk(base_url + path, duration, connections)
        failed |= r["non_2xx"] > 0 or r["socket_errors"] > 0
        print(
            f"{name:26} {r['rps']:8.1f} {r['requests']:9d} {r['p50']:>9} {r['p99']:>9} "
            f"{r['non_2xx']:8d} {r['socket_errors']:9d}"
        )
    return failed


def cached_against_static(base_url, duration):
    """nginx's cached page beside nginx's static file of the same size."""
    size = len(fetch(base_url + "/it/countries/china/")[1])
    static = ROOT / "staticfiles" / "bench" / "same-size.html"  # nginx reads STATIC_ROOT from disk
    static.parent.mkdir(parents=True, exist_ok=True)
    static.write_bytes(b"x" * size)
    print(f"\nCached page through nginx and nginx's static file of the same size ({size / 1024:.0f} KB), wrk -t2 -c16:")
    for name, url in (
        ("country page, nginx cache", base_url + "/it/countries/china/"),
        ("static file, nginx", base_url + "/static/bench/same-size.html"),
        ("country page, nginx cache (again)", base_url + "/it/countries/china/"),
        ("static file, nginx (again)", base_url + "/static/bench/same-size.html"),
    ):
        r = run_wrk(url, duration, 16)
        print(f"  {name:36} {r['rps']:9.0f} req/s  p50 {r['p50']:>8}  p99 {r['p99']:>8}  non-2xx {r['non_2xx']}")


def slow_client(port, stop, opened, body=False):
    """A header line every 2 s (slowloris), or complete headers and then a body a few bytes at a time."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
        if body:
            connection.sendall(
                b"POST /search/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
            )
        else:
            connection.sendall(b"GET /partners/seoul/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        opened.release()
        number = 0
        while not stop.wait(2):
            try:
                connection.sendall(b"q=x&" if body else f"X-Slow-{number}: waiting\r\n".encode())
            except OSError:
                return
            number += 1


def slow_clients(base_url, seconds=10):
    port = int(base_url.rsplit(":", 1)[1])
    stop, opened = threading.Event(), threading.Semaphore(0)
    threads = [
        threading.Thread(target=slow_client, args=(port, stop, opened), daemon=True) for _ in range(SLOW_CLIENTS)
    ]
    for thread in threads:
        thread.start()
    for _ in threads:
        opened.acquire(timeout=10)
    timings, statuses = [], []
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            request = urllib.request.Request(base_url + "/it/countries/japan/", headers={"Cookie": "sessionid=none"})
            started = time.monotonic()
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
                statuses.append(response.status)
            timings.append(time.monotonic() - started)
    finally:
        stop.set()
    worst = max(timings)
    print(
        f"\n{SLOW_CLIENTS} slow clients (half slow headers, half slow bodies) held open for {seconds} s; "
        "meanwhile another visitor loaded "
        f"{len(timings)} pages through gunicorn: median {statistics.median(timings) * 1000:.0f} ms, "
        f"worst {worst * 1000:.0f} ms, statuses {sorted(set(statuses))}"
    )
    return worst >= 1


def main():
    args = load_arguments(port=8130)
    with served(args.port) as base_url:
        failed = heavy_load(base_url, args.duration, args.connections)
        cached_against_static(base_url, min(args.duration, 10))
        failed |= slow_clients(base_url)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
