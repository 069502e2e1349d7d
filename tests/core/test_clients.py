"""Admin login behind a proxy: lockout by the client's real address, and a cheap throttle per address."""

from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

RIGHT = "the right password 123"
LOGIN = "/admin/login/"


@pytest.fixture
def behind_one_proxy(settings):
    """As under `make serve`: nginx appends the address it sees to X-Forwarded-For; the portal sees nginx."""
    settings.PORTAL_PROXY_COUNT = 1
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    from django.core.cache import caches

    caches["default"].clear()


def post_login(client, forwarded_for, username="administrator", password="wrong", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded_for,
        **headers,
    )


@pytest.mark.django_db
def test_failures_from_one_client_never_lock_the_right_password_out_from_another(client, behind_one_proxy):
    User.objects.create_superuser("administrator", password=RIGHT)
    for number in range(8):
        # The attacker controls what it sends; the proxy appends the address it really came from.
        post_login(client, f"198.51.100.{number}, 203.0.113.66")
    assert post_login(client, "203.0.113.66", password=RIGHT).status_code == 429
    assert post_login(client, "192.0.2.10", password=RIGHT).status_code == 302


@pytest.mark.django_db
def test_failures_during_a_lockout_do_not_extend_it(client, behind_one_proxy):
    from axes.models import AccessAttempt

    User.objects.create_superuser("administrator", password=RIGHT)
    for _ in range(5):
        post_login(client, "203.0.113.66")
    locked_at = AccessAttempt.objects.get().attempt_time
    for _ in range(3):
        assert post_login(client, "203.0.113.66").status_code == 429
    assert AccessAttempt.objects.get().attempt_time == locked_at


@pytest.mark.django_db
def test_login_attempts_are_throttled_per_address_across_usernames_without_hashing(client, behind_one_proxy, settings):
    settings.PORTAL_LOGIN_ATTEMPTS = 10
    for number in range(10):
        assert post_login(client, "203.0.113.66", username=f"user{number}").status_code == 200
    with (
        mock.patch("django.contrib.auth.authenticate") as authenticate,
        CaptureQueriesContext(connection) as queries,
    ):
        throttled = post_login(client, "203.0.113.66", username="user-new", HTTP_ACCEPT_LANGUAGE="en")
    assert throttled.status_code == 429
    assert "Too many login attempts from your connection" in throttled.content.decode()
    italian = post_login(client, "203.0.113.66", username="user-new").content.decode()  # no language asked
    assert "Troppi tentativi di accesso dalla tua connessione" in italian
    assert throttled["Retry-After"]
    assert not authenticate.called
    assert len(queries) == 0
    assert post_login(client, "192.0.2.10", username="someone-else").status_code == 200  # other addresses unaffected


@pytest.mark.django_db
def test_viewing_the_login_page_is_not_throttled(client, behind_one_proxy, settings):
    settings.PORTAL_LOGIN_ATTEMPTS = 2
    for _ in range(5):
        assert client.get(LOGIN, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66").status_code == 200
