"""R62 Bang Mak (seed 002) walked through the running system, as its staff would.

The profile is loaded the way an installer loads it (``load_profile bang-mak``). A division's
data owner files a request with a PDF; it reaches the approver the guideline names (ข้อ 2.1.1),
the publisher it names (ข้อ 2.1.2) publishes it, and the public page shows what ข้อ 2.2 requires:
source, the period of the information, the publication date, the file's type and size. When its
publication period has ended, a named webmaster (ข้อ 3.1) finds it in the daily check and takes it
down (ข้อ 3.2); its address then says it has ended. A webmaster checks completeness against the
standard and OIA s.7/s.9, and the check lists what is still missing (ข้อ 3.3).
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from e2e.conftest import WIDTHS, point_site_at, screenshot, signed_in
from prongsai.compliance.models import Catalogue, Scheme
from prongsai.monitoring.models import ExpiredItem
from prongsai.publishing.models import InformationClass, PublishRequest, Status

TITLE = "ประกาศรับสมัครบุคคลเพื่อสรรหาเป็นพนักงานจ้าง ประจำปี 2569"
BANGKOK = ZoneInfo("Asia/Bangkok")


@pytest.fixture
def bang_mak(transactional_db, live_server, settings, tmp_path):
    import os

    settings.PRONGSAI_REQUIRE_2FA = False
    with open(os.devnull, "w") as quiet:
        call_command("load_profile", "bang-mak", stdout=quiet)
    point_site_at(live_server)
    from weasyprint import HTML

    pdf = tmp_path / "ประกาศรับสมัคร.pdf"
    HTML(string="<p>ประกาศเทศบาลตำบลบางหมาก เรื่อง รับสมัครพนักงานจ้าง</p>").write_pdf(pdf)
    return {"url": live_server.url, "pdf": pdf}


def test_r62_bang_mak_request_reaches_the_named_approver_and_the_named_publisher_publishes(
    open_page, bang_mak
):
    page = signed_in(open_page, bang_mak, "kongchang", "/admin/publish-requests/new/", 360)
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "กองช่างรับสมัครพนักงานจ้างตามภารกิจ ตำแหน่งผู้ช่วยนายช่างโยธา")
    page.select_option("#id_category", "news")
    page.fill("#id_content", "เทศบาลตำบลบางหมากประกาศรับสมัครบุคคลเพื่อสรรหาเป็นพนักงานจ้าง")
    page.fill("#id_source", "กองช่าง เทศบาลตำบลบางหมาก")
    page.fill("#id_info_period_start", "2026-05-01")
    page.fill("#id_info_period_end", "2026-05-31")
    # The announcement is up for a week (a publication window, ข้อ 3.2).
    until = timezone.localdate() + dt.timedelta(days=7)
    page.fill("#id_publish_until", until.isoformat())
    page.select_option(
        "#id_information_class", str(InformationClass.objects.get(code="certified").pk)
    )
    page.set_input_files("#id_attachments", str(bang_mak["pdf"]))
    screenshot(page, "profile-bang-mak-request-360")
    page.click("main button:text-is('ยื่นคำขอ')")
    page.wait_for_selector("#request-status")
    request = PublishRequest.objects.get(title=TITLE)
    assert request.status == Status.PENDING

    # ข้อ 2.1.1: นายสมรัก สายพันธ์ certifies it, from a phone and from a desk.
    for width in WIDTHS:
        page = signed_in(
            open_page, bang_mak, "somrak", f"/admin/publish-requests/{request.pk}/", width
        )
        assert page.locator("text=บันทึกผลการพิจารณา").is_visible()
        screenshot(page, f"profile-bang-mak-approver-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.check("input[name=decision][value=approve]")
    page.click("text=บันทึกผลการพิจารณา")
    page.wait_for_selector("text=บันทึกการอนุมัติแล้ว")
    history = page.inner_text("main")
    assert "นายสมรัก สายพันธ์" in history

    # ข้อ 2.1.2: นางสาวสมสรพรรณ อุทุมรัตน์ puts it on the site.
    page = signed_in(open_page, bang_mak, "somsornpan", f"/admin/publish-requests/{request.pk}/")
    page.check("#id_files_checked")
    page.check("#id_category_checked")
    screenshot(page, "profile-bang-mak-publisher-1440")
    page.click("button:text-is('เผยแพร่')")
    page.wait_for_selector("#public-url")
    request.refresh_from_db()
    assert request.status == Status.PUBLISHED

    # ข้อ 2.2: source, period, publication date, file type and size, for the public.
    for width in WIDTHS:
        public = open_page(request.public_url, width)
        text = public.inner_text("main")
        assert TITLE in public.inner_text("h1")
        assert "กองช่าง เทศบาลตำบลบางหมาก" in text  # source
        assert "พ.ค. 2569" in text or "พฤษภาคม 2569" in text  # period, Buddhist era
        assert "วันที่เผยแพร่" in text
        assert "PDF" in public.inner_text(".file-info")
        assert "KB" in public.inner_text(".file-info") or "ไบต์" in public.inner_text(".file-info")
        screenshot(public, f"profile-bang-mak-public-{width}")
        assert public.evaluate("document.documentElement.scrollWidth") <= width + 1

    # ข้อ 3.2: the week is over and the scheduled take-down has not run yet. นางยุพิน น้อยศรี
    # finds the item in the daily check and takes it down; its address then says it has ended.
    with time_machine.travel(
        dt.datetime.combine(until + dt.timedelta(days=1), dt.time(9, 0), tzinfo=BANGKOK)
    ):
        page = signed_in(open_page, bang_mak, "yupin", "/admin/monitoring/daily-check/", 360)
        with page.expect_navigation():
            page.get_by_role("button", name="ตรวจอีกครั้ง").click()
        expired = page.locator('[data-check="monitoring-expired-reachable"]')
        assert TITLE in expired.inner_text()
        expired.scroll_into_view_if_needed()
        screenshot(page, "profile-bang-mak-expired-found-360", full_page=False)
        with page.expect_navigation():
            expired.get_by_role("link", name=TITLE).click()
        assert f"/admin/pages/{request.target_page_id}/edit/" in page.url
        page.goto(bang_mak["url"] + f"/admin/pages/{request.target_page_id}/unpublish/")
        screenshot(page, "profile-bang-mak-take-down-360")
        with page.expect_navigation():
            page.locator("form[action*='unpublish'] button[type=submit]").click()
        assert ExpiredItem.objects.get(object_id=request.target_page_id).active
        for width in WIDTHS:
            public = open_page(request.public_url, width)
            assert "สิ้นสุดระยะเวลาเผยแพร่แล้ว" in public.inner_text("main")
            screenshot(public, f"profile-bang-mak-taken-down-{width}")

    # ข้อ 3.3: a named webmaster checks completeness against the standard and OIA s.7/s.9: the
    # check lists what is still missing, item by item.
    for scheme, widths in ((Scheme.GWS, WIDTHS), (Scheme.OIA, (1440,))):
        catalogue = Catalogue.objects.filter(scheme=scheme, is_active=True).first()
        for width in widths:
            page = signed_in(
                open_page, bang_mak, "yupin", f"/admin/compliance/{catalogue.slug}/", width
            )
            missing = page.locator("tr:has(.cmp-missing)")
            assert missing.count() > 0 and "ยังไม่มี" in page.inner_text(".cmp-counts")
            missing.first.scroll_into_view_if_needed()
            screenshot(page, f"profile-bang-mak-missing-{scheme}-{width}", full_page=False)

    # The policy page names the guideline's people, as the webmaster reads it.
    page = signed_in(open_page, bang_mak, "siriwan", "/admin/agency-policy/", 360)
    text = page.inner_text("main")
    assert "นางยุพิน น้อยศรี" in text and "นางสาวศิริวรรณ อามานนท์" in text
    assert "ขั้นต่ำ 2 คน" in text
    screenshot(page, "profile-bang-mak-policy-360")
