"""The request form PDF (R26, R43) and the request list export."""

import datetime as dt
import io
from urllib.parse import unquote

import pytest
import time_machine
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from prongsai.core.models import AgencySettings
from prongsai.publishing import services
from prongsai.publishing.evidence import render_request_pdf
from prongsai.publishing.export import requests_workbook
from prongsai.publishing.models import PublishRequest, Urgency

from .conftest import pdf_upload, request_data

pytestmark = pytest.mark.django_db
BANGKOK = dt.timezone(dt.timedelta(hours=7))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def published_request(people, classes, news_index):
    from wagtail.models import Site

    settings_obj = AgencySettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.name_th = "สำนักงานสาธารณสุขจังหวัดตัวอย่าง"
    settings_obj.save()
    with time_machine.travel(dt.datetime(2026, 4, 30, 9, 30, tzinfo=BANGKOK), tick=False):
        request = services.request_submit(
            people["owner"],
            data=request_data(classes["general"]),
            files=[pdf_upload("ประกาศรับวัคซีน.pdf")],
        )
        request = services.request_approve(people["approver"], request, note="เห็นชอบ")
        return services.request_publish(
            people["publisher"], request, files_checked=True, category_checked=True
        )


def test_r26_request_form_pdf_text_has_names_buddhist_dates_url_and_intact_sara_am(
    published_request, tmp_path
):
    data = render_request_pdf(published_request)
    (tmp_path / "form.pdf").write_bytes(data)
    text = pdf_text(data)
    for expected in (
        "สำนักงานสาธารณสุขจังหวัดตัวอย่าง",  # sara am intact (ำ), not "สานักงาน"
        "กลุ่มงานควบคุมโรคติดต่อ",
        "สมศรี ใจดี",
        "นักวิชาการสาธารณสุขชำนาญการ",
        "ประเสริฐ มั่นคง",
        "หัวหน้ากลุ่มงาน",
        "ธนา เผยแพร่",
        "30 เมษายน 2569",  # Buddhist era
        "ประกาศรับวัคซีน.pdf",
        "ข่าวประชาสัมพันธ์",
        "อนุมัติ",
    ):
        assert expected in text, expected
    assert unquote(published_request.public_url) in text.replace("\n", "")
    assert "http://localhost/news/" in text.replace("\n", "")
    assert "สานักงาน" not in text and "งำน" not in text


def test_r22_r26_pdf_shows_an_unconfirmed_verbal_approval(people, classes, news_index):
    request = services.request_submit(
        people["owner"], data=request_data(classes["general"], urgency=Urgency.URGENT)
    )
    request = services.verbal_approval_record(
        people["publisher"],
        request,
        approver=people["approver"],
        approved_at=timezone.now(),
        method="phone",
        urgency_reason="แจ้งเตือนน้ำท่วมฉับพลัน",
        files_checked=True,
        category_checked=True,
    )
    text = _flat(render_request_pdf(request))
    assert "บันทึกการอนุมัติด้วยวาจา" in text
    assert "แจ้งเตือนน้ำท่วมฉับพลัน" in text
    assert "ยังไม่ได้รับการยืนยันจากผู้อนุมัติ" in text


def test_r26_xlsx_export_lists_requests_with_real_buddhist_era_date_cells(published_request):
    book = load_workbook(io.BytesIO(requests_workbook(PublishRequest.objects.all())))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "เลขที่" and len(rows) == 2
    row = rows[1]
    assert row[1] == published_request.title
    assert row[2] == "กลุ่มงานควบคุมโรคติดต่อ"
    assert row[6] == "เผยแพร่แล้ว"
    assert row[7] == dt.datetime(2026, 4, 30, 9, 30)  # a real date cell, Bangkok time
    assert book.active["H2"].number_format == "d/m/bbbb hh:mm"
    assert book.active["J2"].is_date
    assert row[12] == published_request.public_url


def test_r43_xlsx_cells_starting_with_formula_characters_are_written_as_text(
    people, classes, news_index
):
    for title in ('=HYPERLINK("http://evil")', "+1+2", "-3", "@SUM(A1)"):
        services.request_submit(people["owner"], data=request_data(classes["general"], title=title))
    book = load_workbook(io.BytesIO(requests_workbook(PublishRequest.objects.all())))
    titles = {book.active.cell(row=i, column=2).value for i in range(2, 6)}
    assert titles == {'=HYPERLINK("http://evil")', "+1+2", "-3", "@SUM(A1)"}  # exactly as typed
    assert all(book.active.cell(row=i, column=2).data_type == "s" for i in range(2, 6))


def test_r22_r43_assessor_filters_all_unconfirmed_verbal_fiscal_year_and_published_late(
    people, classes, news_index
):
    from prongsai.publishing import selectors

    urgent = services.request_submit(
        people["owner"], data=request_data(classes["general"], urgency=Urgency.URGENT)
    )
    services.verbal_approval_record(
        people["publisher"],
        urgent,
        approver=people["approver"],
        approved_at=timezone.now(),
        method="phone",
        urgency_reason="ด่วน",
        files_checked=True,
        category_checked=True,
    )
    everything = PublishRequest.objects.all()
    # Recorded today: inside the grace period, yet on the assessor's list.
    assert selectors.unconfirmed_verbal_approvals() == []
    assert list(selectors.filtered(everything, verbal_unconfirmed=True)) == [urgent]
    year_be = timezone.localdate().year + 543 + (1 if timezone.localdate().month >= 10 else 0)
    assert urgent in selectors.filtered(everything, approved_fiscal_year=year_be)
    assert not selectors.filtered(everything, approved_fiscal_year=year_be - 1).exists()
    late = services.request_submit(people["owner"], data=request_data(classes["general"]))
    services.request_approve(people["approver"], late)
    PublishRequest.objects.filter(pk=late.pk).update(due_date=dt.date(2026, 1, 5))
    services.request_publish(people["publisher"], late, files_checked=True, category_checked=True)
    assert list(selectors.filtered(everything, published_late=True)) == [late]


def _flat(data: bytes) -> str:
    # Table cells wrap lines anywhere: compare without whitespace.
    return "".join(pdf_text(data).split())


def test_r26_prior_approval_form_cites_the_letter_in_buddhist_era_and_not_the_requester(
    people, classes, news_index
):
    request = services.request_submit(
        people["owner"],
        data=request_data(
            classes["prior"],
            prior_approval_number="สธ 0032/1234",
            prior_approval_date=dt.date(2026, 12, 1),
        ),
    )
    text = _flat(render_request_pdf(request))
    assert "อนุมัติแล้วตามหนังสือเลขที่สธ0032/1234ลงวันที่1ธันวาคม2569" in text
    assert "2026-12-01" not in text
    part3 = text.split("ส่วนที่3ผู้อนุมัติ")[1].split("ส่วนที่4")[0]
    assert "สมศรี" not in part3
    approved = request.events.get(action="approved")
    assert approved.actor is None and approved.reason.endswith("1 ธันวาคม 2569")


def test_r26_exempt_form_says_exempt_under_the_guideline(people, classes, news_index):
    request = services.request_submit(people["owner"], data=request_data(classes["exempt"]))
    text = _flat(render_request_pdf(request))
    assert "ยกเว้น:ข้อมูลตามภารกิจประจำตามแนวปฏิบัติ" in text
    part3 = text.split("ส่วนที่3ผู้อนุมัติ")[1].split("ส่วนที่4")[0]
    assert "สมศรี" not in part3
    assert "ลงชื่อ" in text and "ผู้ขอเผยแพร่" in text and "ผู้เผยแพร่" in text


def test_r22_r26_verbal_form_names_the_approver_recorder_and_confirmation(
    people, classes, news_index
):
    request = services.request_submit(
        people["owner"], data=request_data(classes["general"], urgency=Urgency.URGENT)
    )
    with time_machine.travel(dt.datetime(2026, 5, 4, 10, 0, tzinfo=BANGKOK), tick=False):
        request = services.verbal_approval_record(
            people["publisher"],
            request,
            approver=people["approver"],
            approved_at=dt.datetime(2026, 5, 4, 9, 15, tzinfo=BANGKOK),
            method="phone",
            urgency_reason="แจ้งเตือนน้ำท่วมฉับพลัน",
            files_checked=True,
            category_checked=True,
        )
    with time_machine.travel(dt.datetime(2026, 5, 5, 8, 30, tzinfo=BANGKOK), tick=False):
        services.verbal_approval_confirm(people["approver"], request)
    text = _flat(render_request_pdf(request))
    assert (
        "อนุมัติด้วยวาจาโดยประเสริฐมั่นคงเมื่อ4พฤษภาคม256909:15น.บันทึกโดยธนาเผยแพร่"
        "ยืนยันโดยประเสริฐมั่นคงเมื่อ5พฤษภาคม256908:30น."
    ) in text
    signatures = text.split("ลงนาม")[-1]
    assert "(ประเสริฐมั่นคง)" in signatures and "(ธนาเผยแพร่)" in signatures
