"""R32/R33: the daily check — registered checks, sign-off rules, history, supervisor, webmasters."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.core.dailycheck import Finding, register
from prongsai.monitoring import daily, services
from prongsai.monitoring import tasks as jobs
from prongsai.monitoring.models import DailyCheckSignOff, JobRun
from prongsai.policy.testing import set_policy

from .conftest import at

pytestmark = pytest.mark.django_db


def webmaster(username="wm1"):
    return give_role(UserFactory(username=username), Role.WEBMASTER)


@pytest.fixture(autouse=True)
def check_from_another_app():
    """A check another app registers, e.g. overdue questions; removed after the test."""
    from prongsai.core import dailycheck

    @register("test-overdue-questions", title="คำถามค้างตอบ (ทดสอบ)")
    def overdue_questions(*, today):
        return [Finding(summary="คำถามค้างตอบ 1 รายการ", severity="warning")]

    yield
    dailycheck._REGISTRY.pop("test-overdue-questions", None)


def test_r32_daily_check_runs_every_registered_check(home_page):
    run = daily.run_daily_check()
    keys = [s["key"] for s in run.sections]
    assert "test-overdue-questions" in keys
    assert {"monitoring-internal-links", "monitoring-missed-runs", "monitoring-webmasters"} <= set(
        keys
    )
    assert run.problem_count >= 1


def test_r32_sign_off_without_note_refused_in_thai_when_problems_found(home_page):
    user = webmaster()
    run = daily.run_daily_check()
    assert run.problem_count > 0
    with pytest.raises(ValidationError) as excinfo:
        services.sign_off(user, "  ")
    assert "กรุณาบันทึกข้อผิดพลาดที่พบและการแก้ไข" in str(excinfo.value)
    assert not DailyCheckSignOff.objects.exists()
    signoff = services.sign_off(user, "แก้ลิงก์เสีย 1 รายการ ที่เหลือรอเจ้าของข้อมูล")
    assert signoff.problems_found == run.problem_count
    with pytest.raises(ValidationError):
        services.sign_off(webmaster("wm2"), "ซ้ำ")


def test_r32_only_webmasters_sign_off(home_page):
    from django.core.exceptions import PermissionDenied

    daily.run_daily_check()
    with pytest.raises(PermissionDenied):
        services.sign_off(UserFactory(username="someone"), "บันทึก")


def test_r32_unsigned_days_are_listed_for_the_supervisor(home_page):
    user = webmaster()
    with time_machine.travel(at(2026, 11, 2, 8, 0), tick=False):
        daily.run_daily_check()
        services.sign_off(user, "ตรวจแล้ว")
    with time_machine.travel(at(2026, 11, 5, 8, 0), tick=False):
        unsigned = daily.unsigned_days(days=4)
    # 1 November 2026 is a Sunday: not a working day, never "unsigned".
    assert [d.day for d in unsigned] == [4, 3]


def test_r32_unsigned_days_of_any_month_count_working_days_only(client, home_page, superuser):
    """Issue 11 item 7: only the last 14 calendar days were listed, weekends and holidays too."""
    user = webmaster()
    with time_machine.travel(at(2026, 10, 6, 8, 0), tick=False):
        daily.run_daily_check()
        services.sign_off(user, "ตรวจแล้ว")
    with time_machine.travel(at(2026, 12, 3, 9, 0), tick=False):
        october = daily.unsigned_days(month=dt.date(2026, 10, 1))
        assert dt.date(2026, 10, 6) not in october  # signed
        assert dt.date(2026, 10, 13) not in october  # วันนวมินทรมหาราช, a public holiday
        assert dt.date(2026, 10, 23) not in october  # วันปิยมหาราช
        assert all(day.weekday() < 5 for day in october)
        assert october[0] == dt.date(2026, 10, 30) and october[-1] == dt.date(2026, 10, 1)
        assert len(october) == 22 - 1 - 2  # 22 weekdays, one signed, two holidays
        client.force_login(superuser)
        body = client.get("/admin/monitoring/daily-check/", {"month": "10/2569"}).content.decode()
        assert "เดือน 10/2569" in body and "1 ต.ค. 2569" in body
        refused = client.get("/admin/monitoring/daily-check/", {"month": "10/2026"})
        assert "กรุณาระบุเดือนในรูปแบบ ดด/ปปปป (ปี พ.ศ.)" in refused.content.decode()


def test_r32_rerun_gives_the_same_findings_and_sign_off_counts_them_all(home_page):
    """Issue 11 item 7: "ตรวจอีกครั้ง" showed "(0) ไม่พบปัญหา" after a run with findings."""
    user = webmaster()
    with time_machine.travel(at(2026, 11, 2, 6, 0), tick=False):
        scheduled = daily.run_daily_check()
    with time_machine.travel(at(2026, 11, 2, 9, 0), tick=False):
        rerun = daily.run_daily_check()
        assert rerun.problem_count == scheduled.problem_count > 0

        def listed(run):  # what each finding is about; the scheduled run marks gaps as new
            return [[f["detail"] for f in s["findings"]] for s in run.sections]

        assert listed(rerun) == listed(scheduled)
        signoff = services.sign_off(user, "ตรวจแล้ว แก้ไขตามรายการ")
        assert signoff.run == rerun and signoff.problems_found == scheduled.problem_count


def test_r33_deactivating_a_webmaster_warns_at_once_when_too_few_remain(
    home_page, settings, django_capture_on_commit_callbacks
):
    set_policy(min_webmasters=2)
    set_policy(supervisors=[UserFactory(username="supervisor", email="supervisor@example.go.th")])
    first, second = webmaster("wm1"), webmaster("wm2")
    run = daily.run_daily_check()
    assert _section(run, "monitoring-webmasters")["findings"] == []
    with django_capture_on_commit_callbacks(execute=True):
        second.is_active = False
        second.save()
    assert len(mail.outbox) == 1
    assert "supervisor@example.go.th" in mail.outbox[0].to and first.email in mail.outbox[0].to
    assert "เหลือผู้ดูแลเว็บไซต์ 1 คน น้อยกว่าขั้นต่ำ 2 คน" in mail.outbox[0].body
    run.refresh_from_db()
    assert _section(run, "monitoring-webmasters")["findings"]  # the page shows it at once
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(action="prongsai.dailycheck.webmaster_shortage").exists()

    # Taking the role away warns too; a sign-in (last_login) does not.
    with django_capture_on_commit_callbacks(execute=True):
        first.save(update_fields=["last_login"])
        first.groups.remove(Group.objects.get(name=Role.WEBMASTER.value))
    assert len(mail.outbox) == 2


def test_r32_scheduled_daily_check_emails_problems_to_the_supervisor(
    home_page, settings, django_capture_on_commit_callbacks
):
    set_policy(supervisors=[UserFactory(username="supervisor", email="supervisor@example.go.th")])
    with django_capture_on_commit_callbacks(execute=True):
        jobs.daily_check.enqueue()
    assert JobRun.objects.get(job="daily_check").outcome == "success"
    assert mail.outbox[0].to == ["supervisor@example.go.th"]
    assert "พบปัญหา" in mail.outbox[0].subject
    assert "คำถามค้างตอบ 1 รายการ" in mail.outbox[0].body


def test_r33_warns_when_fewer_than_the_minimum_webmasters(home_page, settings):
    set_policy(min_webmasters=2)
    webmaster("wm1")
    section = _section(daily.run_daily_check(), "monitoring-webmasters")
    assert "น้อยกว่าขั้นต่ำ 2 คน" in section["findings"][0]["summary"]
    inactive = webmaster("wm-gone")
    inactive.is_active = False
    inactive.save()
    assert _section(daily.run_daily_check(), "monitoring-webmasters")["findings"]
    webmaster("wm2")
    assert _section(daily.run_daily_check(), "monitoring-webmasters")["findings"] == []


def _section(run, key):
    return next(s for s in run.sections if s["key"] == key)


def test_r32_r33_dashboard_panel_and_daily_check_page_show_warnings(client, home_page, superuser):
    client.force_login(superuser)
    dashboard = client.get("/admin/").content.decode()
    assert "งานตามกำหนดเวลาที่ไม่ได้ทำงาน" in dashboard  # nothing has run yet
    assert "น้อยกว่าขั้นต่ำ" in dashboard
    client.post("/admin/monitoring/daily-check/rerun/")
    page = client.get("/admin/monitoring/daily-check/")
    assert page.status_code == 200
    assert "พบปัญหา" in page.content.decode()
    refused = client.post("/admin/monitoring/daily-check/", {"sign_off": "1", "note": ""})
    assert "กรุณาบันทึกข้อผิดพลาดที่พบและการแก้ไข" in refused.content.decode()
    client.post("/admin/monitoring/daily-check/", {"sign_off": "1", "note": "ตรวจแล้ว"})
    assert DailyCheckSignOff.objects.get().note == "ตรวจแล้ว"


def test_r32_daily_check_page_is_closed_to_other_staff(client, home_page):
    client.force_login(UserFactory(username="clerk"))
    assert client.get("/admin/monitoring/daily-check/").status_code in (302, 403)


def test_r30_r32_an_expired_but_reachable_item_says_when_it_ended_in_the_buddhist_era(make_news):
    """The finding printed the raw datetime ("2026-12-13 23:59:00+07:00"), seen in the Bang Mak
    walk's screenshot; staff dates are in the Buddhist era."""
    from prongsai.core.thaidate import thai_datetime
    from prongsai.monitoring.dailychecks import expired_reachable

    with time_machine.travel(at(2026, 12, 1, 9, 0), tick=False):
        page = make_news("ประกาศรับสมัครพนักงานจ้าง")
        page.expire_at = at(2026, 12, 13, 23, 59)
        page.save_revision().publish()
    with time_machine.travel(at(2026, 12, 14, 9, 0), tick=False):
        (finding,) = expired_reachable(today=dt.date(2026, 12, 14))
    assert finding.summary == "ประกาศรับสมัครพนักงานจ้าง"
    assert thai_datetime(at(2026, 12, 13, 23, 59)) in finding.detail
    assert "2569" in finding.detail and "2026" not in finding.detail


def test_r31_r32_an_overdue_review_says_its_due_date_in_the_buddhist_era(make_news):
    """It printed the ISO date ("2026-12-01")."""
    from prongsai.core.thaidate import thai_date
    from prongsai.monitoring.dailychecks import reviews_overdue
    from prongsai.monitoring.models import ReviewSchedule

    set_policy(review_interval_days={"default": 30, "news": 30})
    with time_machine.travel(at(2026, 11, 1, 8, 0), tick=False):
        make_news("ข่าวเก่าที่ต้องทบทวน")
        services.sync_schedules()
    due = ReviewSchedule.objects.get().due_at
    with time_machine.travel(at(2026, 12, 20, 8, 0), tick=False):
        (finding,) = reviews_overdue(today=dt.date(2026, 12, 20))
    assert thai_date(due) in finding.detail and "2569" in finding.detail
    assert "2026" not in finding.detail
