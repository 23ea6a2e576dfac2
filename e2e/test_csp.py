"""R42, ADR 0160: the public site and the admin's page editor run under the strict script
policy (nonces, no 'unsafe-inline' scripts) with zero Content-Security-Policy violations."""

import pytest
from django.test import Client

from e2e.conftest import screenshot
from e2e.test_feedback_survey import wagtail_baseline  # noqa: F401
from prongsai.accounts.tests.factories import UserFactory

RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' +
    (event.sourceFile || '') + ':' + event.lineNumber);
});
"""


def _context(browser, live_server, user=None):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="th-TH")
    context.add_init_script(RECORDER)
    if user is not None:
        client = Client()
        client.force_login(user)
        host = live_server.url.removeprefix("http://").split(":")[0]
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "domain": host,
                    "path": "/",
                }
            ]
        )
    return context


def _violations_on(context, url, interact=None):
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and console.append(message.text),
    )
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    assert (
        "'unsafe-inline'"
        not in response.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    )
    if interact is not None:
        interact(page)
        page.wait_for_timeout(300)
    found = console + page.evaluate("() => window.__cspViolations")
    return page, found


@pytest.mark.browser
def test_r42_public_site_and_page_editor_run_with_zero_csp_violations(demo_site, browser):
    from prongsai.sitepages import models as site

    public = _context(browser, demo_site)
    news = site.NewsPage.objects.live().first()
    problems = []
    for url in ["/", news.url, "/questions/", "/questions/ask/", "/survey/", "/search/?q=วัคซีน"]:
        page, found = _violations_on(public, f"{demo_site.url}{url}")
        problems += [f"{url}: {item}" for item in found]
        page.close()
    public.close()

    staff = _context(browser, demo_site, UserFactory(username="csp-root", is_superuser=True))
    links = site.LinkIndexPage.objects.first()

    def add_a_link(page):
        # The inline panel's start-up script ran: its "add" button makes a new form.
        before = page.locator("[id^='inline_child_links-']").count()
        page.get_by_role("button", name="เพิ่ม ลิงก์").first.click()
        page.wait_for_timeout(200)
        assert page.locator("[id^='inline_child_links-']").count() > before

    for url, interact in [
        ("/admin/", None),
        (f"/admin/pages/{news.pk}/edit/", None),
        (f"/admin/pages/add/sitepages/linkcollectionpage/{links.pk}/", add_a_link),
        ("/admin/publish-requests/", None),
    ]:
        page, found = _violations_on(staff, f"{demo_site.url}{url}", interact)
        problems += [f"{url}: {item}" for item in found]
        if "edit" in url:
            screenshot(page, "csp-admin-editor-1440")
        page.close()
    staff.close()
    assert problems == []
