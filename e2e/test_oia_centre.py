"""R5 / issue 19 in the browser: a citizen on a phone and on a desktop opens the information
centre, finds where to ask for information (7(3), with a tappable phone number and the
request e-service) and the procurement page (9(8)) with the year's notices and สขร.1; staff
type the items' dates in the Buddhist era (9(6) contracts)."""

import re

from playwright.sync_api import expect

from e2e.conftest import WIDTHS, axe_violations, screenshot, signed_in


def test_r5_citizen_reads_the_information_centre_items_at_phone_and_desktop_widths(
    demo_site, open_page
):
    for width in WIDTHS:
        page = open_page(f"{demo_site.url}/oia/", width)
        expect(page.get_by_role("heading", level=1)).to_have_text("ศูนย์ข้อมูลข่าวสาร")
        assert axe_violations(page) == []
        screenshot(page, f"oia-centre-index-{width}")

        page.get_by_role("link", name="สถานที่ติดต่อเพื่อขอรับข้อมูลข่าวสารหรือคำแนะนำ").click()
        expect(page.locator("article")).to_contain_text("นางสาวสุภาพร ใจซื่อ")
        phone = page.get_by_role("link", name="0 7471 1071 ต่อ 120")
        assert phone.get_attribute("href") == "tel:074711071"
        expect(page.locator("aside.metadata")).to_contain_text("ช่วงเวลาของข้อมูล")
        no_overflow = "document.documentElement.scrollWidth <= window.innerWidth"
        assert page.evaluate(no_overflow), f"horizontal scroll at {width}px"
        assert axe_violations(page) == []
        screenshot(page, f"oia-centre-7-3-{width}")
        page.get_by_role("link", name="ยื่นคำขอข้อมูลข่าวสารทางออนไลน์ (มาตรา 11)").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("ขอข้อมูลข่าวสารของราชการ")

        page.goto(f"{demo_site.url}/oia/section-9-8/")
        expect(page.locator("#procurement-heading")).to_be_visible()
        expect(page.locator("article")).to_contain_text("69109123456")
        expect(page.locator("article")).to_contain_text("สรุปผลการจัดซื้อจัดจ้าง (สขร.1)")
        assert axe_violations(page) == []
        screenshot(page, f"oia-centre-9-8-{width}")
        page.get_by_role("link", name="ประกาศผลการจัดซื้อจัดจ้างโครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก").click()
        expect(page.locator("article")).to_contain_text("บริษัท ตัวอย่างก่อสร้าง จำกัด")
        screenshot(page, f"oia-procurement-result-{width}")
        assert page.console_errors == []


def test_r5_r30_staff_type_a_contract_date_in_the_buddhist_era_and_citizens_read_it(
    demo_site, open_page
):
    """The signing date was Wagtail's Christian-era date block; now BE like every staff date."""
    from prongsai.sitepages.models import OIAItemPage

    item = OIAItemPage.objects.get(oia_item="9(6)")
    # The demo's policy lets no role publish the information centre directly but the
    # administrator (the others go through a publish request).
    page = signed_in(open_page, demo_site.url, "admin", f"/admin/pages/{item.pk}/edit/")
    signed = page.locator("input[name='details-0-value-signed']")
    expect(signed).to_have_value("25/09/2568")  # the demo's canteen concession, shown in BE
    assert signed.get_attribute("placeholder") == "วว/ดด/ปปปป"

    def publish():
        page.locator("footer button.w-dropdown__toggle").last.click()
        page.locator("button[name='action-publish']").click()

    signed.fill("30/09/2025")  # a Christian-era year typed by mistake
    publish()
    expect(page.get_by_text("บันทึกหน้านี้ไม่ได้ เพราะข้อมูลบางช่องไม่ถูกต้อง")).to_be_visible()
    refusal = page.get_by_text("ปี 2025 เป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (เช่น 2568)")
    expect(refusal).to_be_visible()
    refusal.scroll_into_view_if_needed()
    screenshot(page, "oia-contract-date-ce-refused-1440", full_page=False)
    item.refresh_from_db()
    assert item.details[0].value["signed"].isoformat() == "2025-09-25"  # nothing changed

    page.locator("input[name='details-0-value-signed']").fill("30/09/2568")
    publish()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    item.refresh_from_db()
    assert item.details.raw_data[0]["value"]["signed"] == "2025-09-30"

    for width in WIDTHS:
        public = open_page(f"{demo_site.url}/oia/section-9-6/", width)
        expect(public.locator("article")).to_contain_text("30 กันยายน 2568")
        expect(public.locator("article")).to_contain_text("บริษัท ไตดี เมดิคอล จำกัด")
        no_overflow = "document.documentElement.scrollWidth <= window.innerWidth"
        assert public.evaluate(no_overflow), f"horizontal scroll at {width}px"
        assert axe_violations(public) == []
        screenshot(public, f"oia-centre-9-6-{width}")
        assert public.console_errors == []
