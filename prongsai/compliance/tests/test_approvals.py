"""R26: next to an evidence page published through a publish request, who approved it and when.

The request goes through the publishing app's own services (submit, approve, publish), so the
dashboard reads exactly what publishing records.
"""

import pytest
from django.urls import reverse

from prongsai.compliance.approvals import publication_records
from prongsai.core.thaidate import thai_datetime
from prongsai.publishing import services as publishing
from prongsai.publishing.models import Action, RequestEvent
from prongsai.publishing.tests import conftest as publishing_fixtures

from .conftest import load_yaml_catalogue

# The publishing app's own people, routes and news section (fixtures, used by name below).
people = publishing_fixtures.people
classes = publishing_fixtures.classes
news_index = publishing_fixtures.news_index
request_data = publishing_fixtures.request_data

NEWS_CATALOGUE = """
catalogue: {slug: news-test, scheme: gws, year: 2569, title: ข่าว}
items:
  - {code: N1, title_th: ข่าวประชาสัมพันธ์, rule: {page_types: [sitepages.NewsPage]}}
"""


@pytest.fixture
def published(people, classes, news_index):
    request = publishing.request_submit(people["owner"], data=request_data(classes["general"]))
    request = publishing.request_approve(people["approver"], request)
    return publishing.request_publish(
        people["publisher"], request, files_checked=True, category_checked=True
    )


@pytest.mark.django_db
def test_r26_publication_record_names_the_approver_and_the_time(published, people):
    records = publication_records({published.target_page_id})
    record = records[published.target_page_id]
    assert record.request_id == published.pk
    assert record.published_at == published.published_at
    (approval,) = record.approvals
    assert approval.name == "ประเสริฐ มั่นคง" and approval.position == "หัวหน้ากลุ่มงาน"
    event = RequestEvent.objects.get(request=published, action=Action.APPROVED)
    assert approval.at == event.created_at and approval.how == "ในระบบ"
    assert approval.step == "หัวหน้ากลุ่มงานเห็นชอบ"


@pytest.mark.django_db
def test_r26_pages_not_published_through_a_request_have_no_record(published, news_index):
    assert publication_records({news_index.pk}) == {}
    assert publication_records(set()) == {}


@pytest.mark.django_db
def test_r26_dashboard_shows_who_approved_each_evidence_page(client, published, people):
    load_yaml_catalogue(NEWS_CATALOGUE)
    client.force_login(people["webmaster"])
    html = client.get("/admin/compliance/news-test/").content.decode()
    event = RequestEvent.objects.get(request=published, action=Action.APPROVED)
    detail = reverse("publishing_admin:detail", args=(published.pk,))
    assert f'<a href="{detail}">#{published.pk}</a>' in html
    assert f"อนุมัติโดย ประเสริฐ มั่นคง (หัวหน้ากลุ่มงาน) เมื่อ {thai_datetime(event.created_at)}" in html
    assert "เผยแพร่ผ่านคำขอ" in html


@pytest.mark.django_db
def test_r26_exempt_class_shows_that_no_approval_was_needed(people, classes, news_index):
    request = publishing.request_submit(people["owner"], data=request_data(classes["exempt"]))
    request = publishing.request_publish(
        people["publisher"], request, files_checked=True, category_checked=True
    )
    (approval,) = publication_records({request.target_page_id})[request.target_page_id].approvals
    assert approval.how == "ไม่ต้องขออนุมัติ"
    assert approval.name == "ยกเว้น: ข้อมูลตามภารกิจประจำตามแนวปฏิบัติ"
