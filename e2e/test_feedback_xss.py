"""R9, R10: no stored input ever runs as script, on the public site or in the admin."""

from django.test import Client

from e2e.test_feedback_questions import staff_context
from e2e.test_feedback_survey import wagtail_baseline  # noqa: F401
from prongsai.feedback.models import Question, SurveyAnswer, SurveyQuestion, SurveyResponse

PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    '"><img src=x onerror="window.__xss=1;alert(1)">',
    "<svg/onload=window.__xss=1>",
    "javascript:window.__xss=1",
    "<a href=javascript:window.__xss=1>คลิก</a>",
    "'';!--\"<XSS>=&{()}",
    "<iframe srcdoc='<script>parent.__xss=1</script>'></iframe>",
    "{{ 7*7 }} ${alert(1)}",
]


def _assert_nothing_ran(page):
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("iframe, svg[onload], img[onerror]").count() == 0


def test_r9_xss_payloads_are_refused_by_the_form(demo_site, open_page, settings):
    settings.PRONGSAI_FEEDBACK_RATE_LIMIT = 100
    settings.PRONGSAI_FEEDBACK_CHALLENGE_AFTER = 100
    page = open_page(f"{demo_site.url}/questions/ask/", 1440)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for payload in PAYLOADS[:5]:
        page.get_by_label("หัวข้อคำถาม").fill(payload)
        page.get_by_label("รายละเอียดคำถาม").fill(payload)
        page.get_by_role("button", name="ส่งคำถาม").click()
        page.wait_for_load_state()
        assert page.get_by_text("ไม่อนุญาตให้ใส่โค้ด HTML").first.is_visible()
        _assert_nothing_ran(page)
    assert dialogs == []
    assert not Question.objects.filter(title__in=PAYLOADS).exists()


def test_r9_stored_payloads_render_as_text_on_public_site_and_admin(demo_site, open_page, browser):
    """Data that bypassed the form (e.g. imported) is still only ever shown escaped."""
    from django.utils import timezone

    questions = [
        Question.objects.create(
            title=payload[:200],
            body=payload,
            asker_name=payload[:100],
            public_title=payload[:200],
            public_body=payload,
            answer=payload,
            status=Question.Status.PUBLISHED if n % 2 else Question.Status.PENDING,
            due_date=timezone.localdate(),
            published_at=timezone.now(),
            answered_at=timezone.now(),
        )
        for n, payload in enumerate(PAYLOADS)
    ]
    response = SurveyResponse.objects.create(comment=PAYLOADS[1])
    SurveyAnswer.objects.create(response=response, question=SurveyQuestion.objects.first(), score=5)

    dialogs = []
    public_urls = ["/questions/", "/statistics/", "/survey/"] + [
        f"/questions/{q.pk}/" for q in questions if q.status == Question.Status.PUBLISHED
    ]
    for url in public_urls:
        page = open_page(f"{demo_site.url}{url}", 1440)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.wait_for_load_state("load")
        _assert_nothing_ran(page)
    published = next(q for q in questions if q.status == Question.Status.PUBLISHED)
    assert Client().get(f"/questions/{published.pk}/").status_code == 200

    context = staff_context(browser, demo_site, 1440)
    admin = context.new_page()
    admin.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in ["/admin/feedback/questions/?status=", "/admin/feedback/survey/"] + [
        f"/admin/feedback/questions/{q.pk}/" for q in questions
    ]:
        admin.goto(f"{demo_site.url}{url}")
        _assert_nothing_ran(admin)
    context.close()
    assert dialogs == []
