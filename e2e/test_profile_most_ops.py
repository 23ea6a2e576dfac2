"""R63 MOST OPS (seed 003) walked through the running system, as its staff would.

One request per information class, each along its own route (ขั้นตอน ข้อ 1.1–1.3): the top
executive's delegate approves one, one refers to an approval given elsewhere, the corporate
communications section checks the general one. Files go as Word or PDF (ข้อ 2): a .zip is refused,
a Word file accepted. The ICT centre checks file and category and sends one back (ข้อ 3).
"""

import io
import os

import pytest
from django.core.management import call_command

from e2e.conftest import WIDTHS, point_site_at, screenshot, signed_in
from prongsai.publishing.models import InformationClass, PublishRequest, Status


@pytest.fixture
def most(transactional_db, live_server, settings, tmp_path):
    settings.PRONGSAI_REQUIRE_2FA = False
    with open(os.devnull, "w") as quiet:
        call_command("load_profile", "most-ops", stdout=quiet)
    point_site_at(live_server)
    from docx import Document

    word = Document()
    word.add_paragraph("แผนปฏิบัติราชการ สำนักงานปลัดกระทรวงวิทยาศาสตร์และเทคโนโลยี")
    buffer = io.BytesIO()
    word.save(buffer)
    docx = tmp_path / "แผนปฏิบัติราชการ.docx"
    docx.write_bytes(buffer.getvalue())
    archive = tmp_path / "ข้อมูลทั้งหมด.zip"
    import zipfile

    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("readme.txt", "data")
    return {"url": live_server.url, "docx": docx, "zip": archive}


def fill_request(page, title, class_code, *, attach=None):
    page.fill("#id_title", title)
    page.fill("#id_summary", "สาระสำคัญของ" + title)
    page.select_option("#id_category", "agency")
    page.fill("#id_content", "รายละเอียดของ" + title)
    page.fill("#id_source", "สำนักนโยบายและยุทธศาสตร์")
    page.fill("#id_info_period_start", "2026-05-01")
    information_class = InformationClass.objects.get(code=class_code)
    page.select_option("#id_information_class", str(information_class.pk))
    if class_code == "approved-elsewhere":
        page.fill("#id_prior_approval_number", "วท 0201/1234")
        page.fill("#id_prior_approval_date", "2026-04-20")
    if attach:
        page.set_input_files("#id_attachments", str(attach))


def file_request(open_page, world, title, class_code, *, attach=None, width=1440):
    page = signed_in(open_page, world, "policyowner", "/admin/publish-requests/new/", width)
    fill_request(page, title, class_code, attach=attach)
    page.click("main button:text-is('ยื่นคำขอ')")
    page.wait_for_selector("#request-status")
    return page, PublishRequest.objects.get(title=title)


def decide(open_page, world, username, request, width=1440):
    page = signed_in(open_page, world, username, f"/admin/publish-requests/{request.pk}/", width)
    assert page.locator("text=บันทึกผลการพิจารณา").is_visible()
    screenshot(page, f"profile-most-{username}-decides-{width}")
    page.check("input[name=decision][value=approve]")
    page.click("text=บันทึกผลการพิจารณา")
    page.wait_for_selector("text=บันทึกการอนุมัติแล้ว")
    request.refresh_from_db()
    return request


def test_r63_most_ops_three_classes_three_routes_word_or_pdf_and_the_ict_centre_sends_back(
    open_page, most
):
    # ข้อ 2: a .zip is refused, in Thai, and nothing is filed. The refusal is at the top, where
    # the page opens after the post, on a phone as on a desk (seen without scrolling).
    for width in WIDTHS:
        page = signed_in(open_page, most, "policyowner", "/admin/publish-requests/new/", width)
        fill_request(page, "ข้อมูลทั้งหมดของสำนัก", "general-current", attach=most["zip"])
        page.click("main button:text-is('ยื่นคำขอ')")
        refusal = page.locator("#form-errors")
        refusal.wait_for()
        text = refusal.inner_text()
        assert "ข้อมูลทั้งหมด.zip" in text and ("Word" in text or "doc, docx, pdf" in text)
        box = refusal.bounding_box()
        assert box["y"] + box["height"] <= page.viewport_size["height"]
        screenshot(page, f"profile-most-zip-refused-{width}", full_page=False)
    assert not PublishRequest.objects.filter(title="ข้อมูลทั้งหมดของสำนัก").exists()

    # ข้อ 1.1: needs the top executive or a delegate; the delegate approves (Word file attached).
    _page, executive = file_request(
        open_page, most, "ประกาศนโยบายการกำกับดูแลองค์การที่ดี", "executive-approval", attach=most["docx"]
    )
    assert executive.attachments.count() == 1
    executive = decide(open_page, most, "deputy", executive, 360)
    assert executive.status == Status.APPROVED

    # ข้อ 1.2: approved elsewhere, referenced; no new approval.
    _page, prior = file_request(open_page, most, "แผนปฏิบัติราชการประจำปี 2569", "approved-elsewhere")
    assert prior.status == Status.APPROVED
    assert "วท 0201/1234" in _page.inner_text("main")
    screenshot(_page, "profile-most-prior-approval-1440")

    # ข้อ 1.3: general information, checked by corporate communications.
    _page, general = file_request(open_page, most, "หมายเลขโทรศัพท์ผู้บริหาร", "general-current")
    general = decide(open_page, most, "comms", general)
    assert general.status == Status.APPROVED

    # ข้อ 3: the ICT centre publishes one and sends one back for correction.
    for width in WIDTHS:
        page = signed_in(
            open_page, most, "ictpublisher", f"/admin/publish-requests/{general.pk}/", width
        )
        screenshot(page, f"profile-most-ict-check-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.fill("#id_reason", "ไฟล์แนบไม่ครบ กรุณาแนบตารางหมายเลขโทรศัพท์ฉบับปรับปรุง")
    page.click("button:text-is('ส่งกลับให้ผู้ขอ')")
    page.wait_for_selector("text=ไฟล์แนบไม่ครบ")
    general.refresh_from_db()
    assert general.status == Status.RETURNED

    page = signed_in(open_page, most, "ictpublisher", f"/admin/publish-requests/{executive.pk}/")
    page.check("#id_files_checked")
    page.check("#id_category_checked")
    page.click("button:text-is('เผยแพร่')")
    page.wait_for_selector("#public-url")
    executive.refresh_from_db()
    assert executive.status == Status.PUBLISHED
    public = open_page(executive.public_url, 360)
    assert "ประกาศนโยบายการกำกับดูแลองค์การที่ดี" in public.inner_text("h1")
    assert (
        "DOCX" in public.inner_text(".file-info").upper()
        or "WORD" in public.inner_text(".file-info").upper()
    )
    screenshot(public, "profile-most-public-360")
