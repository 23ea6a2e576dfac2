"""Pages created from requests: readable Thai addresses that Wagtail serves (R21)."""

import datetime as dt
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.publishing import services
from prongsai.publishing.models import Status

from .conftest import request_data

pytestmark = pytest.mark.django_db


def test_created_page_keeps_thai_vowel_and_tone_marks_in_its_address_and_is_served(
    client, people, classes, news_index
):
    request = services.request_submit(
        people["owner"], data=request_data(classes["general"], title="ข่าวประชาสัมพันธ์ น้ำท่วม")
    )
    request = services.request_approve(people["approver"], request)
    request = services.request_publish(
        people["publisher"], request, files_checked=True, category_checked=True
    )
    page = request.target_page
    assert page.slug == f"ข่าวประชาสัมพันธ์-น้ำท่วม-{request.pk}"
    assert unquote(request.public_url).endswith(f"/news/ข่าวประชาสัมพันธ์-น้ำท่วม-{request.pk}/")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "ข่าวประชาสัมพันธ์ น้ำท่วม" in response.content.decode()


def test_thai_serve_pattern_does_not_take_over_latin_urls(client, news_index):
    assert reverse("wagtail_serve", args=("news/",)) == "/news/"
    assert client.get("/news/").status_code == 200
    assert client.get("/admin/login/").status_code == 200


# --- every category gets its page type (item 3) ------------------------------------------


@pytest.fixture
def sections(home_page):
    from prongsai.sitepages import models as site
    from prongsai.sitepages.tests.factories import add_page

    return {
        "laws": add_page(home_page, site.LawIndexPage, title="กฎหมาย", slug="laws"),
        "knowledge": add_page(home_page, site.KnowledgeIndexPage, title="คลังความรู้", slug="kb"),
        "links": add_page(home_page, site.LinkIndexPage, title="เว็บลิงก์", slug="links"),
        "manuals": add_page(
            home_page, site.OperationsManualIndexPage, title="คู่มือ", slug="operations-manuals"
        ),
    }


def approved(people, information_class, **overrides):
    request = services.request_submit(
        people["owner"], data=request_data(information_class, **overrides)
    )
    return services.request_approve(people["approver"], request)


def test_r2_law_request_becomes_a_law_page_with_its_kind_and_source(people, classes, sections):
    from prongsai.sitepages.models import LawPage

    request = approved(
        people,
        classes["general"],
        category="laws",
        title="ประกาศจังหวัด เรื่อง การควบคุมโรคไข้เลือดออก",
        law_kind="announcement",
        source_url="https://www.ratchakitcha.soc.go.th/example.pdf",
    )
    assert isinstance(request.target_page.specific, LawPage)
    request = services.request_publish(
        people["publisher"], request, files_checked=True, category_checked=True
    )
    page = request.target_page.specific
    assert page.live and page.get_parent().specific == sections["laws"]
    assert page.law_kind == "announcement" and page.source == "กลุ่มงานควบคุมโรคติดต่อ"
    assert page.source_url.endswith("example.pdf")


def test_r3_knowledge_without_a_reference_is_refused_in_thai_until_the_publisher_gives_it(
    people, classes, sections
):
    request = approved(
        people, classes["general"], category="knowledge", knowledge_kind="statistics"
    )
    with pytest.raises(ValidationError) as error:
        services.request_publish(
            people["publisher"], request, files_checked=True, category_checked=True
        )
    text = " ".join(error.value.messages)
    assert "ต้องระบุ แหล่งอ้างอิง" in text and "วันที่ของข้อมูลอ้างอิง" in text
    request.refresh_from_db()
    assert request.status == Status.APPROVED and not request.target_page.live

    request = services.request_publish(
        people["publisher"],
        request,
        files_checked=True,
        category_checked=True,
        page_fields={
            "reference": "รายงานสถานการณ์โรค กรมควบคุมโรค 2569",
            "reference_date": dt.date(2026, 4, 1),
        },
    )
    page = request.target_page.specific
    assert page.live and page.reference.startswith("รายงานสถานการณ์โรค")
    assert page.reference_date == dt.date(2026, 4, 1) and page.knowledge_kind == "statistics"


def test_r6_manual_needs_its_steps_added_in_wagtails_editor_before_publication(
    people, classes, sections
):
    request = approved(people, classes["general"], category="operations-manuals")
    with pytest.raises(ValidationError) as error:
        services.request_publish(
            people["publisher"], request, files_checked=True, category_checked=True
        )
    assert "ขั้นตอนและระยะเวลา" in " ".join(error.value.messages)
    assert "Wagtail" in " ".join(error.value.messages)


def test_r4_link_request_lists_each_url_line_as_a_web_link(people, classes, sections):
    request = approved(
        people,
        classes["general"],
        category="links",
        title="ลิงก์หน่วยงานสาธารณสุข",
        content="กรมควบคุมโรค https://ddc.moph.go.th/\nกระทรวงสาธารณสุข https://www.moph.go.th/",
    )
    request = services.request_publish(
        people["publisher"], request, files_checked=True, category_checked=True
    )
    page = request.target_page.specific
    assert [(link.title, link.url) for link in page.links.all()] == [
        ("กรมควบคุมโรค", "https://ddc.moph.go.th/"),
        ("กระทรวงสาธารณสุข", "https://www.moph.go.th/"),
    ]


def test_a_request_for_a_section_the_site_lacks_is_refused_in_thai_and_nothing_is_saved(
    people, classes
):
    from prongsai.publishing.models import PublishRequest

    with pytest.raises(ValidationError, match="ยังไม่มีหน้าหมวด"):
        services.request_submit(
            people["owner"], data=request_data(classes["general"], category="oia", oia_item="7(1)")
        )
    assert not PublishRequest.objects.exists()


def test_every_category_of_the_standard_maps_to_a_section_and_page_type():
    from prongsai.core.categories import CATEGORIES
    from prongsai.publishing.pages import SECTION_PAGES

    assert set(SECTION_PAGES) == set(CATEGORIES)
    for section in SECTION_PAGES.values():
        assert section.index_model in section.page_model.allowed_parent_page_models()


# --- revision requests from the periodic review (R31) ------------------------------------


def test_r31_open_revision_request_reapproves_a_live_page_like_a_new_request(
    people, classes, news_index, django_capture_on_commit_callbacks
):
    first = approved(people, classes["general"])
    first = services.request_publish(
        people["publisher"], first, files_checked=True, category_checked=True
    )
    page = first.target_page.specific
    from prongsai.publishing.services import open_revision_request

    # Through the periodic review's adapter, as the "revise" action calls it.
    with django_capture_on_commit_callbacks(execute=True):
        revision = open_revision_request(page=page, user=people["owner"], note="ตัวเลขผู้ป่วยเปลี่ยนแล้ว")
    assert revision.is_revision and revision.pk != first.pk
    assert revision.target_page_id == page.pk and revision.status == Status.PENDING
    assert revision.information_class == classes["general"]
    assert revision.workflow_state.status == "in_progress"
    assert revision.events.get().reason.endswith("ตัวเลขผู้ป่วยเปลี่ยนแล้ว")

    revision = services.request_approve(people["approver"], revision)
    revision = services.request_publish(
        people["publisher"], revision, files_checked=True, category_checked=True
    )
    assert revision.status == Status.PUBLISHED and revision.public_url == first.public_url


def test_r31_revision_request_needs_a_note_and_a_person_of_the_owning_unit(
    people, classes, news_index
):
    from prongsai.accounts.tests.factories import UnitFactory, UserFactory

    request = approved(people, classes["general"])
    page = services.request_publish(
        people["publisher"], request, files_checked=True, category_checked=True
    ).target_page
    with pytest.raises(ValidationError, match="กรุณาระบุสิ่งที่ต้องปรับปรุง"):
        services.open_revision_request(page=page, user=people["owner"], note="  ")
    stranger = UserFactory(username="stranger", unit=UnitFactory(code="other"))
    with pytest.raises(ValidationError, match="ไม่มีสิทธิ์"):
        services.open_revision_request(page=page, user=stranger, note="แก้ไข")
    # A data owner of another unit is a stranger too (the role alone let them in before,
    # while the periodic review refused them: one rule now, publishing.permissions).
    other_owner = give_role(
        UserFactory(username="other-unit-owner", unit=people["pr_unit"]), Role.DATA_OWNER
    )
    with pytest.raises(ValidationError, match="ไม่มีสิทธิ์"):
        services.open_revision_request(page=page, user=other_owner, note="แก้ไข")
