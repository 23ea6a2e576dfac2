"""Staff stay signed in when Redis restarts empty (issue 17 item 4, R41). Production keeps
sessions with the cached_db engine (accounts/tests/test_sessions.py checks the setting): this
checks what it is for. bench/faults.py checks the same against a real Redis killed and restarted.
"""

import pytest
from django.core.cache import cache

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def signed_in_after_the_cache_is_emptied(settings, client, engine) -> bool:
    settings.SESSION_ENGINE = engine
    settings.PRONGSAI_REQUIRE_2FA = False
    client.force_login(give_role(UserFactory(username="owner"), Role.DATA_OWNER))
    assert client.get("/admin/publish-requests/").status_code == 200
    cache.clear()  # what a Redis restart without persistence leaves
    return client.get("/admin/publish-requests/").status_code == 200


def test_r41_staff_stay_signed_in_when_the_cache_restarts_empty(settings, client, home_page):
    engine = "django.contrib.sessions.backends.cached_db"
    assert signed_in_after_the_cache_is_emptied(settings, client, engine)


def test_r41_the_cache_only_engine_would_sign_everyone_out(settings, client, home_page):
    """Why production does not use it: the check above can fail."""
    engine = "django.contrib.sessions.backends.cache"
    assert not signed_in_after_the_cache_is_emptied(settings, client, engine)
