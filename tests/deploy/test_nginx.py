"""nginx in front of gunicorn, as `make serve` runs it: what passes, what is served from disk,
what is cached and for how long, and what slow or greedy clients can no longer do."""

import io
import re
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.deploy.conftest import prepared_pair

pytestmark = pytest.mark.server


def test_the_portals_headers_pass_through_unchanged(pair):
    status, headers, _ = pair.request("GET", "/en/countries/china/")
    assert status == 200
    assert "script-src 'self'" in headers["content-security-policy"][0]
    assert headers["x-frame-options"] == ["DENY"]
    assert headers["referrer-policy"] == ["same-origin"]
    assert headers["cache-control"] == ["public, max-age=5"]
    assert "etag" in headers
    status, headers, _ = pair.request("GET", "/admin/login/")
    assert status == 200
    assert any(cookie.startswith("csrftoken=") for cookie in headers["set-cookie"])
    assert "x-cache-status" not in headers or headers["x-cache-status"] != ["HIT"]


def test_hashed_static_files_are_served_by_nginx_for_a_year(pair):
    _, _, page = pair.request("GET", "/en/")
    stylesheet = re.search(rb'href="(/static/build/portal\.[0-9a-f]+\.css)"', page).group(1).decode()
    status, headers, body = pair.request("GET", stylesheet)
    assert status == 200
    assert headers["server"] == ["nginx"]
    assert headers["content-type"] == ["text/css"]
    assert "immutable" in headers["cache-control"][0]
    assert b".it-header-slim-wrapper" in body


def put_in_media(pair, name, content):
    path = Path(pair.env["DJANGO_MEDIA_ROOT"]) / "images" / "2026" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def test_uploaded_pictures_are_served_with_their_type_and_safe_headers(pair):
    output = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(output, format="PNG")
    put_in_media(pair, "red.png", output.getvalue())
    status, headers, body = pair.request("GET", "/media/images/2026/red.png")
    assert status == 200
    assert headers["content-type"] == ["image/png"]
    assert headers["x-content-type-options"] == ["nosniff"]
    assert "sandbox" in headers["content-security-policy"][0]
    assert body == output.getvalue()


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "script.js", "notes.txt"])
def test_media_that_is_not_a_picture_is_never_served(pair, name):
    put_in_media(pair, name, b"<script>alert(1)</script>")
    assert pair.request("GET", f"/media/images/2026/{name}")[0] == 404


def test_a_public_page_is_served_from_nginxs_cache_the_second_time(pair):
    first = pair.request("GET", "/en/partners/itabashi/")
    second = pair.request("GET", "/en/partners/itabashi/")
    assert first[1]["x-cache-status"] == ["MISS"]
    assert second[1]["x-cache-status"] == ["HIT"]
    assert second[2] == first[2]


@pytest.mark.parametrize(
    "url",
    [
        "/en/feeds/changes.atom",
        "/sitemap.xml",
        "/sitemap-agreement.xml",
        "/en/data/datapackage.json",
        "/data/catalogue.ttl",
        "/it/data/agreements.csv?country=china",
        "/en/data/figures.json",
    ],
)
def test_feeds_sitemaps_and_downloads_are_answered_by_nginx_too(pair, url):
    """Issue 26: they reached Django on every request (30 and 45 req/s with both workers busy)."""
    first = pair.request("GET", url)
    assert first[0] == 200 and first[1]["cache-control"] == ["public, max-age=5"]
    assert pair.request("GET", url)[1]["x-cache-status"] == ["HIT"]


def test_a_request_with_a_session_cookie_is_never_answered_from_nginxs_cache(pair):
    pair.request("GET", "/en/partners/nagoya/")
    status, headers, _ = pair.request("GET", "/en/partners/nagoya/", headers={"Cookie": "sessionid=abc"})
    assert status == 200
    assert headers["x-cache-status"] == ["BYPASS"]


def test_an_editors_change_reaches_visitors_within_the_bound(pair):
    bound = int(pair.env["DJANGO_HTTP_MAX_AGE"])
    url = "/en/partners/hamamatsu/"
    pair.request("GET", url)
    assert pair.request("GET", url)[1]["x-cache-status"] == ["HIT"]
    code = (
        "from relations.models import Partner; partner = Partner.objects.get(slug='hamamatsu'); "
        "partner.location_en = 'Changed by an editor'; partner.save()"
    )
    pair.manage("shell", "--no-imports", "-c", code)
    changed = time.monotonic()
    while b"Changed by an editor" not in pair.request("GET", url)[2]:
        assert time.monotonic() - changed < bound + 2, "the change did not reach visitors in time"
        time.sleep(0.2)
    assert time.monotonic() - changed <= bound + 2


def slow_client(port, stop, opened):
    """Sends a request's headers one line every 2 s, as slowloris does (that held a gunicorn worker)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(b"GET /en/partners/seoul/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        opened.release()
        number = 0
        while not stop.is_set():
            try:
                connection.sendall(f"X-Slow-{number}: waiting\r\n".encode())
            except OSError:
                return
            number += 1
            stop.wait(2)


def test_twenty_slow_clients_do_not_delay_another_visitor(pair):
    stop, opened = threading.Event(), threading.Semaphore(0)
    clients = [threading.Thread(target=slow_client, args=(pair.port, stop, opened), daemon=True) for _ in range(20)]
    for client in clients:
        client.start()
    for _ in clients:
        assert opened.acquire(timeout=10)
    time.sleep(1)
    try:
        started = time.monotonic()
        # A session cookie, so nginx passes the request to a gunicorn worker: none is held by the slow ones.
        status = pair.request("GET", "/en/countries/japan/", headers={"Cookie": "sessionid=nothing"})[0]
        elapsed = time.monotonic() - started
    finally:
        stop.set()
    assert status == 200
    assert elapsed < 1


def test_an_oversized_request_body_is_refused_with_413(pair):
    status, _, _ = pair.request(
        "POST", "/admin/login/", body=b"x" * (13 * 1024 * 1024), headers={"Content-Type": "application/octet-stream"}
    )
    assert status == 413


def test_login_posts_are_limited_per_client_at_the_edge(pair):
    statuses = [pair.request("POST", "/admin/login/", body=b"username=x&password=y")[0] for _ in range(12)]
    assert 429 in statuses
    assert pair.request("GET", "/admin/login/")[0] == 200  # looking at the form is never limited


def test_stopping_make_serve_stops_nginx_and_gunicorn(tmp_path):
    pair = prepared_pair(tmp_path).start()
    nginx_pid = int((tmp_path / "nginx" / "nginx.pid").read_text())
    children = subprocess.run(["pgrep", "-P", str(pair.process.pid)], capture_output=True, text=True).stdout.split()
    assert children
    pair.stop()
    assert pair.process.returncode == 0
    for pid in [nginx_pid, *map(int, children)]:
        assert not Path(f"/proc/{pid}").exists(), f"process {pid} is still running"


def test_with_tls_nginx_redirects_http_and_the_portal_adds_hsts(tmp_path):
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    pair = prepared_pair(tmp_path, tls=True, DJANGO_HTTPS="true", DJANGO_BASE_URL="https://127.0.0.1")
    from tests.deploy.conftest import free_port

    http_port = free_port()
    pair.start("--tls-certificate", str(certificate), "--tls-certificate-key", str(key), "--http-port", str(http_port))
    try:
        status, headers, _ = pair.request("GET", "/en/")
        assert status == 200
        assert headers["strict-transport-security"][0].startswith("max-age=31536000")
        assert any(cookie.startswith("__Host-") for cookie in pair.request("GET", "/admin/login/")[1]["set-cookie"])
        with socket.create_connection(("127.0.0.1", http_port), timeout=5) as plain:
            plain.sendall(b"GET /countries/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            answer = plain.recv(4096).decode()
        assert answer.startswith("HTTP/1.1 301")
        assert "Location: https://127.0.0.1/countries/" in answer
    finally:
        pair.stop()


def test_the_root_sends_each_browser_to_its_language_through_the_cache(pair):
    """nginx keys its cache on the address only: a redirect that depends on Accept-Language must
    never be stored, or every visitor would follow the first one's language for a while."""
    for _ in range(3):
        for accept, landing in [("it-IT,it;q=0.9", "/it/"), ("en-GB,en;q=0.9", "/en/"), ("fr", "/it/")]:
            status, headers, _ = pair.request("GET", "/", headers={"Accept-Language": accept})
            assert status == 302
            assert headers["location"] == [landing]
            assert headers.get("x-cache-status", ["MISS"]) != ["HIT"]
    status, headers, _ = pair.request("GET", "/en/")
    status, headers, _ = pair.request("GET", "/en/")
    assert (status, headers["content-language"]) == (200, ["en"])
