"""The demo a newcomer sees (issue 11 item 11): runs like production, tells its real address,
and its history is in time order."""

import importlib
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import clear_url_caches
from django.utils import timezone
from wagtail.models import PageLogEntry

from prongsai.core.management.commands.run_demo import demo_url, point_demo_at


def test_demo_settings_run_with_debug_off_and_serve_static_with_whitenoise():
    demo = importlib.import_module("config.settings.demo")
    assert demo.DEBUG is False
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in demo.MIDDLEWARE
    assert demo.PRONGSAI_DEMO_SERVE_MEDIA is True


@pytest.mark.django_db
def test_demo_unknown_url_gives_the_thai_404_and_no_url_list(client):
    with override_settings(DEBUG=False, PRONGSAI_DEMO_SERVE_MEDIA=True):
        clear_url_caches()
        importlib.reload(importlib.import_module("config.urls"))
        response = client.get("/no-such-page-anywhere/")
        served_image_route = client.get("/media/original_images/missing.png").status_code
        closed_folder = client.get("/media/publish-requests/1/x.pdf").status_code
    importlib.reload(importlib.import_module("config.urls"))
    clear_url_caches()
    assert response.status_code == 404
    html = response.content.decode()
    assert "ไม่พบหน้าที่ท่านต้องการ" in html
    assert "URLconf" not in html and "Using the URLconf" not in html
    assert served_image_route == 404 and closed_folder == 404


@pytest.mark.parametrize(
    ("addrport", "url"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000/"),
        ("8105", "http://127.0.0.1:8105/"),
        ("0.0.0.0:8105", "http://127.0.0.1:8105/"),
        ("[::1]:8105", "http://[::1]:8105/"),
        ("localhost:9000", "http://localhost:9000/"),
    ],
)
def test_run_demo_prints_the_address_it_serves_on(addrport, url):
    assert demo_url(addrport) == url


def test_run_demo_refuses_an_address_it_cannot_serve_with_a_thai_message():
    with pytest.raises(CommandError, match="ที่อยู่ไม่ถูกต้อง"):
        demo_url("127.0.0.1:http")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("http://127.0.0.1:8105/", "http://127.0.0.1:8105"),
        ("http://[::1]:8105/", "http://[::1]:8105"),
    ],
)
def test_r26_demo_links_use_the_address_it_serves_on(url, root):
    """Issue 11 item 6: e-mails and evidence linked to localhost or 127.0.0.1:8000 whatever
    address the demo served on."""
    from django.conf import settings
    from wagtail.models import Site

    with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000"):
        point_demo_at(url)
        assert Site.objects.get(is_default_site=True).root_url == root
        assert root == settings.WAGTAILADMIN_BASE_URL


@pytest.mark.django_db
def test_demo_history_is_in_time_order_and_one_account_changes_its_password():
    """An event never comes before the thing it belongs to (fails before this change: the
    demo's overdue request was approved two weeks before it was submitted)."""
    from prongsai.accounts.models import User
    from prongsai.monitoring.models import ReviewSchedule
    from prongsai.publishing.models import PublishRequest, VerbalApproval

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    now = timezone.now()

    requests = list(PublishRequest.objects.all())
    assert len(requests) >= 5
    for request in requests:
        stamps = [request.submitted_at, request.approved_at, request.published_at]
        present = [s for s in stamps if s is not None]
        assert present == sorted(present), request.title
        assert present[-1] <= now
        events = list(request.events.order_by("pk"))
        assert events, request.title
        times = [event.created_at for event in events]
        assert times == sorted(times), request.title
        assert times[0] >= request.submitted_at, request.title
        if request.approved_at and request.due_date:
            assert request.due_date > timezone.localdate(request.approved_at)
        page = request.target_page
        if page is not None and page.first_published_at:
            assert page.first_published_at >= request.submitted_at, request.title
            for entry in PageLogEntry.objects.filter(page=page):
                assert entry.timestamp >= request.submitted_at, (request.title, entry.action)
    for verbal in VerbalApproval.objects.select_related("request"):
        assert verbal.request.submitted_at <= verbal.approved_at <= verbal.recorded_at
    for schedule in ReviewSchedule.objects.select_related("page"):
        if schedule.page.first_published_at:
            assert schedule.last_reviewed_at >= schedule.page.first_published_at, schedule.page

    assert User.objects.get(username="approver").must_change_password
    assert "ต้องตั้งรหัสผ่านใหม่เมื่อเข้าครั้งแรก" in out.getvalue()
    assert "127.0.0.1:8000" not in out.getvalue()
