"""Publishing around the process (R21, R23, R26, R32, R40): refused unless the agency's policy
allows it, and every page published without a request is recorded and flagged."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page, Site, Workflow
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from prongsai.accounts.role_sync import sync_roles
from prongsai.accounts.roles import Role
from prongsai.compliance.approvals import publication_records
from prongsai.compliance.evidence import SiteContent
from prongsai.publishing import dailychecks, services
from prongsai.publishing.evidence import render_direct_pdf
from prongsai.publishing.listing import DIRECT_ANY, DIRECT_NOT_ALLOWED
from prongsai.publishing.models import DIRECT_PUBLISH_ROLES, DirectPublication
from prongsai.sitepages import models as site
from prongsai.sitepages.tests.factories import add_page

from .conftest import request_data
from .test_evidence import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles_as_in_production(people):
    # The publishing fixtures make bare groups; give them the page rights production gives.
    sync_roles()
    return people


@pytest.fixture
def routine_policy(classes):
    routine = classes["exempt"]
    routine.direct_publish_categories = ["news"]
    routine.direct_publish_roles = list(DIRECT_PUBLISH_ROLES)
    routine.full_clean()
    routine.save()
    return routine


@pytest.fixture
def laws_index(home_page):
    return add_page(home_page, site.LawIndexPage, title="กฎหมาย", slug="laws")


def _add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def _page_post(unit, title, slug, **fields):
    data = {
        "title": title,
        "slug": slug,
        "introduction": "",
        "body": streamfield([("paragraph", rich_text("<p>เนื้อหา</p>"))]),
        "attachments": streamfield([]),
        "gallery": streamfield([]),
        "owner_unit": unit.pk,
        "source": "กลุ่มงานควบคุมโรคติดต่อ",
        "info_period_start": "2026-10-01",
        "info_period_end": "",
        "published_date": "2026-11-01",
        "action-publish": "action-publish",
    }
    data.update(fields)
    return nested_form_data(data)


def _law_fields(user, slug, title="ประกาศ"):
    import datetime as dt

    return {
        "title": title,
        "slug": slug,
        "law_kind": "act",
        "owner_unit": user.unit,
        "source": "ราชกิจจานุเบกษา",
        "info_period_start": dt.date(2026, 10, 1),
    }


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_r21_publisher_publishing_a_law_page_directly_is_refused_in_thai_and_nothing_saved(
    client, roles_as_in_production, laws_index, routine_policy
):
    publisher = roles_as_in_production["publisher"]
    client.force_login(publisher)
    response = client.post(
        _add_url(site.LawPage, laws_index),
        _page_post(publisher.unit, "ระเบียบการเบิกจ่าย", "regulation", law_kind="act"),
    )
    assert response.status_code == 302
    assert any("เผยแพร่โดยตรงไม่ได้" in m and "คำขอเผยแพร่" in m for m in _messages(response))
    assert not site.LawPage.objects.exists()
    assert not DirectPublication.objects.exists()


def test_r21_wagtail_permissions_hide_publish_and_refuse_bulk_publish_for_a_class_not_allowed(
    client, roles_as_in_production, laws_index, routine_policy
):
    publisher = roles_as_in_production["publisher"]
    law = add_page(
        laws_index, site.LawPage, publish=False, live=False, **_law_fields(publisher, "notice")
    )
    law.save_revision(user=publisher)
    assert law.permissions_for_user(publisher).can_publish() is False
    assert laws_index.permissions_for_user(publisher).can_publish_subpage() is False
    client.force_login(publisher)
    response = client.post(
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={law.pk}",
        {"include_descendants": "False"},
    )
    assert response.status_code in (200, 302)
    law.refresh_from_db()
    assert not law.live


def test_r21_edit_and_publish_of_a_live_law_page_is_refused(
    client, roles_as_in_production, laws_index, routine_policy
):
    publisher = roles_as_in_production["publisher"]
    law = add_page(laws_index, site.LawPage, **_law_fields(publisher, "old", "ประกาศเดิม"))
    revisions = law.revisions.count()
    client.force_login(publisher)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[law.pk]),
        _page_post(publisher.unit, "ประกาศแก้ไขเอง", "old", law_kind="act"),
    )
    assert response.status_code == 302
    law.refresh_from_db()
    assert law.title == "ประกาศเดิม" and law.revisions.count() == revisions
    assert any("เผยแพร่โดยตรงไม่ได้" in m for m in _messages(response))


def test_r21_r26_allowed_direct_publish_is_recorded_flagged_and_its_record_says_so(
    client, roles_as_in_production, news_index, routine_policy
):
    publisher = roles_as_in_production["publisher"]
    client.force_login(publisher)
    response = client.post(
        _add_url(site.NewsPage, news_index),
        _page_post(publisher.unit, "ปฏิทินกิจกรรมเดือนธันวาคม", "calendar", news_kind="general"),
    )
    assert response.status_code == 302, _messages(response)
    page = site.NewsPage.objects.get(slug="calendar")
    assert page.live
    record = DirectPublication.objects.get(page=page)
    assert record.user == publisher and record.information_class == routine_policy
    statement = "เผยแพร่โดยตรงโดย ธนา เผยแพร่, ประเภท ข้อมูลประจำ, ยกเว้นตามแนวปฏิบัติของหน่วยงาน"
    # The PDF wraps lines inside the cell: compare without whitespace.
    assert "".join(statement.split()) in "".join(pdf_text(render_direct_pdf(record)).split())
    # The daily check lists it; the evidence record for the assessor says the same.
    findings = dailychecks.published_without_request(today=record.published_at.date())
    assert [f.summary for f in findings] == ["ปฏิทินกิจกรรมเดือนธันวาคม"]
    assert "เผยแพร่โดยตรงโดย ธนา เผยแพร่" in findings[0].detail
    assert "ประเภท ข้อมูลประจำ ยกเว้นตามแนวปฏิบัติของหน่วยงาน" in findings[0].detail
    assert publication_records([page.pk])[page.pk].direct_statement == statement
    # Allowed by the policy: it counts as evidence.
    content = SiteContent(Site.objects.get(is_default_site=True))
    assert page.pk in content.pages


def test_r21_r40_superuser_publishing_around_the_policy_is_flagged_and_not_counted(
    admin_client, roles_as_in_production, laws_index, routine_policy
):
    response = admin_client.post(
        _add_url(site.LawPage, laws_index),
        _page_post(roles_as_in_production["unit"], "ระเบียบที่ไม่ผ่านคำขอ", "reg", law_kind="act"),
    )
    assert response.status_code == 302
    page = site.LawPage.objects.get(slug="reg")
    record = DirectPublication.objects.get(page=page)
    assert not record.allowed
    content = SiteContent(Site.objects.get(is_default_site=True))
    assert page.pk not in content.pages
    assert "ไม่ได้ยกเว้น" in content.expired_pages[page.pk].problem
    findings = dailychecks.published_without_request(today=record.published_at.date())
    assert findings[0].severity == "error" and "ไม่นับเป็นหลักฐาน" in findings[0].detail
    # The page list's filter finds it.
    listing = reverse("publication_pages:index")
    found = admin_client.get(listing, {"published_without_request": DIRECT_NOT_ALLOWED})
    assert "ระเบียบที่ไม่ผ่านคำขอ" in found.content.decode()
    assert "เผยแพร่โดยไม่มีคำขอ" in found.content.decode()


def test_r21_publication_through_a_request_is_not_a_direct_one(
    roles_as_in_production, classes, news_index
):
    people = roles_as_in_production
    publish_request = services.request_submit(
        people["owner"], data=request_data(classes["general"])
    )
    services.request_approve(people["approver"], publish_request)
    services.request_publish(
        people["publisher"], publish_request, files_checked=True, category_checked=True
    )
    assert not DirectPublication.objects.exists()
    page = Page.objects.get(pk=publish_request.target_page_id)
    content = SiteContent(Site.objects.get(is_default_site=True))
    assert page.pk in content.pages


def test_r23_only_a_routine_exempt_class_may_allow_direct_publication(classes):
    general = classes["general"]
    general.direct_publish_categories = ["news"]
    general.direct_publish_roles = [Role.PUBLISHER.value]
    with pytest.raises(ValidationError) as error:
        general.full_clean()
    assert "เฉพาะประเภทข้อมูลงานประจำ" in " ".join(error.value.messages)


def test_r23_direct_publication_filter_lists_only_pages_published_without_request(
    client, roles_as_in_production, news_index, routine_policy
):
    webmaster = roles_as_in_production["webmaster"]
    client.force_login(webmaster)
    client.post(
        _add_url(site.NewsPage, news_index),
        _page_post(webmaster.unit, "ข่าวโดยตรง", "direct-news", news_kind="general"),
    )
    fields = _law_fields(webmaster, "system-news", "ข่าวเดิมของระบบ")
    fields.pop("law_kind")
    add_page(news_index, site.NewsPage, news_kind="general", **fields)
    response = client.get(
        reverse("publication_pages:index"), {"published_without_request": DIRECT_ANY}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "ข่าวโดยตรง" in body and "ข่าวเดิมของระบบ" not in body


def test_r20_wagtail_default_workflow_and_groups_are_gone(db):
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
