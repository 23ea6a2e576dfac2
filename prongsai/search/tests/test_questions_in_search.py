"""R9 / issue 19 item 6: answered public questions are found by the site search (ADR 0271)."""

import pytest
from django.urls import reverse
from django.utils import timezone
from modelsearch.conf import get_app_config

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.feedback import services
from prongsai.feedback.models import Question

pytestmark = pytest.mark.django_db

QUESTION = "ขอทราบขั้นตอนการขอรับเบี้ยยังชีพผู้พิการ"
BODY = "ญาติของดิฉันพิการ ต้องไปยื่นเอกสารที่ไหน"
ANSWER = "ยื่นคำขอได้ที่สำนักปลัด พร้อมสำเนาบัตรประจำตัวคนพิการและสมุดบัญชีธนาคาร"


@pytest.fixture
def moderator(db):
    return give_role(UserFactory(username="moderator"), Role.MODERATOR)


def _search(client, query, **filters):
    return client.get(reverse("search:search"), {"q": query, **filters})


def _urls(response) -> list[str]:
    return [hit.url for hit in response.context["hits"]]


def _indexed(question) -> bool:
    from django.contrib.contenttypes.models import ContentType

    entries = get_app_config().get_model("IndexEntry").objects
    content_type = ContentType.objects.get_for_model(Question)
    return entries.filter(content_type=content_type, object_id=str(question.pk)).exists()


@pytest.fixture
def answered(home_page, moderator):
    question = services.submit_question(title=QUESTION, body=BODY)
    return services.publish_answer(
        question, moderator, public_title=QUESTION, public_body=BODY, answer=ANSWER
    )


def test_r9_answered_question_is_found_by_its_question_and_its_answer(client, answered):
    url = f"/questions/{answered.pk}/"
    for query in ["เบี้ยยังชีพผู้พิการ", "สมุดบัญชีธนาคาร", "สำนักปลัด"]:
        response = _search(client, query)
        assert url in _urls(response), query
    html = _search(client, "สมุดบัญชีธนาคาร").content.decode()
    assert f'href="{url}"' in html
    assert "กระดานถาม-ตอบ" in html  # what the result is, where a page shows its category
    assert "<mark>" in html
    assert client.get(url).status_code == 200


def test_r9_only_the_public_version_is_indexed(client, home_page, moderator):
    question = services.submit_question(title="สอบถามสิทธิของนายสมชายใจดี", body="รายละเอียด")
    services.publish_answer(
        question,
        moderator,
        public_title="สอบถามสิทธิรักษาพยาบาล",
        public_body="รายละเอียด",
        answer="ใช้สิทธิบัตรทองได้",
    )
    assert f"/questions/{question.pk}/" in _urls(_search(client, "สิทธิรักษาพยาบาล"))
    assert _search(client, "สมชายใจดี").context["hits"] == []


def test_r9_unanswered_questions_are_not_found_nor_indexed(client, home_page):
    pending = services.submit_question(title=QUESTION, body=BODY)
    assert _search(client, "เบี้ยยังชีพผู้พิการ").context["hits"] == []
    assert not _indexed(pending)


def test_r9_rejected_and_merged_questions_leave_the_search(client, answered, moderator):
    other = services.submit_question(title="ขอทราบวันรับเบี้ยยังชีพผู้พิการ", body="เดือนนี้")
    services.publish_answer(
        other, moderator, public_title=other.title, public_body=other.body, answer="วันที่ 10"
    )
    assert _indexed(answered) and _indexed(other)
    services.merge_duplicate(other, moderator, target=answered)
    assert not _indexed(other)
    services.reject_question(answered, moderator, reason="ข้อมูลส่วนบุคคล")
    assert _search(client, "เบี้ยยังชีพผู้พิการ").context["hits"] == []
    assert not _indexed(answered) and not _indexed(other)


def test_r9_edited_answer_is_reindexed(client, answered, moderator):
    services.save_moderation_draft(
        answered, moderator, public_title=QUESTION, public_body=BODY, answer="โทรสอบถาม 1300"
    )
    assert _search(client, "สมุดบัญชีธนาคาร").context["hits"] == []
    assert f"/questions/{answered.pk}/" in _urls(_search(client, "โทรสอบถาม"))


def test_r9_questions_are_not_in_a_category_or_document_filter(client, answered):
    assert _search(client, "เบี้ยยังชีพผู้พิการ", category="news").context["hits"] == []
    assert _search(client, "เบี้ยยังชีพผู้พิการ", category="documents").context["hits"] == []
    assert _search(client, "เบี้ยยังชีพผู้พิการ", filetype="pdf").context["hits"] == []


def test_r9_question_results_show_their_buddhist_era_date(client, answered):

    from prongsai.core.thaidate import thai_date

    html = _search(client, "เบี้ยยังชีพผู้พิการ").content.decode()
    assert thai_date(timezone.localdate(answered.published_at)) in html


def test_r9_fiscal_year_filter_keeps_questions_of_that_year(client, answered):
    from prongsai.core.thaidate import fiscal_year

    year = fiscal_year(timezone.localdate(answered.published_at))
    url = f"/questions/{answered.pk}/"
    assert url in _urls(_search(client, "เบี้ยยังชีพผู้พิการ", year=year))
    assert _search(client, "เบี้ยยังชีพผู้พิการ", year=year - 1).context["hits"] == []
