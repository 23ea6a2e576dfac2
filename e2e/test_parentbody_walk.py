"""Browser walk of the province's collection (R36) at 360 and 1440 px: an agency's reporter fills
and submits the round's form, asks for another agency's submission by URL and gets 404; the
province's coordinator reads the board and returns a submission with a reason."""

import io

import pytest
from django.test import Client
from playwright.sync_api import expect

from e2e.conftest import WIDTHS, axe_violations, screenshot
from prongsai.accounts.models import User
from prongsai.parentbody import demo
from prongsai.parentbody.models import ReportingRound, Submission


@pytest.fixture
def world(transactional_db, live_server, settings):
    settings.PRONGSAI_REQUIRE_2FA = False
    demo.load(io.StringIO())
    return {"url": live_server.url, "round": ReportingRound.objects.get()}


def signed_in(open_page, world, username, path, width):
    client = Client()
    client.force_login(User.objects.get(username=username))
    page = open_page(world["url"] + "/admin/login/", width)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": world["url"]}]
    )
    page.goto(world["url"] + path)
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_r36_reporter_fills_and_submits_the_form_and_cannot_see_another_agency(
    open_page, world, width
):
    reporter = signed_in(open_page, world, "reporter2", "/admin/province/my/", width)
    reporter.get_by_role("link", name=world["round"].title).click()
    reporter.locator("#id_cat_0_published").check()
    reporter.locator("#id_cat_0_url").fill("https://takuapa.phangnga.go.th/about/")
    reporter.locator("#id_results").fill("เผยแพร่ข้อมูลหน่วยงานและข่าวประชาสัมพันธ์แล้ว")
    reporter.locator("#id_problems").fill("สัญญาณอินเทอร์เน็ตในพื้นที่ไม่เสถียร")
    reporter.locator("#id_head_name").fill("นายอำเภอตะกั่วป่า")
    reporter.locator("#id_head_position").fill("นายอำเภอ")
    screenshot(reporter, f"parentbody-reporter-form-{width}")
    assert axe_violations(reporter) == []
    reporter.get_by_role("button", name="ส่งรายงานต่อจังหวัด").click()
    expect(reporter.locator("#submission-status")).to_have_text("ส่งแล้ว")
    assert reporter.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(reporter, f"parentbody-reporter-sent-{width}")
    assert reporter.console_errors == []

    others = Submission.objects.exclude(agency__reporters__user__username="reporter2")
    response = reporter.goto(f"{world['url']}/admin/province/submissions/{others.first().pk}/")
    assert response.status == 404


@pytest.mark.parametrize("width", WIDTHS)
def test_r36_coordinator_reads_the_board_and_returns_a_submission(open_page, world, width):
    board = signed_in(open_page, world, "province", "/admin/province/", width)
    board.get_by_role("link", name=world["round"].title).click()
    board.wait_for_url("**/admin/province/rounds/*/")
    assert board.locator('[data-state="late"]').count() == 1
    assert board.locator('[data-state="not_yet"]').count() == 1
    assert board.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(board, f"parentbody-board-{width}")
    assert axe_violations(board) == []
    board.locator('[data-state="submitted"] a').first.click()
    board.locator("#id_reason").fill("กรุณาแนบ URL หมวดคลังความรู้")
    board.get_by_role("button", name="ส่งกลับให้แก้ไข").click()
    expect(board.locator("#submission-status")).to_have_text("ส่งกลับให้แก้ไข")
    screenshot(board, f"parentbody-returned-{width}")
    assert board.console_errors == []
