"""R9: the question-and-answer board."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test import Client

from prongsai.feedback import services
from prongsai.feedback.models import Question

MONDAY = dt.datetime(2026, 11, 16, 3, 0, tzinfo=dt.UTC)


def _ask(client, ip="203.0.113.20", **overrides):
    data = {"title": "ขอทราบขั้นตอนขอใบอนุญาต", "body": "ต้องใช้เอกสารอะไรบ้างครับ"}
    data.update(overrides)
    return client.post("/questions/ask/", data, REMOTE_ADDR=ip)


@time_machine.travel(MONDAY)
def test_r9_question_waits_for_moderation_with_working_day_deadline(client, home_page, settings):
    settings.PRONGSAI_QA_RESPONSE_WORKING_DAYS = 7
    response = _ask(
        client, asker_name="สมชาย", asker_email="somchai@example.com", email_consent="on"
    )
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.status == Question.Status.PENDING
    assert question.email_consent_at is not None
    # 7 working days after Monday 16 Nov 2026: Wed 25 Nov (no Thai holiday in between).
    assert question.due_date == dt.date(2026, 11, 25)
    assert "ขอทราบขั้นตอน" not in client.get("/questions/").content.decode()
    assert client.get(f"/questions/{question.pk}/").status_code == 404


@time_machine.travel(MONDAY)
def test_r9_asker_gets_a_reference_number_and_a_tracking_link(
    client, home_page, django_capture_on_commit_callbacks
):
    """Issue 19: the confirmation gave no number, date or way to follow the question."""
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="www.agency.go.th", port=443)
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(
            client, asker_name="สมชาย", asker_email="somchai@example.com", email_consent="on"
        )
    question = Question.objects.get()
    assert response["Location"] == f"/questions/{question.pk}/track/{question.tracking_token}/"
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert f"<dd>{question.pk}</dd>" in html and "25 พฤศจิกายน 2569" in html
    (received,) = mail.outbox
    assert f"https://www.agency.go.th{response['Location']}" in received.body
    # A guessed token is the same 404 as a number that does not exist.
    assert client.get(f"/questions/{question.pk}/track/guess/").status_code == 404
    assert client.get("/questions/99999/track/guess/").status_code == 404


def test_r9_deadline_skips_thai_public_holidays(db):
    from prongsai.core.workdays import add_working_days

    # Thu 10 Dec 2026 is Constitution Day; Fri 11 is the next working day after Wed 9.
    assert add_working_days(dt.date(2026, 12, 9), 1) == dt.date(2026, 12, 11)


def test_r9_email_without_consent_is_refused_in_thai_and_nothing_stored(client, home_page):
    response = _ask(client, asker_email="somchai@example.com")
    assert response.status_code == 400
    assert "กรุณาให้ความยินยอม" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "กรุณากรอกข้อมูลช่องนี้"),
        ("body", "   ", "กรุณากรอกข้อมูลช่องนี้"),
        ("title", "ก" * 201, "ข้อความยาวเกินไป"),
        ("body", "ข" * 3001, "ข้อความยาวเกินไป"),
        ("title", "<b>ตัวหนา</b>", "ไม่อนุญาตให้ใส่โค้ด HTML"),
        ("body", "<script>alert(1)</script>", "ไม่อนุญาตให้ใส่โค้ด HTML"),
        ("asker_name", "<img src=x onerror=alert(1)>", "ไม่อนุญาตให้ใส่โค้ด HTML"),
        ("body", "คลิก javascript:alert(1)", "ไม่อนุญาตให้ใส่โค้ด HTML"),
        ("asker_email", "not-an-email", "รูปแบบอีเมลไม่ถูกต้อง"),
    ],
)
def test_r9_bad_question_is_refused_in_thai_and_nothing_stored(
    client, home_page, field, value, message
):
    response = _ask(client, **{field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_r9_service_refuses_bad_input_too(db):
    with pytest.raises(services.ValidationError):
        services.submit_question(title="", body="x")
    with pytest.raises(services.ValidationError):
        services.submit_question(title="t", body="b", asker_email="a@example.com", consent=False)
    assert not Question.objects.exists()


def test_r9_moderator_hides_personal_data_answers_and_asker_is_emailed(
    staff_client, home_page, moderator, django_capture_on_commit_callbacks
):
    question = services.submit_question(
        title="สอบถามสิทธิรักษา",
        body="ผมชื่อสมชาย เลขบัตร 1234567890123 ขอทราบสิทธิ ดูที่ https://example.com/x",
        asker_email="somchai@example.com",
        consent=True,
    )
    # Before publication the link is plain text in the admin.
    admin_page = staff_client.get(f"/admin/feedback/questions/{question.pk}/").content.decode()
    assert 'href="https://example.com/x"' not in admin_page
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            f"/admin/feedback/questions/{question.pk}/",
            {
                "action": "publish",
                "public_title": "สอบถามสิทธิรักษา",
                "public_body": "ขอทราบสิทธิ ดูที่ https://example.com/x",
                "answer": "ใช้สิทธิบัตรทองได้ที่โรงพยาบาลใกล้บ้าน",
            },
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED and question.answered_by == moderator
    public = Client().get(f"/questions/{question.pk}/").content.decode()
    assert "ใช้สิทธิบัตรทอง" in public and "1234567890123" not in public
    assert 'href="https://example.com/x"' in public and 'rel="nofollow"' in public
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["somchai@example.com"]
    assert "ใช้สิทธิบัตรทอง" in mail.outbox[0].body and "คำตอบ" in mail.outbox[0].subject
    question.refresh_from_db()
    assert question.asker_notified_at is not None
    # R12 (issue 19): the answer says whose it is and which period it covers, in the BE.
    assert "หน่วยงานเจ้าของข้อมูล" in public and "ช่วงเวลาของข้อมูล" in public
    from prongsai.core.thaidate import thai_date

    period = f"{thai_date(question.submitted_at)} – {thai_date(question.answered_at)}"
    assert f"ช่วงเวลาของข้อมูล</dt><dd>{period}</dd>" in public


def test_r9_publishing_needs_an_answer_and_the_moderator_role(db, moderator):
    from django.core.exceptions import PermissionDenied

    from prongsai.accounts.tests.factories import UserFactory

    question = services.submit_question(title="ถาม", body="รายละเอียด")
    fields = {"public_title": "ถาม", "public_body": "รายละเอียด", "answer": ""}
    with pytest.raises(services.ValidationError):
        services.publish_answer(question, moderator, **fields)
    with pytest.raises(PermissionDenied):
        services.publish_answer(question, UserFactory(), **{**fields, "answer": "ตอบ"})
    question.refresh_from_db()
    assert question.status == Question.Status.PENDING


def test_r9_spam_is_rejected_and_duplicates_are_merged(staff_client, home_page, moderator):
    spam = services.submit_question(title="ขายยา ราคาถูก", body="ติดต่อ ...")
    original = services.submit_question(title="เปิดกี่โมง", body="สำนักงานเปิดกี่โมง")
    duplicate = services.submit_question(title="เวลาทำการ", body="เปิดทำการกี่โมงคะ")
    staff_client.post(
        f"/admin/feedback/questions/{spam.pk}/", {"action": "reject", "reason": "สแปม"}
    )
    staff_client.post(
        f"/admin/feedback/questions/{duplicate.pk}/", {"action": "merge", "target": original.pk}
    )
    services.publish_answer(
        original, moderator, public_title="เปิดกี่โมง", public_body="เปิดกี่โมง", answer="08.30 น."
    )
    spam.refresh_from_db(), duplicate.refresh_from_db()
    assert spam.status == Question.Status.REJECTED
    assert duplicate.status == Question.Status.MERGED and duplicate.merged_into == original
    listing = Client().get("/questions/").content.decode()
    assert "เปิดกี่โมง" in listing and "ขายยา" not in listing
    assert Client().get(f"/questions/{duplicate.pk}/")["Location"] == f"/questions/{original.pk}/"


def test_r9_public_can_search_answered_questions(client, home_page, moderator):
    for title, answer in [("ฉีดวัคซีนไข้หวัดใหญ่", "ฉีดได้ที่ รพ.สต."), ("ขอใบรับรองแพทย์", "ยื่นออนไลน์")]:
        question = services.submit_question(title=title, body=title)
        services.publish_answer(
            question, moderator, public_title=title, public_body=title, answer=answer
        )
    html = client.get("/questions/", {"q": "วัคซีน"}).content.decode()
    assert "ฉีดวัคซีนไข้หวัดใหญ่" in html and "ขอใบรับรองแพทย์" not in html
    # R12 (issue 19): the board names its source and the period its answers cover.
    assert "คำถามจากประชาชนและคำตอบของหน่วยงาน" in html and "ช่วงเวลาของข้อมูล" in html
    assert "ปรับปรุงล่าสุด" in html


def test_r9_overdue_questions_are_shown_to_staff_and_in_the_daily_check(staff_client, home_page):
    with time_machine.travel(dt.datetime(2026, 11, 2, 3, 0, tzinfo=dt.UTC)):
        late = services.submit_question(title="คำถามที่ค้างนาน", body="รอคำตอบ")
    with time_machine.travel(dt.datetime(2026, 11, 30, 3, 0, tzinfo=dt.UTC)):
        services.submit_question(title="คำถามใหม่", body="เพิ่งถาม")
        html = staff_client.get("/admin/feedback/questions/").content.decode()
        assert "เกินกำหนด" in html
        from prongsai.core.dailycheck import registered_checks

        check = next(c for c in registered_checks() if c.key == "qa-overdue")
        findings = check.run(today=dt.date(2026, 11, 30))
    assert [finding.detail for finding in findings] == [late.title]


def test_r9_queue_is_for_moderators_only(client, db):
    from django.contrib.auth.models import Permission

    from prongsai.accounts.tests.factories import UserFactory

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/feedback/questions/")
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    assert response.status_code in (302, 403)
    assert "/admin/feedback/" not in response.get("Location", "")


def test_r9_expired_emails_are_forgotten(db, moderator):
    with time_machine.travel(dt.datetime(2026, 1, 5, 3, 0, tzinfo=dt.UTC)):
        old = services.submit_question(
            title="เก่า", body="เก่า", asker_email="a@example.com", consent=True
        )
        services.reject_question(old, moderator, reason="ซ้ำ")
    pending = services.submit_question(
        title="ใหม่", body="ใหม่", asker_email="b@example.com", consent=True
    )
    assert services.forget_expired_emails(retention_days=90) == 1
    old.refresh_from_db(), pending.refresh_from_db()
    assert old.asker_email == "" and pending.asker_email == "b@example.com"


def test_r9_daily_job_erases_expired_emails(db, moderator, settings):
    from prongsai.feedback.tasks import erase_expired_asker_emails

    settings.PRONGSAI_QA_EMAIL_RETENTION_DAYS = 30
    with time_machine.travel(dt.datetime(2026, 1, 5, 3, 0, tzinfo=dt.UTC)):
        old = services.submit_question(
            title="เก่า", body="เก่า", asker_email="a@example.com", consent=True
        )
        services.reject_question(old, moderator, reason="ซ้ำ")
    assert erase_expired_asker_emails.enqueue().return_value == 1
    old.refresh_from_db()
    assert old.asker_email == ""
