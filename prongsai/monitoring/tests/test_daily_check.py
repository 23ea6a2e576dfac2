"""R32/R33: the daily check — registered checks, sign-off rules, history, supervisor, webmasters."""

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError

from prongsai.accounts.roles import Role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.core.dailycheck import Finding, register
from prongsai.monitoring import daily, jobs
from prongsai.monitoring.models import DailyCheckSignOff, JobRun

from .conftest import at

pytestmark = pytest.mark.django_db


def webmaster(username="wm1"):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get_or_create(name=Role.WEBMASTER.value)[0])
    return user


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
        daily.sign_off(user, "  ")
    assert "กรุณาบันทึกข้อผิดพลาดที่พบและการแก้ไข" in str(excinfo.value)
    assert not DailyCheckSignOff.objects.exists()
    signoff = daily.sign_off(user, "แก้ลิงก์เสีย 1 รายการ ที่เหลือรอเจ้าของข้อมูล")
    assert signoff.problems_found == run.problem_count
    with pytest.raises(ValidationError):
        daily.sign_off(webmaster("wm2"), "ซ้ำ")


def test_r32_only_webmasters_sign_off(home_page):
    from django.core.exceptions import PermissionDenied

    daily.run_daily_check()
    with pytest.raises(PermissionDenied):
        daily.sign_off(UserFactory(username="someone"), "บันทึก")


def test_r32_unsigned_days_are_listed_for_the_supervisor(home_page):
    user = webmaster()
    with time_machine.travel(at(2026, 11, 2, 8, 0), tick=False):
        daily.run_daily_check()
        daily.sign_off(user, "ตรวจแล้ว")
    with time_machine.travel(at(2026, 11, 5, 8, 0), tick=False):
        unsigned = daily.unsigned_days(days=4)
    assert [d.day for d in unsigned] == [4, 3, 1]


def test_r32_scheduled_daily_check_emails_problems_to_the_supervisor(
    home_page, settings, django_capture_on_commit_callbacks
):
    settings.PRONGSAI_SUPERVISOR_EMAILS = ["supervisor@example.go.th"]
    with django_capture_on_commit_callbacks(execute=True):
        jobs.daily_check.enqueue()
    assert JobRun.objects.get(job="daily_check").outcome == "success"
    assert mail.outbox[0].to == ["supervisor@example.go.th"]
    assert "พบปัญหา" in mail.outbox[0].subject
    assert "คำถามค้างตอบ 1 รายการ" in mail.outbox[0].body


def test_r33_warns_when_fewer_than_the_minimum_webmasters(home_page, settings):
    settings.PRONGSAI_MIN_WEBMASTERS = 2
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
