"""R16 and R15 in the browser: a citizen on a phone asks for official information with a letter
attached, lands on the tracking page with the reference number; the privacy policy is one tap
away in the footer."""

import re

from playwright.sync_api import expect
from weasyprint import HTML

from e2e.conftest import axe_violations, screenshot
from prongsai.feedback.challenge import THAI_NUMBERS
from prongsai.inforequests.models import InfoRequest

LETTER = HTML(string="<p>ขอสำเนาโครงการป้องกันไข้เลือดออก</p>").write_pdf()


def answer_challenge_if_asked(page):
    """After a few sends from one address the form asks a sum in Thai words, as for a person."""
    challenge = page.locator("fieldset.challenge label")
    if not challenge.count():
        return
    words = {word: number for number, word in enumerate(THAI_NUMBERS)}
    first, second = re.match(r"(\S+) บวก (\S+)", challenge.inner_text()).groups()
    page.fill("input[name=challenge_answer]", str(words[first] + words[second]))


def test_r16_citizen_asks_for_information_and_follows_it(demo_site, open_page):
    for width in (360, 1440):
        page = open_page(f"{demo_site.url}/e-services/information-requests/", width)
        page.get_by_role("link", name="ยื่นคำขอข้อมูลข่าวสาร").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("ขอข้อมูลข่าวสารของราชการ")
        assert axe_violations(page) == []
        screenshot(page, f"inforequests-form-{width}")

        # Nothing to contact the citizen by: refused in Thai, nothing stored.
        before = InfoRequest.objects.count()
        page.fill("#id_subject", "งบประมาณโครงการป้องกันไข้เลือดออก ปี 2569")
        page.fill("#id_requester_name", "สมหญิง ตั้งใจ")
        page.check("#id_consent")
        page.get_by_role("button", name="ส่งคำขอ").click()
        expect(page.locator(".form-errors")).to_contain_text("ช่องทางติดต่อ")
        assert InfoRequest.objects.count() == before
        page.console_errors.clear()  # the refused form answers 400, which Chromium logs

        page.fill("#id_requester_phone", "081 111 2222")
        page.check("#id_consent")
        # A real file through the form: the citizen's signed letter, as a PDF.
        page.set_input_files(
            "#id_attachment",
            {"name": "หนังสือขอข้อมูล.pdf", "mimeType": "application/pdf", "buffer": LETTER},
        )
        answer_challenge_if_asked(page)
        page.get_by_role("button", name="ส่งคำขอ").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("IR25")
        expect(page.locator(".request-facts")).to_contain_text("รับคำขอแล้ว")
        # Its name and size only: no link to the file on the citizen's page.
        expect(page.locator(".request-facts")).to_contain_text("หนังสือขอข้อมูล.pdf (")
        assert page.locator("a[href*='/attachment/']").count() == 0
        assert InfoRequest.objects.order_by("pk").last().attachment.size == len(LETTER)
        assert axe_violations(page) == []
        screenshot(page, f"inforequests-tracking-{width}")
        assert page.console_errors == []


def test_r15_privacy_policy_is_in_every_footer(demo_site, open_page):
    page = open_page(f"{demo_site.url}/news/", 360)
    page.locator("footer").get_by_role("link", name="นโยบายคุ้มครองข้อมูลส่วนบุคคล").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("นโยบายคุ้มครองข้อมูลส่วนบุคคล")
    expect(page.locator("main")).to_contain_text("มาตรา 26")
    screenshot(page, "policy-privacy-360")
