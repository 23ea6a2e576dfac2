"""Webmasters add evidence or mark an item not applicable on the dashboard itself (R34)."""

import pytest
from wagtail.models import ModelLogEntry, Page

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.compliance.models import CatalogueItem, EvidenceLink, NotApplicable
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata


def staff(username, role):
    return give_role(UserFactory(username=username), role)


@pytest.fixture
def webmaster_client(client, db):
    client.force_login(staff("web", Role.WEBMASTER))
    return client


@pytest.fixture
def item(small_catalogue):
    return CatalogueItem.objects.get(catalogue=small_catalogue, code="A6")


@pytest.fixture
def plan(small_site, unit):
    return add_page(
        small_site["about"],
        m.AgencyInfoPage,
        title="แผนงานประจำปี",
        slug="plan",
        topic="other",
        **metadata(unit),
    )


def evidence_url(item):
    return f"/admin/compliance/small-test/items/{item.pk}/evidence/"


def na_url(item):
    return f"/admin/compliance/small-test/items/{item.pk}/not-applicable/"


@pytest.mark.django_db
def test_r34_the_dashboard_offers_choosers_for_each_item(webmaster_client, item, small_site):
    html = webmaster_client.get("/admin/compliance/small-test/").content.decode()
    assert f'name="item{item.pk}-page"' in html and f'name="item{item.pk}-document"' in html
    assert f'name="item{item.pk}-reason"' in html
    assert "เพิ่มหลักฐาน / ไม่เกี่ยวข้อง" in html


@pytest.mark.django_db
def test_r34_webmaster_adds_a_page_as_evidence_inline(webmaster_client, item, plan, site):
    prefix = f"item{item.pk}"
    response = webmaster_client.post(
        evidence_url(item), {f"{prefix}-page": plan.pk, f"{prefix}-note": "มาตรการอยู่ในแผนงาน"}
    )
    assert response.status_code == 302
    assert response.url.endswith(f"/admin/compliance/small-test/#item-{item.pk}")
    link = EvidenceLink.objects.get(item=item, site=site)
    assert link.page_id == plan.pk and link.note == "มาตรการอยู่ในแผนงาน"
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(link.pk)).exists()
    html = webmaster_client.get("/admin/compliance/small-test/").content.decode()
    assert "บันทึกหลักฐานของข้อ A6 แล้ว" in html
    assert 'href="/about/plan/"' in html

    remove = f"/admin/compliance/small-test/items/{item.pk}/evidence/{link.pk}/remove/"
    assert webmaster_client.post(remove).status_code == 302
    assert not EvidenceLink.objects.filter(pk=link.pk).exists()


@pytest.mark.django_db
def test_r34_webmaster_adds_a_document_as_evidence_inline(webmaster_client, item, small_site):
    prefix = f"item{item.pk}"
    response = webmaster_client.post(
        evidence_url(item), {f"{prefix}-document": small_site["stats"].pk}
    )
    assert response.status_code == 302
    assert EvidenceLink.objects.get(item=item).document_id == small_site["stats"].pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields, message",
    [
        ({}, "เลือกหน้าเว็บหรือเอกสารอย่างใดอย่างหนึ่ง"),
        ({"page": "PLAN", "document": "STATS"}, "เลือกหน้าเว็บหรือเอกสารอย่างใดอย่างหนึ่ง"),
        ({"page": "999999"}, "ไม่พบรายการที่เลือก"),
        ({"page": "PLAN", "note": "ก" * 501}, "คำอธิบายยาวได้ไม่เกิน 500 ตัวอักษร"),
    ],
    ids=["nothing", "both", "unknown-page", "long-note"],
)
def test_r34_bad_evidence_input_is_refused_in_thai_and_changes_nothing(
    webmaster_client, item, plan, small_site, fields, message
):
    values = {"PLAN": plan.pk, "STATS": small_site["stats"].pk}
    data = {f"item{item.pk}-{k}": values.get(v, v) for k, v in fields.items()}
    response = webmaster_client.post(evidence_url(item), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert f'id="item-{item.pk}"' in response.content.decode()
    assert not EvidenceLink.objects.exists()


@pytest.mark.django_db
def test_r34_a_page_of_another_site_or_a_duplicate_is_refused(webmaster_client, item, plan, site):
    outside = Page.get_first_root_node().add_child(
        instance=m.StandardPage(title="หน้าของเว็บไซต์อื่น", slug="elsewhere")
    )
    prefix = f"item{item.pk}"
    response = webmaster_client.post(evidence_url(item), {f"{prefix}-page": outside.pk})
    assert response.status_code == 400
    assert "หน้านี้ไม่อยู่ในเว็บไซต์ของหน่วยงาน" in response.content.decode()
    assert not EvidenceLink.objects.exists()

    assert webmaster_client.post(evidence_url(item), {f"{prefix}-page": plan.pk}).status_code == 302
    again = webmaster_client.post(evidence_url(item), {f"{prefix}-page": plan.pk})
    assert again.status_code == 400
    assert "เป็นหลักฐานของข้อนี้อยู่แล้ว" in again.content.decode()
    assert EvidenceLink.objects.count() == 1


@pytest.mark.django_db
def test_r34_not_applicable_inline_needs_a_reason_and_can_be_cleared(
    webmaster_client, item, site, small_site
):
    field = f"item{item.pk}-reason"
    refused = webmaster_client.post(na_url(item), {field: "   "})
    assert refused.status_code == 400
    assert "กรุณาระบุเหตุผลที่ข้อนี้ไม่เกี่ยวข้องกับหน่วยงาน" in refused.content.decode()
    assert not NotApplicable.objects.exists()

    accepted = webmaster_client.post(na_url(item), {field: "หน่วยงานไม่มีภารกิจนี้"})
    assert accepted.status_code == 302
    assert NotApplicable.objects.get(item=item, site=site).reason == "หน่วยงานไม่มีภารกิจนี้"
    html = webmaster_client.get("/admin/compliance/small-test/").content.decode()
    assert "หน่วยงานไม่มีภารกิจนี้" in html and "ยกเลิก “ไม่เกี่ยวข้อง”" in html

    clear = f"/admin/compliance/small-test/items/{item.pk}/not-applicable/clear/"
    assert webmaster_client.post(clear).status_code == 302
    assert not NotApplicable.objects.exists()


@pytest.mark.django_db
def test_r34_viewers_without_the_webmaster_role_see_no_forms_and_cannot_post(client, item, plan):
    client.force_login(staff("pub", Role.PUBLISHER))
    html = client.get("/admin/compliance/small-test/").content.decode()
    assert "บันทึกหลักฐาน" not in html
    response = client.post(evidence_url(item), {f"item{item.pk}-page": plan.pk})
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    assert not EvidenceLink.objects.exists()


@pytest.mark.django_db
def test_evidence_forms_accept_only_post(webmaster_client, item):
    assert webmaster_client.get(evidence_url(item)).status_code == 405
