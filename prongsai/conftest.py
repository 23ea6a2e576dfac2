import pytest

from prongsai.accounts.tests.factories import UnitFactory, UserFactory
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
