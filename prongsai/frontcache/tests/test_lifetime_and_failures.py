"""R30: a cached page never outlives the next window edge; a failed purge never blocks
publishing, is retried, logged and shown on the daily check."""

import datetime as dt

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.utils import timezone

from prongsai.accounts.tests.factories import UserFactory
from prongsai.frontcache import dailychecks, lifetime, services
from prongsai.monitoring import tasks as jobs
from prongsai.sitepages.models import AgencyDocument
from prongsai.sitepages.tests.factories import metadata

from .conftest import at

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36"


@pytest.fixture(autouse=True)
def front_cache_on(settings):
    settings.PRONGSAI_FRONT_CACHE_SECONDS = 300


def cache_control(client, path, **extra):
    response = client.get(path, HTTP_USER_AGENT=BROWSER, **extra)
    return response.status_code, response.get("Cache-Control", "")


def test_r30_without_windows_a_page_is_shared_for_the_configured_time(client, tree):
    with time_machine.travel(at(2026, 12, 1, 16, 0), tick=False):
        assert cache_control(client, "/news/first/") == (
            200,
            "public, max-age=60, s-maxage=300",
        )


def test_r30_lifetime_ends_when_a_window_closes_at_17_00(client, tree):
    page = tree["second"]
    with time_machine.travel(at(2026, 12, 1, 16, 0), tick=False):
        page.expire_at = at(2026, 12, 1, 17, 0)
        page.save_revision().publish()
    with time_machine.travel(at(2026, 12, 1, 16, 58), tick=False):
        # Every page (the listing, the home page too), not only the expiring item itself.
        for path in ("/news/second/", "/news/", "/"):
            assert cache_control(client, path) == (200, "public, max-age=60, s-maxage=120")
    with time_machine.travel(at(2026, 12, 1, 16, 59, 30), tick=False):
        assert cache_control(client, "/news/first/") == (200, "public, max-age=30, s-maxage=30")


def test_r30_lifetime_ends_when_a_document_window_opens(client, tree):
    with time_machine.travel(at(2026, 12, 1, 9, 0), tick=False):
        document = AgencyDocument(title="ประกาศ", publish_from=at(2026, 12, 1, 9, 1), **metadata())
        document.file.save("notice.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        document.save()
        assert cache_control(client, "/laws/") == (200, "public, max-age=60, s-maxage=60")


def test_r30_expired_item_410_is_shared_until_the_next_edge(client, tree):
    page = tree["second"]
    with time_machine.travel(at(2026, 12, 1, 16, 0), tick=False):
        page.expire_at = at(2026, 12, 1, 17, 0)
        page.save_revision().publish()
    with time_machine.travel(at(2026, 12, 1, 17, 0, 30), tick=False):
        jobs.publish_scheduled.enqueue()
        lifetime.forget()
        status, control = cache_control(client, "/news/second/")
    assert status == 410
    assert control == "public, max-age=60, s-maxage=300"


def test_r41_staff_cookies_and_queries_are_never_marked_shareable(client, tree):
    assert "public" not in cache_control(client, "/news/?page=2")[1]
    assert "public" not in cache_control(client, "/news/", HTTP_COOKIE="csrftoken=x")[1]
    client.force_login(UserFactory(is_staff=True))
    assert "public" not in cache_control(client, "/news/")[1]


def test_r30_public_pages_set_no_cookie(client, tree):
    response = client.get("/", HTTP_USER_AGENT=BROWSER)
    assert not response.cookies


def test_r30_a_window_closing_purges_the_page_by_itself(
    tree, purge_server, django_capture_on_commit_callbacks
):
    page = tree["second"]
    with time_machine.travel(at(2026, 12, 1, 16, 0), tick=False):
        page.expire_at = at(2026, 12, 1, 17, 0)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
    purge_server.purged.clear()
    with (
        time_machine.travel(at(2026, 12, 1, 17, 0, 20), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        jobs.publish_scheduled.enqueue()
    assert {"/news/second/", "/news/", "/"} <= purge_server.paths()


def test_r30_a_failed_purge_never_blocks_publishing_and_shows_on_the_daily_check(
    tree, purge_server, django_capture_on_commit_callbacks, caplog
):
    purge_server.failing = True
    page = tree["first"]
    page.title = "ข่าวแรก (แก้ไข)"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.title == "ข่าวแรก (แก้ไข)" and page.live
    # The test task backend runs each retry at once: all attempts fail, then it gives up.
    failures = services.failures_since(dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    assert len(failures) == 1
    assert failures[0]["attempts"] == services.MAX_ATTEMPTS
    assert "/news/first/" in "".join(failures[0]["urls"])
    assert "front cache purge given up" in caplog.text
    findings = dailychecks.purge_failures(today=timezone.localdate())
    assert len(findings) == 1 and "ล้างแคชหน้าเว็บไม่สำเร็จ" in findings[0].summary


def test_r30_a_purge_that_succeeds_on_retry_is_not_reported(
    tree, purge_server, django_capture_on_commit_callbacks
):
    purge_server.refuse_next = 3  # nginx restarting: the first three URLs are refused
    with django_capture_on_commit_callbacks(execute=True):
        tree["first"].save_revision().publish()
    assert {"/news/first/", "/news/", "/"} <= purge_server.paths()
    assert services.failures_since(dt.datetime(2000, 1, 1, tzinfo=dt.UTC)) == []
    assert dailychecks.purge_failures(today=timezone.localdate()) == []


def test_r30_a_browser_set_to_english_gets_the_same_shareable_thai_page(client, tree):
    """One language (ADR 0305): no language form, no cookie, and the English-first browser's
    answer is the Thai page the front cache shares (it was bypassed as another variant)."""
    thai = client.get("/news/", HTTP_USER_AGENT=BROWSER)
    english = client.get("/news/", HTTP_USER_AGENT=BROWSER, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert not thai.cookies and not english.cookies
    assert (
        '<html lang="th">' in thai.content.decode()
        and '<html lang="th">' in english.content.decode()
    )
    assert "s-maxage" in english["Cache-Control"]
    assert 'class="lang-switch"' not in english.content.decode()
