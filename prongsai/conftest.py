import io

import pytest

from prongsai.accounts.tests.factories import UnitFactory, UserFactory
from prongsai.core import testing
from prongsai.sitepages.tests.factories import build_site


@pytest.fixture
def home_page(db):
    return build_site()


@pytest.fixture
def unit(db):
    return UnitFactory(code="test-unit", name="กลุ่มงานทดสอบ")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)


def _load_demo():
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(scope="session")
def _demo_copy(django_db_setup, django_db_blocker):
    """The demo loaded once in this test process and kept as a copy: an attached database on
    SQLite, a schema of copied tables on PostgreSQL (a session fixture, so it runs before the
    test's transaction opens; prongsai/core/testing.py, ADR 0315 and 0330)."""
    with django_db_blocker.unblock():
        if testing.can_copy():
            testing.attach_copy("demo", _load_demo)


@pytest.fixture
def demo_database(_demo_copy, db):
    """The demo agency exactly as `make demo` loads it, inside the test's transaction: the
    process's one loaded copy on SQLite and PostgreSQL, a fresh load elsewhere (ADR 0315,
    0330)."""
    if testing.can_copy():
        testing.fill_from_copy()
    else:
        _load_demo()
    yield
    testing.forget_cached_rows()


@pytest.fixture
def demo(demo_database):
    """The demo agency's home page."""
    from wagtail.models import Page

    from prongsai.sitepages.models import HomePage

    return Page.objects.type(HomePage).get().specific
