"""R31: periodic review — due, reminders, escalation to the unit head, confirmation resets."""

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from prongsai.accounts.tests.factories import UserFactory
from prongsai.monitoring import reviews, selectors, services
from prongsai.monitoring import tasks as jobs
from prongsai.monitoring.models import ReviewAction, ReviewSchedule
from prongsai.policy.testing import set_policy

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(unit):
    return UserFactory(username="owner", unit=unit, email="owner@example.go.th")


def run_reminders(capture):
    with capture(execute=True):
        jobs.review_reminders.enqueue()


def test_r31_interval_defaults_by_category_and_can_be_overridden(make_news, settings, superuser):
    set_policy(review_interval_days={"default": 365, "news": 30})
    with time_machine.travel(at(2026, 11, 1, 8, 0), tick=False):
        page = make_news()
        schedule = services.schedule_for(page)
        assert schedule.effective_interval_days() == 30
        assert schedule.due_at == at(2026, 12, 1, 8, 0)
        services.set_interval(schedule, 90, user=superuser)
        assert schedule.due_at == at(2027, 1, 30, 8, 0)


def test_r31_interval_change_needs_edit_permission_and_a_get_writes_nothing(
    client, make_news, superuser
):
    """Issue 13: the permission check lived in the view only; the settings GET created rows."""
    from django.core.exceptions import PermissionDenied

    page = make_news()
    stranger = UserFactory(username="stranger", is_staff=True)
    with pytest.raises(PermissionDenied):
        services.set_interval(selectors.schedule_preview(page), 30, user=stranger)
    client.force_login(superuser)
    assert client.get(f"/admin/monitoring/reviews/page/{page.pk}/").status_code == 200
    assert not ReviewSchedule.objects.filter(page=page).exists()
    client.post(f"/admin/monitoring/reviews/page/{page.pk}/", {"interval_days": "45"})
    assert ReviewSchedule.objects.get(page=page).interval_days == 45


def test_r31_zero_interval_is_refused_in_thai(make_news, superuser):
    page = make_news()
    schedule = services.schedule_for(page)
    due = schedule.due_at
    with pytest.raises(ValidationError) as excinfo:
        services.set_interval(schedule, 0, user=superuser)
    assert "รอบการทบทวนต้องมากกว่า 0 วัน" in str(excinfo.value)
    schedule.refresh_from_db()
    assert schedule.interval_days is None and schedule.due_at == due


def test_r31_review_comes_due_reminds_escalates_and_confirmation_resets_the_clock(
    make_news, owner, unit, settings, django_capture_on_commit_callbacks
):
    set_policy(review_interval_days={"default": 365, "news": 30})
    set_policy(review_reminder_every_days=7)
    set_policy(review_escalate_after_days=14)
    head = UserFactory(username="head", unit=unit, email="head@example.go.th")
    if hasattr(unit, "head"):
        unit.head = head
        unit.save()
    with time_machine.travel(at(2026, 11, 1, 8, 0), tick=False):
        page = make_news("คู่มือการขออนุญาต")
        run_reminders(django_capture_on_commit_callbacks)  # creates the schedule; nothing due
    assert mail.outbox == []
    schedule = ReviewSchedule.objects.get(page=page)
    assert schedule.due_at == at(2026, 12, 1, 8, 0)

    with time_machine.travel(at(2026, 12, 1, 9, 0), tick=False):
        run_reminders(django_capture_on_commit_callbacks)
        assert reviews.reviews_for_user(owner) == [schedule]
    assert len(mail.outbox) == 1 and owner.email in mail.outbox[0].to

    with time_machine.travel(at(2026, 12, 4, 9, 0), tick=False):  # not yet a week later
        run_reminders(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1

    with time_machine.travel(at(2026, 12, 8, 9, 0), tick=False):  # reminder repeats
        run_reminders(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2 and "ครั้งที่ 2" in mail.outbox[1].body

    with time_machine.travel(at(2026, 12, 15, 9, 0), tick=False):  # 14 days overdue: escalate
        run_reminders(django_capture_on_commit_callbacks)
    schedule.refresh_from_db()
    assert schedule.escalated_at == at(2026, 12, 15, 9, 0)
    escalations = [m for m in mail.outbox if m.subject.startswith("รายการค้างทบทวนเกินกำหนด")]
    if hasattr(unit, "head"):
        assert escalations and escalations[0].to == [head.email]

    with time_machine.travel(at(2026, 12, 16, 10, 0), tick=False):
        services.confirm_review(schedule, owner, "ตรวจสอบแล้ว ข้อมูลยังถูกต้อง")
        schedule.refresh_from_db()
        assert schedule.due_at == at(2027, 1, 15, 10, 0)
        assert schedule.reminders_sent == 0 and schedule.escalated_at is None
        assert reviews.reviews_for_user(owner) == []
    action = ReviewAction.objects.get()
    assert action.kind == "confirmed" and action.user == owner


def test_r31_confirmation_without_a_note_is_refused(make_news, owner):
    schedule = services.schedule_for(make_news())
    with pytest.raises(ValidationError) as excinfo:
        services.confirm_review(schedule, owner, "   ")
    assert "กรุณาบันทึกผลการทบทวน" in str(excinfo.value)
    assert not ReviewAction.objects.exists()


def test_r31_revise_opens_a_request_and_records_the_action(make_news, owner, unit):
    from prongsai.accounts.roles import Role
    from prongsai.publishing.models import ApprovalRoute, InformationClass, RouteKind, RouteStep

    route = ApprovalRoute.objects.create(name="ข้อมูลทั่วไป", kind=RouteKind.COMMUNICATIONS)
    RouteStep.objects.create(
        route=route, sort_order=0, name="หัวหน้าเห็นชอบ", approver_role=Role.APPROVER.value
    )
    InformationClass.objects.create(code="general", name="ข่าวทั่วไป", route=route)
    page = make_news()
    schedule = services.schedule_for(page)
    with time_machine.travel(at(2026, 12, 16, 10, 0), tick=False):
        services.request_revision(schedule, owner, "อัตราค่าธรรมเนียมเปลี่ยนแล้ว")
    assert ReviewAction.objects.get().kind == "revise"
    assert _request_for(page)  # through the normal approval route
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(
        page=page, action="prongsai.review.revise_requested", user=owner
    ).exists()


def _request_for(page) -> bool:
    from prongsai.publishing.models import PublishRequest

    return PublishRequest.objects.filter(target_page=page, is_revision=True).exists()


def test_r31_stranger_cannot_confirm_someone_elses_review(make_news):
    from django.core.exceptions import PermissionDenied

    schedule = services.schedule_for(make_news())
    stranger = UserFactory(username="stranger")
    with pytest.raises(PermissionDenied):
        services.confirm_review(schedule, stranger, "ok")


def test_r31_stale_content_report_lists_overdue_reviews_by_unit(
    client, make_news, superuser, settings
):
    set_policy(review_interval_days={"default": 30, "news": 30})
    with time_machine.travel(at(2026, 11, 1, 8, 0), tick=False):
        overdue = make_news("ข่าวเก่าที่ต้องทบทวน")
        services.sync_schedules()
    with time_machine.travel(at(2026, 12, 20, 8, 0), tick=False):
        fresh = make_news("ข่าวใหม่")
        services.sync_schedules()
        client.force_login(superuser)
        response = client.get("/admin/monitoring/reports/stale-content/")
    assert response.status_code == 200
    body = response.content.decode()
    assert overdue.title in body and fresh.title not in body
    assert "กลุ่มงานทดสอบ" in body


def test_r31_schedules_only_for_published_content_pages(home_page, make_news):
    make_news()
    services.sync_schedules()
    assert ReviewSchedule.objects.count() == 1


def test_r31_report_says_who_was_reminded_and_that_no_head_was_told_without_an_address(
    client, make_news, owner, unit, superuser, settings, django_capture_on_commit_callbacks
):
    """Issue 11 item 8: the report said a head was told although no e-mail was sent."""
    from wagtail.models import Site

    set_policy(review_interval_days={"default": 30, "news": 30})
    set_policy(review_escalate_after_days=14)
    head = UserFactory(username="head-no-mail", unit=unit, email="")
    unit.head = head
    unit.save()
    with time_machine.travel(at(2026, 10, 1, 8, 0), tick=False):
        page = make_news("ระเบียบการลาเก่า")
        run_reminders(django_capture_on_commit_callbacks)
    with time_machine.travel(at(2026, 11, 20, 9, 0), tick=False):
        run_reminders(django_capture_on_commit_callbacks)
        run_reminders(django_capture_on_commit_callbacks)  # next day's run: no duplicate record
    schedule = ReviewSchedule.objects.get(page=page)
    assert schedule.escalated_at is None  # nobody was told
    assert [m.to for m in mail.outbox] == [[owner.email]]
    with time_machine.travel(at(2026, 11, 21, 9, 0), tick=False):
        client.force_login(superuser)
        body = client.get("/admin/monitoring/reports/stale-content/").content.decode()
    assert f"ส่งถึง {owner.email} เมื่อ 20 พฤศจิกายน 2569 09:00 น." in body
    assert "ไม่ได้ส่ง: หัวหน้าหน่วยงาน" in body and "ไม่มีที่อยู่อีเมล" in body
    assert schedule.notices.filter(kind="escalation").count() == 1
    assert Site.objects.get(is_default_site=True)  # the link below uses its root URL


def test_r31_review_reminder_links_to_the_page_on_the_sites_root_url(
    make_news, owner, settings, django_capture_on_commit_callbacks
):
    """Issue 11 item 6: the review reminder had no link."""
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="www.example.go.th", port=443)
    set_policy(review_interval_days={"default": 30, "news": 30})
    with time_machine.travel(at(2026, 10, 1, 8, 0), tick=False):
        page = make_news("ข่าวที่ต้องทบทวน")
        run_reminders(django_capture_on_commit_callbacks)
    with time_machine.travel(at(2026, 11, 2, 9, 0), tick=False):
        run_reminders(django_capture_on_commit_callbacks)
    body = mail.outbox[0].body
    assert f"https://www.example.go.th/admin/pages/{page.pk}/edit/" in body
    assert "127.0.0.1" not in body and "localhost" not in body
