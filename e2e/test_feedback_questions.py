"""R9 in the browser: ask, moderate and answer, publish, and the asker is e-mailed."""

from django.core import mail
from django.test import Client

from e2e.conftest import screenshot
from e2e.test_feedback_survey import console_errors, wagtail_baseline  # noqa: F401
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.feedback.models import Question


def staff_context(browser, live_server, width):
    """A browser context signed in as a Q&A moderator (session made by Django's test client)."""
    user = UserFactory(username="e2e-moderator")
    give_role(user, Role.MODERATOR)
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="th-TH")
    host = live_server.url.removeprefix("http://").split(":")[0]
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "domain": host,
                "path": "/",
            }
        ]
    )
    return context


def test_r9_visitor_asks_staff_answer_public_sees_it_and_asker_is_emailed(
    demo_site, open_page, browser
):
    mail.outbox.clear()
    visitor = open_page(f"{demo_site.url}/questions/ask/", 360)
    visitor.get_by_label("หัวข้อคำถาม").fill("ตรวจสุขภาพก่อนเข้าทำงานได้ที่ไหน")
    visitor.get_by_label("รายละเอียดคำถาม").fill(
        "ดิฉันชื่อมาลี โทร 0812345678 ต้องการตรวจสุขภาพ ดูประกาศที่ https://example.com/jobs"
    )
    visitor.get_by_label("อีเมลสำหรับแจ้งเมื่อมีคำตอบ (ไม่บังคับ)").fill("malee@example.com")
    screenshot(visitor, "feedback-ask-360")
    visitor.get_by_role("button", name="ส่งคำถาม").click()
    # E-mail without consent is refused in Thai, nothing stored.
    assert visitor.get_by_text("กรุณาให้ความยินยอม").first.is_visible()
    assert not Question.objects.filter(title__startswith="ตรวจสุขภาพ").exists()
    visitor.get_by_label("ข้าพเจ้ายินยอมให้หน่วยงานใช้อีเมลนี้").check()
    visitor.get_by_role("button", name="ส่งคำถาม").click()
    visitor.wait_for_url("**/questions/*/track/*/")
    question = Question.objects.get(title="ตรวจสุขภาพก่อนเข้าทำงานได้ที่ไหน")
    assert question.status == Question.Status.PENDING

    context = staff_context(browser, demo_site, 1440)
    staff = context.new_page()
    staff.goto(f"{demo_site.url}/admin/feedback/questions/")
    assert staff.get_by_text("เกินกำหนด").first.is_visible()  # the demo's overdue question
    screenshot(staff, "feedback-admin-queue-1440")
    staff.get_by_role("link", name=question.title).click()
    # Links in an unpublished question are not clickable.
    assert staff.get_by_test_id("original-body").locator("a").count() == 0
    staff.get_by_label("รายละเอียดที่เผยแพร่").fill("ต้องการตรวจสุขภาพ ดูประกาศที่ https://example.com/jobs")
    staff.get_by_label("คำตอบ").fill("ตรวจได้ที่โรงพยาบาลทุกแห่งในจังหวัด ในวันและเวลาราชการ")
    screenshot(staff, "feedback-admin-moderate-1440")
    staff.get_by_role("button", name="ตอบและเผยแพร่").click()
    staff.wait_for_url("**/admin/feedback/questions/")
    context.close()

    for width in (360, 1440):
        public = open_page(f"{demo_site.url}/questions/?q=ตรวจสุขภาพ", width)
        public.get_by_role("link", name=question.title).click()
        assert public.get_by_text("ตรวจได้ที่โรงพยาบาลทุกแห่ง").is_visible()
        assert public.get_by_text("0812345678").count() == 0
        assert public.locator('a[href="https://example.com/jobs"]').count() == 1
        screenshot(public, f"feedback-question-answered-{width}")
        assert console_errors(public) == []

    # First the reference number and tracking link, then the answer.
    assert [message.to for message in mail.outbox] == [["malee@example.com"]] * 2
    assert "/track/" in mail.outbox[0].body
    assert "ตรวจได้ที่โรงพยาบาลทุกแห่ง" in mail.outbox[1].body
