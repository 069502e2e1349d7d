import pytest

from portal.loading import load_fixtures


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the document facts once into the test database; each test rolls back its own changes.

    Tests that need a transactional database (the live server) flush the tables afterwards;
    pytest-django runs them after the others, and they reload through ``seeded_live_server``.
    """
    with django_db_blocker.unblock():
        load_fixtures()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the tests that flush the database (live server, transactional) last.

    pytest-django sorts them last, but pytest-playwright reorders the collection afterwards;
    sorting again here keeps the seed data in place for every other database test.
    """
    flushing = {"live_server", "transactional_db"}
    items.sort(key=lambda item: bool(flushing & set(getattr(item, "fixturenames", ()))))
