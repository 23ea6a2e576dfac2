"""R60 DCY (seed 000) walked through the running system, as its staff would.

ข้อ 5.1.1–5.1.3: a division's assigned publisher asks the division's director, who approves (no one
else can: unit directors approve their unit's items, so the second division's director can neither
decide the first division's item nor the other way round); routine mission items need no approval;
items are published within 3 days, with the due date shown. ข้อ 5.1.2: the IT group issues the accounts.
ข้อ 6.3: reports every 3 months.
"""

import os

import pytest
from django.core.management import call_command

from e2e.conftest import WIDTHS, point_site_at, screenshot, signed_in
from prongsai.core.workdays import add_working_days
from prongsai.publishing.models import Action, InformationClass, PublishRequest, Status


@pytest.fixture
def dcy(transactional_db, live_server, settings):
    settings.PRONGSAI_REQUIRE_2FA = False
    with open(os.devnull, "w") as quiet:
        call_command("load_profile", "dcy", stdout=quiet)
    point_site_at(live_server)
    return {"url": live_server.url}


def file_request(open_page, world, title, class_code, width=1440, requester="divpublisher"):
    page = signed_in(open_page, world, requester, "/admin/publish-requests/new/", width)
    page.fill("#id_title", title)
    page.fill("#id_summary", "สาระสำคัญ: " + title)
    page.select_option("#id_category", "news")
    page.fill("#id_content", "กรมกิจการเด็กและเยาวชน: " + title)
    page.fill("#id_source", "กองตัวอย่าง กรมกิจการเด็กและเยาวชน")
    page.fill("#id_info_period_start", "2026-05-01")
    information_class = InformationClass.objects.get(code=class_code)
    page.select_option("#id_information_class", str(information_class.pk))
    page.click("main button:text-is('ยื่นคำขอ')")
    page.wait_for_selector("#request-status")
    return page, PublishRequest.objects.get(title=title)


def test_r60_dcy_the_unit_director_approves_routine_items_are_exempt_published_within_3_days(
    open_page, dcy
):
    _page, request = file_request(open_page, dcy, "กิจกรรมวันเด็กแห่งชาติ ประจำปี 2570", "unit-approval")
    assert request.status == Status.PENDING

    # Another unit's director cannot decide it: the IT group's director (an executive, who sees
    # every request) gets no decision form; the second division's director does not even see it,
    # on the dashboard or at its address. The division's own director has it waiting.
    page = signed_in(open_page, dcy, "itdirector", f"/admin/publish-requests/{request.pk}/")
    assert not page.locator("text=บันทึกผลการพิจารณา").count()
    page = signed_in(open_page, dcy, "div2director", "/admin/", 360)
    assert request.title not in page.inner_text("main")
    page = signed_in(open_page, dcy, "div2director", f"/admin/publish-requests/{request.pk}/")
    assert not page.locator("text=บันทึกผลการพิจารณา").count()
    assert request.title not in page.inner_text("body")
    page = signed_in(open_page, dcy, "divdirector", "/admin/", 360)
    assert request.title in page.inner_text("#publishing-waiting")
    screenshot(page, "profile-dcy-director-waiting-360")
    request.refresh_from_db()
    assert request.status == Status.PENDING
    for width in WIDTHS:
        page = signed_in(
            open_page, dcy, "divdirector", f"/admin/publish-requests/{request.pk}/", width
        )
        assert page.locator("text=บันทึกผลการพิจารณา").is_visible()
        screenshot(page, f"profile-dcy-director-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.check("input[name=decision][value=approve]")
    page.click("text=บันทึกผลการพิจารณา")
    page.wait_for_selector("text=บันทึกการอนุมัติแล้ว")
    request.refresh_from_db()
    assert request.status == Status.APPROVED
    # The history names the director in the capacity the guideline gives them.
    assert "หัวหน้าหน่วยงานเจ้าของข้อมูล" in page.inner_text("main")
    # ข้อ 5.1.3: within 3 days of the approval, shown on the request.
    assert request.due_date == add_working_days(request.approved_at.date(), 3)
    assert page.locator("#request-due").is_visible()

    # The division's assigned publisher puts it on the site.
    page = signed_in(open_page, dcy, "divpublisher", f"/admin/publish-requests/{request.pk}/")
    page.check("#id_files_checked")
    page.check("#id_category_checked")
    page.click("button:text-is('เผยแพร่')")
    page.wait_for_selector("#public-url")
    request.refresh_from_db()
    assert request.status == Status.PUBLISHED

    # The second division's item: the first division's director cannot decide it, its own
    # director can, from a phone.
    _page, second = file_request(
        open_page, dcy, "รับสมัครเยาวชนอาสา รุ่นที่ 5", "unit-approval", requester="div2publisher"
    )
    page = signed_in(open_page, dcy, "divdirector", f"/admin/publish-requests/{second.pk}/")
    assert not page.locator("text=บันทึกผลการพิจารณา").count()
    for width in WIDTHS:
        page = signed_in(
            open_page, dcy, "div2director", f"/admin/publish-requests/{second.pk}/", width
        )
        assert page.locator("text=บันทึกผลการพิจารณา").is_visible()
        screenshot(page, f"profile-dcy-second-director-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.check("input[name=decision][value=approve]")
    page.click("text=บันทึกผลการพิจารณา")
    page.wait_for_selector("text=บันทึกการอนุมัติแล้ว")
    screenshot(page, "profile-dcy-second-director-approved-1440")
    second.refresh_from_db()
    assert second.status == Status.APPROVED
    approval = second.events.get(action=Action.APPROVED)
    assert approval.actor.username == "div2director"

    # ข้อ 5.1.1: a routine mission item needs no approval: no one is asked to decide, the history
    # says it is exempt, and the division's publisher puts it up straight away.
    page, routine = file_request(open_page, dcy, "ปฏิทินกิจกรรมประจำเดือน", "routine", width=360)
    assert routine.status == Status.APPROVED and routine.due_date is not None
    assert "ยกเว้นตามแนวปฏิบัติ" in page.inner_text("main")
    screenshot(page, "profile-dcy-routine-360")
    page = signed_in(open_page, dcy, "divdirector", f"/admin/publish-requests/{routine.pk}/")
    assert not page.locator("text=บันทึกผลการพิจารณา").count()
    page = signed_in(open_page, dcy, "divpublisher", f"/admin/publish-requests/{routine.pk}/")
    page.check("#id_files_checked")
    page.check("#id_category_checked")
    page.click("button:text-is('เผยแพร่')")
    page.wait_for_selector("#public-url")
    routine.refresh_from_db()
    assert routine.status == Status.PUBLISHED
    assert not routine.events.filter(actor__isnull=False, action=Action.APPROVED).exists()
    screenshot(page, "profile-dcy-routine-published-1440")

    # ข้อ 6.3 and 6.2: the IT group's director reads the policy: every 3 months, daily check to them.
    page = signed_in(open_page, dcy, "itdirector", "/admin/agency-policy/", 1440)
    text = page.inner_text("main")
    assert "ทุก 3 เดือน" in text and "3 วันทำการ" in text
    assert "หัวหน้าหน่วยงานเจ้าของข้อมูล" in text and "ตรวจโดยหน่วยงานประชาสัมพันธ์" not in text
    assert "ผู้อำนวยการกลุ่มสารสนเทศและเทคโนโลยี" in text
    screenshot(page, "profile-dcy-policy-1440")
