"""R5 / issue 19 in the browser: a citizen on a phone and on a desktop opens the information
centre, finds where to ask for information (7(3), with a tappable phone number and the
request e-service) and the procurement page (9(8)) with the year's notices and สขร.1."""

from playwright.sync_api import expect

from e2e.conftest import WIDTHS, axe_violations, screenshot


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
