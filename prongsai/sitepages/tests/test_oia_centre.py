"""R5 / issue 19: the information centre's items carry what the Official Information Act asks,
refuse to go live without it (Thai messages), and 9(8) lists the agency's procurement."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata, oia_details

pytestmark = pytest.mark.django_db


@pytest.fixture
def corner(home_page):
    return add_page(home_page, m.OIAIndexPage, title="ศูนย์ข้อมูลข่าวสาร", slug="oia")


def _item(corner, unit, code, **fields):
    fields.setdefault("details", oia_details(code))
    return add_page(
        corner,
        m.OIAItemPage,
        title=f"มาตรา {code}",
        slug="s" + code.replace("(", "-").rstrip(")"),
        oia_item=code,
        **{**metadata(unit), **fields},
    )


def _document(unit, title, filename="summary.pdf"):
    document = m.AgencyDocument(title=title, **metadata(unit))
    document.file.save(filename, ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    return document


def test_r5_place_of_contact_shows_address_hours_person_and_tappable_phone_and_email(
    client, corner, unit
):
    _item(corner, unit, "7(3)")
    html = client.get("/oia/s7-3/").content.decode()
    assert "ศูนย์ข้อมูลข่าวสาร ชั้น 1" in html and "123 ถนนศาลากลาง" in html
    assert "จันทร์-ศุกร์ 08.30-16.30 น." in html and "นางสาวสมใจ ใฝ่รู้" in html
    assert 'href="tel:074711071"' in html and 'href="mailto:info@example.go.th"' in html
    assert 'href="https://www.openstreetmap.org/?mlat=6.6&amp;mlon=100.0"' in html
    assert 'href="/information-requests/"' in html  # the s.11 e-service
    # R12 metadata like every content page, dates in the Buddhist era.
    assert "กลุ่มงานทดสอบ" in html and "1 ตุลาคม 2569" in html
    assert "ข้อมูลตามมาตรา 7(3):" not in html


def test_r5_each_item_kind_is_shown_with_its_fields(client, corner, unit):
    _item(corner, unit, "9(6)")
    _item(corner, unit, "9(3)")
    _item(corner, unit, "7(4)")
    contracts = client.get("/oia/s9-6/").content.decode()
    assert "บริษัท ตัวอย่าง จำกัด" in contracts and "15 มกราคม 2569" in contracts
    plans = client.get("/oia/s9-3/").content.decode()
    assert "150,000.00" in plans and "2570" in plans
    rules = client.get("/oia/s7-4/").content.decode()
    assert "ที่ 1/2569" in rules and "5 ตุลาคม 2569" in rules


@pytest.mark.parametrize(
    ("code", "details", "message"),
    [
        ("9(6)", [], "มาตรา 9(6) ต้องมีข้อมูล “สัญญา” อย่างน้อย 1 รายการ"),
        ("7(3)", oia_details("7(4)"), "มาตรา 7(3) ใช้ข้อมูลแบบ “สถานที่ติดต่อ” เท่านั้น"),
    ],
)
def test_r5_an_item_cannot_go_live_without_the_acts_fields(corner, unit, code, details, message):
    page = m.OIAItemPage(
        title="ทดสอบ", slug="test", oia_item=code, details=details, **metadata(unit)
    )
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert message in " ".join(refused.value.message_dict["details"])


def test_r5_a_required_field_left_empty_is_named_in_thai(corner, unit):
    details = oia_details("7(3)")
    details[0]["value"]["contact_person"] = ""
    details[0]["value"]["email"] = ""
    page = m.OIAItemPage(
        title="ทดสอบ", slug="t", oia_item="7(3)", details=details, **metadata(unit)
    )
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    (text,) = refused.value.message_dict["details"]
    assert "รายการที่ 1 ยังไม่ได้กรอก: ผู้รับผิดชอบ (ชื่อ-สกุล), อีเมล" in text


def test_r5_the_admin_form_refuses_a_contract_item_without_contracts_and_saves_nothing(
    admin_client_logged_in, corner, unit
):
    url = reverse("wagtailadmin_pages:add", args=["sitepages", "oiaitempage", corner.pk])
    data = nested_form_data(
        {
            "title": "สัญญาสัมปทาน",
            "slug": "s9-6",
            "introduction": "",
            "oia_item": "9(6)",
            "details": streamfield([]),
            "body": streamfield([("paragraph", rich_text("<p>ข้อมูลตามมาตรา 9(6)</p>"))]),
            "attachments": streamfield([]),
            "owner_unit": unit.pk,
            "source": "กลุ่มกฎหมาย",
            "info_period_start": "2026-10-01",
            "info_period_end": "",
            "published_date": "2026-11-01",
            "action-publish": "action-publish",
        }
    )
    response = admin_client_logged_in.post(url, data)
    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["form"].errors["details"])
    assert "ต้องมีข้อมูล “สัญญา” อย่างน้อย 1 รายการ" in errors and "คู่สัญญา" in errors
    assert not m.OIAItemPage.objects.exists()


# --- 9(8) procurement -------------------------------------------------------------------


def _news(index, unit, slug, kind, published, **fields):
    return add_page(
        index,
        m.NewsPage,
        title=fields.pop("title", slug),
        slug=slug,
        news_kind=kind,
        **{**metadata(unit, published_date=published, info_period_start=published), **fields},
    )


def test_r5_r8_procurement_item_lists_notices_and_results_by_fiscal_year_and_monthly_summaries(
    client, home_page, corner, unit
):
    news = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    _news(
        news,
        unit,
        "notice-2570",
        "procurement-notice",
        dt.date(2026, 10, 20),
        title="ประกวดราคาจ้างปรับปรุงอาคาร",
        egp_project_number="69109012345",
        procurement_method="e-bidding",
        budget="2500000",
    )
    _news(
        news,
        unit,
        "result-2570",
        "procurement-result",
        dt.date(2026, 11, 25),
        title="ประกาศผู้ชนะ ปรับปรุงอาคาร",
        egp_project_number="69109012345",
        winner="ห้างหุ้นส่วนจำกัด ช่างดี",
        awarded_amount="2390000",
    )
    _news(news, unit, "notice-2569", "procurement-notice", dt.date(2026, 3, 2), title="จัดซื้อวัสดุ")
    _news(news, unit, "general-news", "general", dt.date(2026, 11, 1), title="ข่าวทั่วไป")
    october = _document(unit, "สขร.1 ตุลาคม 2569", "sor-kor-ror-1-2569-10.pdf")
    november = _document(unit, "สขร.1 พฤศจิกายน 2569", "sor-kor-ror-1-2569-11.pdf")
    details = [
        {"type": "procurement_summary", "value": {"month": "2026-10-01", "document": october.pk}},
        {"type": "procurement_summary", "value": {"month": "2026-11-01", "document": november.pk}},
    ]
    _item(corner, unit, "9(8)", details=details)
    html = client.get("/oia/s9-8/").content.decode()
    assert html.index("ปีงบประมาณ พ.ศ. 2570") < html.index("ปีงบประมาณ พ.ศ. 2569")
    fy2570 = html[html.index("ปีงบประมาณ พ.ศ. 2570") : html.index("ปีงบประมาณ พ.ศ. 2569")]
    assert "ประกวดราคาจ้างปรับปรุงอาคาร" in fy2570 and "ประกาศผู้ชนะ ปรับปรุงอาคาร" in fy2570
    assert "69109012345" in fy2570 and "2,390,000.00" in fy2570 and "ห้างหุ้นส่วนจำกัด ช่างดี" in fy2570
    assert "จัดซื้อวัสดุ" in html[html.index("ปีงบประมาณ พ.ศ. 2569") :]
    assert "ข่าวทั่วไป" not in html
    # Summaries newest month first, in the Buddhist era.
    assert html.index("พฤศจิกายน 2569") < html.index("ตุลาคม 2569</strong>")
    assert october.url in html and november.url in html
    notice = client.get("/news/notice-2570/").content.decode()
    assert "69109012345" in notice and "2,500,000.00" in notice and "ประกวดราคาอิเล็กทรอนิกส์" in notice


def test_r8_a_result_dated_before_its_notice_or_a_bad_egp_number_is_refused(home_page, unit):
    news = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    _news(
        news,
        unit,
        "notice",
        "procurement-notice",
        dt.date(2026, 10, 20),
        egp_project_number="69109012345",
    )
    early = m.NewsPage(
        title="ผล",
        slug="result",
        news_kind="procurement-result",
        egp_project_number="69109012345",
        **metadata(unit, published_date=dt.date(2026, 10, 1)),
    )
    with pytest.raises(ValidationError) as refused:
        early.full_clean()
    assert "ไม่ก่อนประกาศจัดซื้อจัดจ้างโครงการเดียวกัน (20 ตุลาคม 2569)" in str(
        refused.value.message_dict["published_date"]
    )
    early.published_date = dt.date(2026, 11, 1)
    early.egp_project_number = "6910-901"
    with pytest.raises(ValidationError) as refused:
        early.full_clean()
    assert refused.value.message_dict["egp_project_number"] == [
        "เลขที่โครงการ e-GP ต้องเป็นตัวเลข 11 หลัก"
    ]


# --- the data migration -----------------------------------------------------------------


def _migration():
    return importlib.import_module(
        "prongsai.sitepages.migrations.0006_fill_oia_details_and_contact_metadata"
    )


def test_r5_existing_item_pages_keep_their_content_and_gain_entries_from_attachments(corner, unit):
    from prongsai.core.models import AgencySettings

    settings = AgencySettings.for_site(corner.get_site())
    settings.address, settings.phone, settings.email = "1 ถนนหลวง", "0 2111 2222", "a@x.go.th"
    settings.save()
    contract_doc = _document(unit, "สัญญาร่วมทุน 1/2569")
    old_contracts = m.OIAItemPage(
        title="สัญญา",
        slug="s9-6",
        oia_item="9(6)",
        body=[{"type": "paragraph", "value": "<p>ข้อมูลเดิม</p>"}],
        attachments=[{"type": "document", "value": contract_doc.pk}],
        live=False,  # saved as before this change: no details (a live page would be cleaned)
        **metadata(unit),
    )
    corner.add_child(instance=old_contracts)
    old_contact = m.OIAItemPage(
        title="ติดต่อ", slug="s7-3", oia_item="7(3)", live=False, **metadata(unit)
    )
    corner.add_child(instance=old_contact)
    for page in (old_contracts, old_contact):
        page.save_revision(clean=False)

    _migration().fill_oia_details(apps, None)

    contracts = m.OIAItemPage.objects.get(pk=old_contracts.pk)
    (entry,) = contracts.details
    assert entry.block_type == "contract" and entry.value["subject"] == "สัญญาร่วมทุน 1/2569"
    assert entry.value["document"].pk == contract_doc.pk
    assert "ข้อมูลเดิม" in str(contracts.body) and len(contracts.attachments) == 1
    # What the editor opens (the latest revision) has it too.
    assert contracts.get_latest_revision_as_object().details[0].value["party"] == ""
    contact = m.OIAItemPage.objects.get(pk=old_contact.pk).details[0].value
    assert (contact["address"], contact["phone"], contact["email"]) == (
        "1 ถนนหลวง",
        "0 2111 2222",
        "a@x.go.th",
    )
    assert contact["contact_person"] == ""  # left for the editor: not counted until filled


# --- R12 on the contact and web-link pages (issue 19 "Metadata that misinforms") ---------


def test_r12_contact_and_link_pages_show_owner_source_and_period(client, home_page, unit):
    about = add_page(home_page, m.AgencyIndexPage, title="ข้อมูลหน่วยงาน", slug="about")
    add_page(
        about,
        m.ContactPage,
        title="ติดต่อหน่วยงาน",
        slug="contact",
        **metadata(unit, info_period_start=dt.date(2025, 4, 1)),
    )
    links = add_page(home_page, m.LinkIndexPage, title="เว็บลิงก์", slug="links")
    collection = m.LinkCollectionPage(title="หน่วยงานที่เกี่ยวข้อง", slug="agencies", **metadata(unit))
    collection.links.add(
        m.WebLink(title="กระทรวง", url="https://www.moph.go.th/", kind="external-agency")
    )
    links.add_child(instance=collection)
    collection.save_revision().publish()
    for url, start in [("/about/contact/", "1 เมษายน 2568"), ("/links/agencies/", "1 ตุลาคม 2569")]:
        html = client.get(url).content.decode()
        assert "กลุ่มงานทดสอบ" in html and "แหล่งที่มา" in html, url
        assert f"{start} – ปัจจุบัน" in html, url


def test_r12_a_contact_page_cannot_go_live_without_its_owner_and_source(home_page, unit):
    about = add_page(home_page, m.AgencyIndexPage, title="ข้อมูลหน่วยงาน", slug="about")
    page = m.ContactPage(title="ติดต่อ", slug="contact", info_period_start=dt.date(2026, 1, 1))
    about.add_child(instance=m.ContactPage(title="ร่าง", slug="draft", live=False, **metadata(unit)))
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert set(refused.value.message_dict) >= {"owner_unit", "source"}


def test_r12_existing_contact_and_link_pages_are_dated_from_their_first_publication(home_page):
    import datetime as _dt

    from django.utils import timezone

    about = add_page(home_page, m.AgencyIndexPage, title="ข้อมูลหน่วยงาน", slug="about")
    old = m.ContactPage(
        title="ติดต่อ", slug="contact", live=False, info_period_start=dt.date(2000, 1, 1)
    )
    about.add_child(instance=old)
    first = timezone.make_aware(_dt.datetime(2024, 5, 2, 9, 0))
    m.ContactPage.objects.filter(pk=old.pk).update(first_published_at=first, source="")
    from prongsai.core.models import AgencySettings

    agency = AgencySettings.for_site(home_page.get_site())
    agency.name_th = "สำนักงานทดสอบ"
    agency.save()
    _migration().fill_contact_metadata(apps, None)
    old.refresh_from_db()
    assert (old.info_period_start, old.source) == (dt.date(2024, 5, 2), "สำนักงานทดสอบ")


# --- Buddhist-era dates in the item blocks (R5, R30) -------------------------------------


def _add_item_form(corner, unit, code, entries):
    url = reverse("wagtailadmin_pages:add", args=["sitepages", "oiaitempage", corner.pk])
    data = nested_form_data(
        {
            "title": f"มาตรา {code}",
            "slug": "s" + code.replace("(", "-").rstrip(")"),
            "introduction": "",
            "oia_item": code,
            "details": streamfield(entries),
            "body": streamfield([]),
            "attachments": streamfield([]),
            "owner_unit": unit.pk,
            "source": "กลุ่มงานกฎหมาย",
            "info_period_start": "01/10/2569",
            "info_period_end": "",
            "published_date": "01/11/2569",
            "action-publish": "action-publish",
        }
    )
    return url, data


def _contract_entry(signed):
    return (
        "contract",
        {
            "subject": "ให้สิทธิประกอบกิจการร้านอาหาร",
            "party": "ร้านครัวสมศรี",
            "contract_number": "3/2568",
            "signed": signed,
            "term": "",
            "value": "",
            "document": "",
        },
    )


def _details_errors(response) -> str:
    import json

    return " ".join(
        json.dumps(error.as_json_data(), ensure_ascii=False)
        if hasattr(error, "as_json_data")  # the stream's own errors, per block and field
        else " ".join(error.messages)
        for error in response.context["form"].errors["details"].as_data()
    )


def test_r5_r30_a_contract_date_typed_in_the_buddhist_era_is_stored_as_that_day(
    admin_client_logged_in, corner, unit, client
):
    """Before, the signing date was Wagtail's Christian-era DateBlock: 15/01/2569 was 2569 CE."""
    url, data = _add_item_form(corner, unit, "9(6)", [_contract_entry("15/01/2569")])
    response = admin_client_logged_in.post(url, data)
    assert response.status_code == 302, _details_errors(response)
    page = m.OIAItemPage.objects.get(slug="s9-6")
    assert page.details.raw_data[0]["value"]["signed"] == "2026-01-15"
    assert page.details[0].value["signed"] == dt.date(2026, 1, 15)
    assert "15 มกราคม 2569" in client.get("/oia/s9-6/").content.decode()
    # The editor shows it back in the Buddhist era.
    signed_block = page.details.stream_block.child_blocks["contract"].child_blocks["signed"]
    assert signed_block.get_form_state(page.details[0].value["signed"]) == "15/01/2569"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("15/01/2026", "ปี 2026 เป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (เช่น 2569)"),
        ("15/01/3069", "ปี พ.ศ. 3069 ไม่ถูกต้อง"),
        ("31/02/2569", "ไม่มีวันที่นี้ในปฏิทิน"),
    ],
)
def test_r5_r30_a_christian_era_or_impossible_contract_date_is_refused_in_thai(
    admin_client_logged_in, corner, unit, typed, message
):
    url, data = _add_item_form(corner, unit, "9(6)", [_contract_entry(typed)])
    response = admin_client_logged_in.post(url, data)
    assert response.status_code == 200
    assert message in _details_errors(response)
    assert not m.OIAItemPage.objects.exists()


@pytest.mark.parametrize("typed", ["10/2569", "ตุลาคม 2569", "ต.ค. 2569", "17/10/2569"])
def test_r5_r30_the_summary_month_is_typed_in_the_buddhist_era(
    admin_client_logged_in, corner, unit, client, typed
):
    summary = _document(unit, "สขร.1 ตุลาคม 2569")
    entry = ("procurement_summary", {"month": typed, "document": summary.pk})
    url, data = _add_item_form(corner, unit, "9(8)", [entry])
    response = admin_client_logged_in.post(url, data)
    assert response.status_code == 302, _details_errors(response)
    page = m.OIAItemPage.objects.get(slug="s9-8")
    assert page.details.raw_data[0]["value"]["month"] == "2026-10-01"
    assert "<strong>ตุลาคม 2569</strong>" in client.get("/oia/s9-8/").content.decode()


def test_r5_r30_a_christian_era_summary_month_is_refused_in_thai(
    admin_client_logged_in, corner, unit
):
    summary = _document(unit, "สขร.1 ตุลาคม 2569")
    entry = ("procurement_summary", {"month": "10/2026", "document": summary.pk})
    url, data = _add_item_form(corner, unit, "9(8)", [entry])
    response = admin_client_logged_in.post(url, data)
    assert response.status_code == 200
    assert "ปี 2026 เป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (เช่น 2569)" in _details_errors(response)
    assert not m.OIAItemPage.objects.exists()


def test_r5_dates_saved_by_the_old_date_block_keep_their_values(corner, unit, client):
    """Content saved before migration 0007 (ISO dates, a summary month on any day of it)."""
    summary = _document(unit, "สขร.1 ตุลาคม 2569")
    old = [
        {"type": "procurement_summary", "value": {"month": "2026-10-17", "document": summary.pk}}
    ]
    page = _item(corner, unit, "9(8)", details=old)
    page = m.OIAItemPage.objects.get(pk=page.pk)
    month = page.details[0].value["month"]
    assert month == dt.date(2026, 10, 1)
    month_block = page.details.stream_block.child_blocks["procurement_summary"].child_blocks[
        "month"
    ]
    assert month_block.get_form_state(month) == "10/2569"
    assert "<strong>ตุลาคม 2569</strong>" in client.get("/oia/s9-8/").content.decode()
    rules = _item(corner, unit, "7(4)")  # record date "2026-10-05" as the old block stored it
    record_block = rules.details.stream_block.child_blocks["record"].child_blocks["date"]
    assert record_block.get_form_state(rules.details[0].value["date"]) == "05/10/2569"
