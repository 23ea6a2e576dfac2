import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from prongsai.sitepages import models as m


def log_in_to_admin(client, user):
    """The one place the tests sign in to the Wagtail admin (adapt here if 2FA is required)."""
    client.force_login(user)
    return client


@pytest.fixture
def admin_client_logged_in(client, superuser):
    return log_in_to_admin(client, superuser)


@pytest.fixture
def demo(db):
    """The demo agency exactly as `make demo` loads it; returns its home page."""
    call_command("load_demo", stdout=io.StringIO())
    return Page.objects.type(m.HomePage).get().specific
