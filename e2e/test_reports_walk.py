"""Browser walk of a periodic report (R35, R37): the period ends and the draft appears, the
webmaster writes it, the supervisor returns it with a reason, it is resubmitted and approved,
and the executive opens it on a 360 px screen. The PDF's pages are rendered to PNG."""

import datetime as dt
import subprocess

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import Site

from e2e.conftest import ARTIFACTS, WIDTHS, axe_violations, point_site_at, screenshot
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UnitFactory, UserFactory
from prongsai.reports.jobs import open_due_reports
from prongsai.reports.models import Report, ReportingSettings, ReportStatus
from prongsai.sitepages.tests.factories import build_site

WORD_TEXT = "เผยแพร่ข่าวครบทุกหมวด\u00a0\u200bตามแผน " + "ก" * 300


@pytest.fixture
def world(transactional_db, live_server, settings):
    settings.PRONGSAI_REQUIRE_2FA = False
    build_site()
    point_site_at(live_server)
    unit = UnitFactory(code="it", name="ศูนย์เทคโนโลยีสารสนเทศ")

    def person(username, first, role, position):
        user = UserFactory(
            username=username, first_name=first, last_name="ทดสอบ", unit=unit, position=position
        )
        return give_role(user, role)

    people = {
        "webmaster": person("web", "กมล", Role.WEBMASTER, "นักวิชาการคอมพิวเตอร์"),
        "supervisor": person("chief", "ประเสริฐ", Role.APPROVER, "ผู้อำนวยการกอง"),
        "executive": person("boss", "วิชัย", Role.EXECUTIVE, "อธิบดี"),
    }
    policy = ReportingSettings.for_site(Site.objects.get(is_default_site=True))
    policy.cadence = "half-yearly"
    policy.supervisor = people["supervisor"]
    policy.save()
    return {"url": live_server.url, **people}


def signed_in(open_page, world, user, path, width=1440):
    client = Client()
    client.force_login(user)
    page = open_page(world["url"] + "/admin/login/", width)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": world["url"]}]
    )
    page.goto(world["url"] + path)
    return page


def test_r35_r37_report_walk_from_period_end_to_the_executive(open_page, world):
    # 30 September: the second half of FY2569 has not ended; 1 October it has.
    open_due_reports(today=dt.date(2026, 9, 30))
    assert not Report.objects.filter(period_end=dt.date(2026, 9, 30)).exists()
    mail.outbox.clear()
    assert open_due_reports(today=dt.date(2026, 10, 1)) == {"opened": 1}
    report = Report.objects.get(period_end=dt.date(2026, 9, 30))
    assert report.label == "ครึ่งปีหลัง ปีงบประมาณ พ.ศ. 2569"
    assert any("30 ตุลาคม 2569" in m.body for m in mail.outbox)  # the due date

    web = signed_in(open_page, world, world["webmaster"], "/admin/reports/periodic/")
    web.get_by_role("link", name="ครึ่งปีหลัง ปีงบประมาณ พ.ศ. 2569").first.click()
    web.locator("#id_results").fill(WORD_TEXT)
    web.locator("#id_problems").fill("เจ้าของข้อมูลส่งคำขอล่าช้า")
    web.get_by_role("button", name="บันทึกและเสนอผู้บังคับบัญชา").click()
    assert web.locator("#report-status").inner_text() == "เสนอผู้บังคับบัญชาแล้ว"

    chief = signed_in(
        open_page, world, world["supervisor"], f"/admin/reports/periodic/{report.pk}/"
    )
    chief.locator("#id_reason").fill("เพิ่มข้อเสนอแนะเรื่องการอบรม")
    chief.get_by_role("button", name="ส่งกลับให้แก้ไข").click()
    assert chief.locator("#report-status").inner_text() == "ส่งกลับให้แก้ไข"

    web.reload()
    assert "เพิ่มข้อเสนอแนะเรื่องการอบรม" in web.locator("#return-reason").inner_text()
    web.locator("#id_suggestions").fill("จัดอบรมเจ้าของข้อมูลปีละ 2 ครั้ง")
    web.get_by_role("button", name="บันทึกและเสนอผู้บังคับบัญชา").click()
    assert web.locator("#report-status").inner_text() == "เสนอผู้บังคับบัญชาแล้ว"

    chief.reload()
    chief.get_by_role("button", name="อนุมัติรายงาน").click()
    assert chief.locator("#report-status").inner_text() == "อนุมัติแล้ว"
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED and report.snapshot
    assert "ตามแผน" in report.results and "\u200b" not in report.results
    for width in WIDTHS:
        chief.set_viewport_size({"width": width, "height": 900})
        screenshot(chief, f"reports-approved-{width}")

    for width in WIDTHS:
        boss = signed_in(
            open_page, world, world["executive"], "/admin/reports/periodic/executive/", width
        )
        assert "ครึ่งปีหลัง ปีงบประมาณ พ.ศ. 2569" in boss.locator("#latest-report").inner_text()
        assert "จัดอบรมเจ้าของข้อมูลปีละ 2 ครั้ง" in boss.content()
        # Nothing wider than the screen: the page does not scroll sideways.
        scroll = boss.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, scroll
        assert boss.console_errors == []
        screenshot(boss, f"reports-executive-{width}")
        problems = [v for v in axe_violations(boss) if "rp-" in v or "latest" in v or "live" in v]
        assert problems == []
    response = boss.request.get(world["url"] + f"/admin/reports/periodic/{report.pk}/report.pdf")
    assert response.headers["content-type"] == "application/pdf"
    pdf = ARTIFACTS / "reports-walk.pdf"
    pdf.write_bytes(response.body())
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(pdf), str(ARTIFACTS / "reports-walk-pdf")], check=True
    )
    assert (ARTIFACTS / "reports-walk-pdf-1.png").exists()
