"""Fixtures every test may use.

Behaviour tests build what they need with the factories (tests/factories.py). Only the tests of
the documents' facts ask for ``seed``: the fixtures of fixtures/, loaded once per module and
rolled back after it, so no test depends on another's data or on the order tests run in. A module
asks for it as a whole (``pytestmark = pytest.mark.usefixtures("seed")``): the data stays loaded
until the module's last test.
"""

import pytest
from django.core.cache import caches
from django.db import transaction
from django.utils import translation

from portal.site.info_pages import create_missing
from portal.site.loading import load_fixtures
from portal.site.models import InfoPage


def load_seed():
    """The document facts, and the footer's pages the migrations made (a transactional test's
    flush of the database removes what migrations wrote)."""
    load_fixtures()
    create_missing(InfoPage)


@pytest.fixture(scope="module")
def seed(django_db_setup, django_db_blocker):
    """The document facts, for this module's tests (each test still rolls back its own changes)."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_seed()
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def english():
    """Tests read and write English unless they ask for Italian (``translation.override("it")``,
    an ``/it/`` address): most of the suite checks the source documents' English wording, and the
    tests of the Italian portal say so where they do it. Italian stays the portal's default."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def editors_read_english(english):
    """Users made by a test work in an English admin, as the suite's assertions are in English;
    the tests of the Italian admin (tests/admin/test_languages.py) make their editor choose
    Italian, or delete the setting to see the default."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_save

    from portal.site.models import EditorSettings

    def choose_english(sender, instance, created, raw=False, **kwargs):
        if created and not raw:
            EditorSettings.objects.get_or_create(user=instance, defaults={"language": "en"})

    user_model = get_user_model()
    post_save.connect(choose_english, sender=user_model, dispatch_uid="tests.editors_read_english")
    yield
    post_save.disconnect(sender=user_model, dispatch_uid="tests.editors_read_english")


@pytest.fixture(autouse=True)
def empty_caches():
    """Rendered pages and fragments, login counters: nothing carries over from another test."""
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture
def places(db):
    """A small world made with the factories: two countries, a partner and an agreement in each."""
    from types import SimpleNamespace

    from tests.factories import AgreementFactory, CountryFactory, DomainFactory, PartnerFactory

    china = CountryFactory(name="China", slug="china", iso_code="CN")
    japan = CountryFactory(name="Japan", slug="japan", iso_code="JP")
    chongqing = PartnerFactory(name="Chongqing", slug="chongqing", country=china)
    nagoya = PartnerFactory(name="Nagoya", slug="nagoya", country=japan)
    music = DomainFactory(name="Music", slug="music")
    return SimpleNamespace(
        china=china,
        japan=japan,
        chongqing=chongqing,
        nagoya=nagoya,
        music=music,
        chongqing_agreement=AgreementFactory(
            title="Agreement with Chongqing", slug="agreement-with-chongqing", date_year=1989, partners=[chongqing]
        ),
        nagoya_agreement=AgreementFactory(
            title="Agreement with Nagoya",
            slug="agreement-with-nagoya",
            date_year=2015,
            partners=[nagoya],
            domains=[music],
        ),
    )
