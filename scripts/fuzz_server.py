"""Fuzz proof: hypothesis-generated query strings against every public list, and malformed paths,
sent to `make serve` over HTTP. Counts responses by status; any 5xx fails.

Usage: python scripts/fuzz_server.py [--examples-per-list 2500] [--port 8131]
"""

import argparse
import http.client
import socket
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.serving import served

LISTS = ["/it/partners/", "/it/agreements/", "/it/timeline/", "/it/search/", "/it/organisations/", "/it/countries/"]
KEYS = ["q", "country", "partner", "kind", "domain", "signatory", "year_from", "year_to", "page", "sort", "x"]
VALUES = st.one_of(
    st.text(max_size=400),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.sampled_from(["china", "japan", "culture", "city", "last", "0", "-1", "NaN", "1e999", "%", "", "\x00", "..%2f"]),
    st.binary(max_size=60).map(lambda raw: raw.decode("latin-1")),
)
# Sent byte for byte on a raw socket: some are not valid UTF-8 or not even ASCII.
MALFORMED_PATHS = [
    b"/it/milestones/\xc3\xa9t\xc3\xa9/",
    b"/it/partners/\xff\xfe/",
    b"/it/search/?q=\xff\x00\x80",
    b"/\x80/",
    b"/it/agreements/?country=\xe4\xb8\xad\xe5\x9b\xbd",
] + [
    path.encode()
    for path in [
        "/../../etc/passwd",
        "/static/../../manage.py",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/it/partners/%00/",
        "/it/partners/a%00b/",
        "/it/agreements/%ff%fe/",
        "/it/countries/%c3%28/",
        "/" + "a" * 5000 + "/",
        "/it/partners/" + "x" * 10000 + "/",
        "/it/search/?q=" + "%ff" * 3000,
        "//admin//",
        "/admin/../agreements/",
        "/it/sources/%2e%2e/",
        "/%",
        "/%%%",
        "/it/partners/chongqing/%0d%0aSet-Cookie:%20x=1",
        "/it/timeline/?page=%ff",
        "/it/agreements/?country[]=china",
        "/it/business/strategies/%u0000/",
        "/media/../db.sqlite3",
        "/static/%2e%2e%2fdb.sqlite3",
    ]
]


class Client:
    def __init__(self, port):
        self.port = port
        self.statuses = Counter()
        self.failures = []
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def raw_get(self, raw_path):
        """A request line with exactly these bytes, bypassing http.client's ASCII check."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
                sock.sendall(b"GET " + raw_path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                head = sock.recv(64)
            status = int(head.split(b" ", 2)[1])
        except (OSError, ValueError, IndexError) as error:
            status = f"error: {type(error).__name__}"
        self.statuses[status] += 1
        if not isinstance(status, int) or status >= 500:
            self.failures.append((status, raw_path[:200]))

    def get(self, raw_path):
        try:
            self.connection.request("GET", raw_path, headers={"User-Agent": "portal-fuzz"})
            response = self.connection.getresponse()
            response.read()
            status = response.status
        except (http.client.HTTPException, OSError) as error:
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            status = f"error: {type(error).__name__}"
        self.statuses[status] += 1
        if not isinstance(status, int) or status >= 500:
            self.failures.append((status, raw_path[:200]))


def fuzz_list(client, path, examples):
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(pairs=st.lists(st.tuples(st.sampled_from(KEYS), VALUES), max_size=6))
    def one(pairs):
        client.get(f"{path}?{urlencode(pairs, encoding='utf-8', errors='surrogateescape')}")

    one()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples-per-list", type=int, default=2000)
    parser.add_argument("--port", type=int, default=8131)
    args = parser.parse_args()
    with served(args.port) as _:
        client = Client(args.port)
        for path in LISTS:
            fuzz_list(client, path, args.examples_per_list)
        for raw in MALFORMED_PATHS:
            client.raw_get(raw)
    total = sum(client.statuses.values())
    print(
        f"{total} requests: "
        + ", ".join(f"{status}: {count}" for status, count in sorted(client.statuses.items(), key=str))
    )
    print(f"server errors (5xx or no response): {len(client.failures)}")
    for status, path in client.failures[:20]:
        print(f"  {status} {path}")
    sys.exit(1 if client.failures else 0)


if __name__ == "__main__":
    main()
