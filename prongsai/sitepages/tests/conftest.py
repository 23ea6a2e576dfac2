import pytest


def log_in_to_admin(client, user):
    """The one place the tests sign in to the Wagtail admin (adapt here if 2FA is required)."""
    client.force_login(user)
    return client


@pytest.fixture
def admin_client_logged_in(client, superuser):
    return log_in_to_admin(client, superuser)


# The demo agency (fixture ``demo``) is loaded for every app's tests in prongsai/conftest.py.
