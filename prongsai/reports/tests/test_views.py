"""R35, R37: the admin screens: archive, draft, decisions, downloads, the executives' view."""

import pytest
import time_machine
from django.urls import reverse

from prongsai.reports import services
from prongsai.reports.models import Report, ReportStatus
from prongsai.reports.periods import Period

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(site):
    with time_machine.travel(at(2026, 4, 1, 7, 10), tick=False):
        return services.open_report(site=site, period=Period(2026, "r6"))


def test_r35_staff_outside_the_report_roles_are_refused(client, people, draft):
    client.force_login(people["outsider"])
    for url in (
        reverse("reports_admin:list"),
        reverse("reports_admin:detail", args=[draft.pk]),
        reverse("reports_admin:pdf", args=[draft.pk]),
        reverse("reports_admin:executive"),
    ):
        response = client.get(url)
        # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home"), url


def test_r35_webmaster_writes_and_submits_through_the_screen(client, people, draft):
    client.force_login(people["webmaster"])
    page = client.get(reverse("reports_admin:detail", args=[draft.pk])).content.decode()
    assert 'id="written-form"' in page and "รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2569" in page
    response = client.post(
        reverse("reports_admin:action", args=[draft.pk]),
        {
            "action": "submit",
            "results": "ผลงานดี",
            "problems": "",
            "obstacles": "",
            "suggestions": "",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == ReportStatus.SUBMITTED and draft.results == "ผลงานดี"


def test_r35_refusal_shows_a_thai_message_and_changes_nothing(client, people, draft):
    client.force_login(people["webmaster"])
    response = client.post(
        reverse("reports_admin:action", args=[draft.pk]),
        {"action": "submit", "results": " "},
        follow=True,
    )
    assert "กรุณาเขียนผลการดำเนินงานก่อนเสนอรายงาน" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT


def test_r35_opening_a_running_period_from_the_screen_is_refused(client, people, site):
    client.force_login(people["webmaster"])
    with time_machine.travel(at(2026, 12, 3, 9), tick=False):
        response = client.post(reverse("reports_admin:open"), {"period": "2027-r6"}, follow=True)
    assert "กรุณาเลือกรอบรายงานที่สิ้นสุดแล้ว" in response.content.decode()
    assert not Report.objects.exists()


def test_r35_supervisor_returns_with_a_reason_then_approves(client, people, draft):
    services.save_written(people["webmaster"], draft, data={"results": "ผลงาน"})
    services.submit_report(people["webmaster"], draft)
    client.force_login(people["supervisor"])
    url = reverse("reports_admin:action", args=[draft.pk])
    client.post(url, {"action": "return", "reason": "เพิ่มตัวเลขผู้เข้าชม"})
    draft.refresh_from_db()
    assert draft.status == ReportStatus.RETURNED
    services.submit_report(people["webmaster"], draft)
    client.post(url, {"action": "approve"})
    draft.refresh_from_db()
    assert draft.status == ReportStatus.APPROVED
    client.force_login(people["webmaster"])
    detail = client.get(reverse("reports_admin:detail", args=[draft.pk])).content.decode()
    assert "ส่งรายงานผลการดำเนินงานกลับให้แก้ไข" in detail  # the history, by action name
    assert "เพิ่มตัวเลขผู้เข้าชม" in detail
    archive = client.get(reverse("reports_admin:list")).content.decode()
    assert "คลังรายงานที่อนุมัติแล้ว" in archive
    assert reverse("reports_admin:pdf", args=[draft.pk]) in archive
    pdf = client.get(reverse("reports_admin:pdf", args=[draft.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    xlsx = client.get(reverse("reports_admin:xlsx", args=[draft.pk]))
    assert xlsx.content[:2] == b"PK"


def test_r37_executive_dashboard_shows_latest_report_and_live_period(client, people, draft):
    services.save_written(people["webmaster"], draft, data={"results": "ผลการดำเนินงานรอบแรก"})
    services.submit_report(people["webmaster"], draft)
    services.approve_report(people["supervisor"], draft)
    client.force_login(people["executive"])
    with time_machine.travel(at(2026, 12, 3, 9), tick=False):
        page = client.get(reverse("reports_admin:executive")).content.decode()
    assert "รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2569" in page
    assert "ผลการดำเนินงานรอบแรก" in page
    assert "ตัวเลขล่าสุดของรอบ 6 เดือน ปีงบประมาณ พ.ศ. 2570" in page
    # Read-only: no form that changes anything.
    assert 'name="action"' not in page
