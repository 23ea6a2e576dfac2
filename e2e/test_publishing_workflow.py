"""Browser walks of the publishing workflow (R21, R22, R24): request → approve → publish,
a rejection reaching the owner, and a verbal approval then its confirmation."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from e2e.conftest import WIDTHS, point_site_at, screenshot
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UnitFactory, UserFactory
from prongsai.publishing.models import (
    ApprovalRoute,
    InformationClass,
    PublishRequest,
    RouteKind,
    RouteStep,
    Status,
)
from prongsai.sitepages import models as site
from prongsai.sitepages.tests.factories import add_page, build_site


def ensure_page_root():
    # transactional_db empties every table after a test, Wagtail's root page included.
    from django.conf import settings as django_settings
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code=django_settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.fixture
def world(transactional_db, live_server, settings):

    settings.PRONGSAI_REQUIRE_2FA = False
    ensure_page_root()
    home = build_site()
    point_site_at(live_server)
    add_page(home, site.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    unit = UnitFactory(code="disease", name="กลุ่มงานควบคุมโรคติดต่อ")

    def person(username, first, role):
        user = UserFactory(username=username, first_name=first, last_name="ทดสอบ", unit=unit)
        return give_role(user, role)

    route = ApprovalRoute.objects.create(name="หัวหน้ากลุ่มงานเห็นชอบ", kind=RouteKind.COMMUNICATIONS)
    RouteStep.objects.create(
        route=route, name="หัวหน้ากลุ่มงานเห็นชอบ", approver_role=Role.APPROVER.value
    )
    return {
        "url": live_server.url,
        "owner": person("owner", "สมศรี", Role.DATA_OWNER),
        "approver": person("approver", "ประเสริฐ", Role.APPROVER),
        "publisher": person("publisher", "ธนา", Role.PUBLISHER),
        "class": InformationClass.objects.create(code="general", name="ข่าวทั่วไป", route=route),
    }


def signed_in(open_page, world, user, path, width=1440):
    client = Client()
    client.force_login(user)
    page = open_page(world["url"] + "/admin/login/", width)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": world["url"]}]
    )
    page.goto(world["url"] + path)
    return page


def file_request(open_page, world, *, title, urgent=False, width=1440):
    page = signed_in(open_page, world, world["owner"], "/admin/publish-requests/new/", width)
    page.fill("#id_title", title)
    page.fill("#id_summary", "เชิญชวนกลุ่มเสี่ยงรับวัคซีน")
    page.select_option("#id_category", "news")
    page.fill("#id_content", "สำนักงานสาธารณสุขจังหวัดเชิญชวนประชาชนรับวัคซีนฟรี")
    page.fill("#id_source", "กลุ่มงานควบคุมโรคติดต่อ")
    page.fill("#id_info_period_start", "2026-05-01")
    page.select_option("#id_information_class", str(world["class"].pk))
    if urgent:
        page.select_option("#id_urgency", "urgent")
    page.click("main button:text-is('ยื่นคำขอ')")
    page.wait_for_selector("#request-status")
    return PublishRequest.objects.get(title=title)


def test_r21_request_approved_and_published_owner_gets_the_url_by_email(open_page, world):
    request = file_request(open_page, world, title="ประชาสัมพันธ์รับวัคซีนไข้หวัดใหญ่")
    assert request.status == Status.PENDING

    for width in WIDTHS:  # the approver often decides from a phone
        page = signed_in(
            open_page, world, world["approver"], f"/admin/publish-requests/{request.pk}/", width
        )
        assert page.locator("text=บันทึกผลการพิจารณา").is_visible()
        screenshot(page, f"publishing-approve-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.check("input[name=decision][value=approve]")
    page.click("text=บันทึกผลการพิจารณา")
    page.wait_for_selector("text=บันทึกการอนุมัติแล้ว")
    assert "อนุมัติแล้ว รอเผยแพร่" in page.inner_text("#request-status")

    mail.outbox.clear()
    page = signed_in(open_page, world, world["publisher"], f"/admin/publish-requests/{request.pk}/")
    page.check("#id_files_checked")
    page.check("#id_category_checked")
    page.click("button:text-is('เผยแพร่')")
    page.wait_for_selector("#public-url")
    screenshot(page, "publishing-published-1440")
    request.refresh_from_db()
    assert request.status == Status.PUBLISHED
    owner_mail = [m for m in mail.outbox if m.to == [world["owner"].email]]
    assert owner_mail and request.public_url in owner_mail[0].body

    public = open_page(request.public_url, 360)
    assert "ประชาสัมพันธ์รับวัคซีนไข้หวัดใหญ่" in public.inner_text("h1")
    screenshot(public, "publishing-public-page-360")


def test_r24_rejection_in_wagtails_moderation_screen_needs_a_reason_that_reaches_the_owner(
    open_page, world
):
    """The approver works in Wagtail's own dashboard panel and action modal (our Task)."""
    request = file_request(open_page, world, title="ขอเผยแพร่แผนงานที่ยังไม่ผ่าน", width=360)
    mail.outbox.clear()
    for width in sorted(WIDTHS, reverse=True):  # the walk goes on at 360 px, on a phone
        page = signed_in(open_page, world, world["approver"], "/admin/", width)
        panel = page.locator("section, div").filter(has_text="ขอเผยแพร่แผนงานที่ยังไม่ผ่าน").last
        assert panel.is_visible()
        screenshot(page, f"publishing-wagtail-dashboard-{width}")
    row = page.locator("tr").filter(has_text="ขอเผยแพร่แผนงานที่ยังไม่ผ่าน").last
    row.locator("button[aria-label], button[data-w-dropdown-target='toggle']").last.click()
    page.locator("button[data-workflow-action-url*='/reject/']").click()
    comment = page.locator("textarea[name=comment]")
    comment.wait_for()
    page.locator(".modal button[type=submit], .modal input[type=submit]").first.click()
    page.wait_for_selector("text=กรุณาระบุเหตุผลที่ไม่อนุมัติ")  # refused without a reason
    screenshot(page, "publishing-wagtail-reject-modal-360")
    request.refresh_from_db()
    assert request.status == Status.PENDING
    page.locator("textarea[name=comment]").fill("แผนยังไม่ผ่านที่ประชุมคณะกรรมการ")
    page.locator(".modal button[type=submit], .modal input[type=submit]").first.click()
    page.wait_for_selector("#request-status")
    assert "ไม่อนุมัติ" in page.inner_text("#request-status")
    screenshot(page, "publishing-rejected-360")
    request.refresh_from_db()
    assert request.status == Status.REJECTED
    owner_mail = [m for m in mail.outbox if m.to == [world["owner"].email]]
    assert owner_mail and "แผนยังไม่ผ่านที่ประชุมคณะกรรมการ" in owner_mail[0].body

    page = signed_in(
        open_page, world, world["owner"], f"/admin/publish-requests/{request.pk}/", 1440
    )
    assert "แผนยังไม่ผ่านที่ประชุมคณะกรรมการ" in page.inner_text("#request-history")
    screenshot(page, "publishing-rejected-owner-1440")


def test_r22_verbal_approval_published_then_confirmed_by_the_approver(open_page, world):
    request = file_request(open_page, world, title="แจ้งเตือนด่วนเห็ดพิษ", urgent=True)
    page = signed_in(
        open_page, world, world["publisher"], f"/admin/publish-requests/{request.pk}/verbal/"
    )
    page.select_option("#id_approver", str(world["approver"].pk))
    spoken = timezone.localtime() - dt.timedelta(minutes=5)
    spoken = spoken.strftime("%Y-%m-%dT%H:%M")
    page.fill("#id_approved_at", spoken)
    page.select_option("#id_method", "phone")
    page.fill("#id_urgency_reason", "มีผู้ป่วยจากเห็ดพิษในพื้นที่")
    page.check("#id_files_checked")
    page.check("#id_category_checked")
    screenshot(page, "publishing-verbal-form-1440")
    page.click("text=บันทึกและเผยแพร่")
    page.wait_for_selector("#verbal-unconfirmed")
    request.refresh_from_db()
    assert request.status == Status.PUBLISHED and request.public_url

    for width in WIDTHS:
        page = signed_in(
            open_page, world, world["approver"], f"/admin/publish-requests/{request.pk}/", width
        )
        screenshot(page, f"publishing-verbal-confirm-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        assert page.locator("text=ยืนยันว่าข้าพเจ้าได้อนุมัติแล้ว").is_visible()
    page.click("text=ยืนยันว่าข้าพเจ้าได้อนุมัติแล้ว")
    page.wait_for_selector("text=ยืนยันการอนุมัติด้วยวาจาแล้ว")
    request.verbal_approval.refresh_from_db()
    assert request.verbal_approval.confirmed_by == world["approver"]
