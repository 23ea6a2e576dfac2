"""R61 Satun PHO (seed 001) walked through the running system, as its staff would.

ข้อ 2.2: staff send the written request form to the head of the group that runs the website; in
urgent cases the approval may be verbal; approved → a webmaster with credentials publishes it in
the right category and tells the owner; refused → the owner is told why. ข้อ 3.1: at least two
webmasters. ข้อ 3.2: when an item's publication period is over, a webmaster takes it down (the
public then sees that it has ended). ข้อ 3.3: a webmaster checks the completeness of the official
information items (OIA s.7/s.9) and the check shows what is missing.
"""

import datetime as dt
import os
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from e2e.conftest import WIDTHS, point_site_at, screenshot, signed_in
from prongsai.accounts.models import User
from prongsai.compliance.models import Catalogue, Scheme
from prongsai.monitoring.models import ExpiredItem
from prongsai.publishing.models import InformationClass, PublishRequest, Status

BANGKOK = ZoneInfo("Asia/Bangkok")


@pytest.fixture
def satun(transactional_db, live_server, settings):
    settings.PRONGSAI_REQUIRE_2FA = False
    with open(os.devnull, "w") as quiet:
        call_command("load_profile", "satun-pho", stdout=quiet)
    point_site_at(live_server)
    return {"url": live_server.url}


def file_request(open_page, world, title, *, urgent=False, until=None, width=1440):
    page = signed_in(open_page, world, "owner", "/admin/publish-requests/new/", width)
    page.fill("#id_title", title)
    page.fill("#id_summary", "สาระสำคัญ: " + title)
    page.select_option("#id_category", "news")
    page.fill("#id_content", "สำนักงานสาธารณสุขจังหวัดสตูลแจ้งประชาชน: " + title)
    page.fill("#id_source", "กลุ่มงานควบคุมโรคติดต่อ สสจ.สตูล")
    page.fill("#id_info_period_start", "2026-05-01")
    code = InformationClass.objects.get(code="request-form").pk
    page.select_option("#id_information_class", str(code))
    if urgent:
        page.select_option("#id_urgency", "urgent")
    if until:
        page.fill("#id_publish_until", until.isoformat())
    page.click("main button:text-is('ยื่นคำขอ')")
    page.wait_for_selector("#request-status")
    return PublishRequest.objects.get(title=title)


def test_r61_satun_pho_verbal_approval_publish_tell_the_owner_and_a_refusal_with_its_reason(
    open_page, satun
):
    owner = User.objects.get(username="owner")
    # Urgent: the head of the web group approves by phone; a webmaster records it and publishes.
    # The warning is up for a week (its publication period, ข้อ 3.2).
    until = timezone.localdate() + dt.timedelta(days=7)
    request = file_request(
        open_page, satun, "แจ้งเตือนด่วน พบผู้ป่วยไข้เลือดออกในพื้นที่", urgent=True, until=until
    )
    mail.outbox.clear()
    page = signed_in(
        open_page, satun, "webofficer1", f"/admin/publish-requests/{request.pk}/verbal/"
    )
    page.select_option("#id_approver", str(User.objects.get(username="webhead").pk))
    spoken = (timezone.localtime() - dt.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M")
    page.fill("#id_approved_at", spoken)
    page.select_option("#id_method", "phone")
    page.fill("#id_urgency_reason", "ต้องแจ้งเตือนประชาชนทันที")
    page.check("#id_files_checked")
    page.check("#id_category_checked")
    screenshot(page, "profile-satun-verbal-1440")
    page.click("text=บันทึกและเผยแพร่")
    page.wait_for_selector("#verbal-unconfirmed")
    request.refresh_from_db()
    assert request.status == Status.PUBLISHED
    told = [m for m in mail.outbox if owner.email in m.to]
    assert told and request.public_url in told[0].body  # the owner is told where it is

    # The head confirms the verbal approval afterwards, from a phone or a desk.
    for width in WIDTHS:
        page = signed_in(
            open_page, satun, "webhead", f"/admin/publish-requests/{request.pk}/", width
        )
        screenshot(page, f"profile-satun-confirm-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.click("text=ยืนยันว่าข้าพเจ้าได้อนุมัติแล้ว")
    page.wait_for_selector("text=ยืนยันการอนุมัติด้วยวาจาแล้ว")

    # Refused: the owner is told why.
    refused = file_request(open_page, satun, "ขอเผยแพร่ผลสำรวจที่ยังไม่ผ่านการตรวจสอบ", width=360)
    mail.outbox.clear()
    page = signed_in(open_page, satun, "webhead", f"/admin/publish-requests/{refused.pk}/", 360)
    page.check("input[name=decision][value=reject]")
    page.fill("#id_reason", "ข้อมูลยังไม่ผ่านการตรวจสอบของคณะกรรมการ")
    page.click("text=บันทึกผลการพิจารณา")
    page.wait_for_selector("#request-status")
    refused.refresh_from_db()
    assert refused.status == Status.REJECTED
    told = [m for m in mail.outbox if owner.email in m.to]
    assert told and "ข้อมูลยังไม่ผ่านการตรวจสอบของคณะกรรมการ" in told[0].body
    screenshot(page, "profile-satun-refused-360")

    # ข้อ 3.2: the week is over and the scheduled take-down has not run yet. The second webmaster
    # (ข้อ 3.1: they stand in for each other) finds the warning in the daily check and takes it
    # down; its address then tells the public it has ended.
    with time_machine.travel(
        dt.datetime.combine(until + dt.timedelta(days=1), dt.time(9, 0), tzinfo=BANGKOK)
    ):
        page = signed_in(open_page, satun, "webofficer2", "/admin/monitoring/daily-check/", 360)
        with page.expect_navigation():
            page.get_by_role("button", name="ตรวจอีกครั้ง").click()
        expired = page.locator('[data-check="monitoring-expired-reachable"]')
        assert request.title in expired.inner_text()
        expired.scroll_into_view_if_needed()
        screenshot(page, "profile-satun-expired-found-360", full_page=False)
        page.goto(satun["url"] + f"/admin/pages/{request.target_page_id}/unpublish/")
        screenshot(page, "profile-satun-take-down-360")
        with page.expect_navigation():
            page.locator("form[action*='unpublish'] button[type=submit]").click()
        assert ExpiredItem.objects.get(object_id=request.target_page_id).active
        for width in WIDTHS:
            public = open_page(request.public_url, width)
            assert public.goto(request.public_url).status == 410  # Gone, not Not Found
            assert "สิ้นสุดระยะเวลาเผยแพร่แล้ว" in public.inner_text("main")
            screenshot(public, f"profile-satun-taken-down-{width}")
            assert public.evaluate("document.documentElement.scrollWidth") <= width + 1

    # ข้อ 3.3: a webmaster checks the completeness of the official information items (OIA s.7
    # and s.9): the check lists, item by item, what the site does not have yet.
    catalogue = Catalogue.objects.filter(scheme=Scheme.OIA, is_active=True).first()
    for width in WIDTHS:
        page = signed_in(
            open_page, satun, "webofficer1", f"/admin/compliance/{catalogue.slug}/", width
        )
        missing = page.locator("tr:has(.cmp-missing)")
        assert missing.count() > 0 and "ยังไม่มี" in page.inner_text(".cmp-counts")
        assert "มาตรา 7" in page.inner_text("main") and "มาตรา 9" in page.inner_text("main")
        missing.first.scroll_into_view_if_needed()
        screenshot(page, f"profile-satun-oia-missing-{width}", full_page=False)
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1

    # ข้อ 3.1: two webmasters; the policy page says so.
    page = signed_in(open_page, satun, "webofficer2", "/admin/agency-policy/", 1440)
    assert "ขั้นต่ำ 2 คน" in page.inner_text("main")
    assert "สถิติการเข้าใช้บริการเว็บไซต์" in page.inner_text("main")  # its 10th category
    screenshot(page, "profile-satun-policy-1440")
