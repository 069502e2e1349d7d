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
