"""R12: required metadata. A webmaster who leaves it out gets a Thai message next to the
field in the Wagtail admin, and nothing is saved."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from prongsai.filecheck.tests.hostile import builders
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page

pytestmark = pytest.mark.django_db


def _add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def _field_errors(response, name):
    return [str(error) for error in response.context["form"].errors.get(name, [])]


def _is_thai(text):
    return any("\u0e00" <= char <= "\u0e7f" for char in text)


def _page_post(unit, **fields):
    data = {
        "title": "หน้าทดสอบ",
        "slug": "test-page",
        "introduction": "",
        "body": streamfield([("paragraph", rich_text("<p>เนื้อหา</p>"))]),
        "attachments": streamfield([]),
        "owner_unit": unit.pk if unit else "",
        "source": "ราชกิจจานุเบกษา",
        "info_period_start": "2026-10-01",
        "info_period_end": "",
        "published_date": "2026-11-01",
        "action-publish": "action-publish",
    }
    data.update(fields)
    return nested_form_data(data)


def test_r12_law_without_source_shows_thai_error_next_to_source_and_saves_nothing(
    admin_client_logged_in, home_page, unit
):
    laws = add_page(home_page, m.LawIndexPage, title="กฎหมาย", slug="laws")
    response = admin_client_logged_in.post(
        _add_url(m.LawPage, laws), _page_post(unit, source="   ", law_kind="act")
    )
    assert response.status_code == 200
    assert _field_errors(response, "source") == ["กรุณาระบุแหล่งที่มาของข้อมูล"]
    assert "กรุณาระบุแหล่งที่มาของข้อมูล" in response.content.decode()
    assert not m.LawPage.objects.exists()


def test_r12_law_with_its_source_is_published(admin_client_logged_in, home_page, unit):
    laws = add_page(home_page, m.LawIndexPage, title="กฎหมาย", slug="laws")
    response = admin_client_logged_in.post(
        _add_url(m.LawPage, laws), _page_post(unit, law_kind="act")
    )
    assert response.status_code == 302
    law = m.LawPage.objects.get()
    assert law.live and law.source == "ราชกิจจานุเบกษา" and law.owner_unit == unit


def test_r12_knowledge_page_without_reference_shows_thai_error_and_saves_nothing(
    admin_client_logged_in, home_page, unit
):
    knowledge = add_page(home_page, m.KnowledgeIndexPage, title="ความรู้", slug="knowledge")
    response = admin_client_logged_in.post(
        _add_url(m.KnowledgePage, knowledge),
        _page_post(unit, knowledge_kind="statistics", reference="", reference_date="2026-09-30"),
    )
    assert response.status_code == 200
    assert _field_errors(response, "reference") == ["กรุณาระบุแหล่งอ้างอิงของข้อมูล"]
    assert not m.KnowledgePage.objects.exists()


def test_r12_page_without_owner_unit_or_period_names_each_missing_field(
    admin_client_logged_in, home_page
):
    news = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    response = admin_client_logged_in.post(
        _add_url(m.NewsPage, news),
        _page_post(
            None,
            news_kind="general",
            gallery=streamfield([]),
            info_period_start="",
        ),
    )
    assert response.status_code == 200
    assert _field_errors(response, "owner_unit") == ["กรุณาเลือกหน่วยงานเจ้าของข้อมูล"]
    assert _field_errors(response, "info_period_start") == ["กรุณาระบุวันที่เริ่มต้นของข้อมูล (ข้อมูล ณ วันที่)"]
    assert Page.objects.count() == 3  # root, home, news index: nothing added


def test_r12_period_ending_before_it_starts_is_refused(admin_client_logged_in, home_page, unit):
    laws = add_page(home_page, m.LawIndexPage, title="กฎหมาย", slug="laws")
    response = admin_client_logged_in.post(
        _add_url(m.LawPage, laws),
        _page_post(unit, law_kind="act", info_period_end="2026-01-01"),
    )
    assert response.status_code == 200
    assert _field_errors(response, "info_period_end") == ["วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้นของข้อมูล"]
    assert not m.LawPage.objects.exists()


# A real PDF (uploads are checked by content, ADR 0150).
REPORT_PDF = builders.pdf()


def _document_post(unit_pk, **fields):
    data = {
        "title": "รายงานประจำปี",
        "file": SimpleUploadedFile("report.pdf", REPORT_PDF, "application/pdf"),
        "collection": "1",
        "description": "",
        "owner_unit": unit_pk,
        "source": "กลุ่มงานทดสอบ",
        "info_period_start": "2026-10-01",
        "info_period_end": "",
        "published_date": "2026-11-01",
        "publish_from": "",
        "publish_until": "",
    }
    data.update(fields)
    return data


def test_r12_document_upload_without_owner_unit_shows_thai_error_and_saves_nothing(
    admin_client_logged_in, unit
):
    response = admin_client_logged_in.post(
        reverse("wagtaildocs:add"), _document_post("", source="")
    )
    assert response.status_code == 200
    owner_errors = _field_errors(response, "owner_unit")
    source_errors = _field_errors(response, "source")
    # Thai, next to the field (the specific wording needs WAGTAILDOCS_DOCUMENT_FORM_BASE).
    assert owner_errors and _is_thai(owner_errors[0])
    assert source_errors and _is_thai(source_errors[0])
    assert not m.AgencyDocument.objects.exists()


def test_r12_document_upload_with_metadata_is_saved_with_type_and_size(
    admin_client_logged_in, unit
):
    response = admin_client_logged_in.post(reverse("wagtaildocs:add"), _document_post(unit.pk))
    assert response.status_code == 302
    document = m.AgencyDocument.objects.get()
    assert document.owner_unit == unit
    assert document.info_period_start == dt.date(2026, 10, 1)
    assert document.file_type_label == "PDF"
    assert document.size_in_bytes == len(REPORT_PDF)
