"""R41: staff sessions end when idle or old, sign-out needs a POST, and sessions survive a
cache flush in production (ADR 0073)."""

import os
import subprocess
import sys

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Site

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.core.models import AgencySettings

LOGOUT = reverse("wagtailadmin_logout")

pytestmark = pytest.mark.usefixtures("session_timeouts")


@pytest.fixture
def session_timeouts():
    with override_settings(PRONGSAI_SESSION_TIMEOUTS=True):
        yield


@pytest.fixture
def staff(db):
    return give_role(UserFactory(username="editor"), Role.DATA_OWNER)


def test_r41_logout_by_get_shows_a_form_and_keeps_the_session(client, staff):
    """Fails before this change: a GET deleted the session cookie."""
    client.force_login(staff)
    response = client.get(LOGOUT)
    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert client.get("/admin/").status_code == 200


def test_r41_logout_by_post_signs_out(client, staff):
    client.force_login(staff)
    assert client.post(LOGOUT).status_code == 302
    assert client.get("/admin/").status_code == 302


def test_r41_idle_staff_session_ends_after_30_minutes(client, staff):
    """Fails before this change: a session lived two weeks however idle."""
    with time_machine.travel("2026-12-01 09:00:00+07:00", tick=False) as clock:
        client.force_login(staff)
        assert client.get("/admin/").status_code == 200
        clock.shift(29 * 60)
        assert client.get("/admin/").status_code == 200
        clock.shift(31 * 60)
        response = client.get("/admin/pages/")
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
        assert "_auth_user_id" not in client.session


def test_r41_the_idle_time_is_the_agencys_setting(client, staff, home_page):
    agency = AgencySettings.for_site(Site.objects.get(is_default_site=True))
    agency.staff_idle_minutes = 90
    agency.save()
    with time_machine.travel("2026-12-01 09:00:00+07:00", tick=False) as clock:
        client.force_login(staff)
        client.get("/admin/")
        clock.shift(60 * 60)
        assert client.get("/admin/").status_code == 200
        clock.shift(91 * 60)
        assert client.get("/admin/").status_code == 302


@override_settings(PRONGSAI_SESSION_ABSOLUTE_SECONDS=3600)
def test_r41_a_busy_session_still_ends_at_its_absolute_lifetime(client, staff):
    with time_machine.travel("2026-12-01 09:00:00+07:00", tick=False) as clock:
        client.force_login(staff)
        for _step in range(3):
            clock.shift(20 * 60)
            assert client.get("/admin/").status_code == 200
        clock.shift(2 * 60)
        assert client.get("/admin/").status_code == 302


def test_r41_absolute_lifetime_default_is_12_hours():
    assert settings.PRONGSAI_SESSION_ABSOLUTE_SECONDS == 12 * 3600
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600


def test_r41_production_sessions_are_in_the_database_behind_redis():
    """Fails before this change: production used the cache-only session engine."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "www.example.go.th",
        "DATABASE_URL": "postgres://prongsai@127.0.0.1:5432/prongsai",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    code = "from django.conf import settings; print(settings.SESSION_ENGINE)"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.strip() == "django.contrib.sessions.backends.cached_db"
