"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Screenshots are written to test-artifacts/screenshots/<test>-<width>.png.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from prongsai.core.testing import restore_or_build

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
AXE_JS = (Path(__file__).resolve().parent / "axe.min.js").read_text()
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = (360, 1440)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The demo agency, loaded exactly as `make demo` loads it. The first test of the run that
    asks for it really loads it; the others get a copy of that database back (the load takes
    half a minute of CPU; prongsai/core/testing.py, ADR 0315)."""

    def load():
        with open(os.devnull, "w") as quiet:
            call_command("load_demo", stdout=quiet)

    restore_or_build("demo", load)
    point_site_at(live_server)
    return live_server


def point_site_at(live_server):
    """Serve the default site at the test server's address, as an administrator would: saved,
    so Wagtail's cached site roots and Prongsai's site state follow (a queryset update left
    page links pointing at the address the profile was loaded with)."""
    from wagtail.models import Site

    host, port = live_server.url.removeprefix("http://").split(":")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host, int(port)
    site.save()


@pytest.fixture
def open_page(browser):
    """open_page(url, width) -> a Playwright page that fails the test on console errors."""
    contexts = []

    def _open(url, width=1440):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="th-TH")
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.on(
            "console",
            lambda message: message.type == "error" and page.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        page.goto(url)
        return page

    yield _open
    for context in contexts:
        context.close()


def screenshot(page, name, *, full_page=True):
    """``full_page=False``: only what the viewport shows (e.g. scrolled to a message)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def axe_violations(page, impacts=("serious", "critical")):
    # Loaded as a script from the page's own origin (answered here, never by the server): the
    # strict script policy (ADR 0160) refuses inline scripts without the response's nonce.
    url = page.evaluate("() => location.origin") + "/__e2e__/axe.min.js"
    page.route(
        url,
        lambda route: route.fulfill(status=200, content_type="application/javascript", body=AXE_JS),
    )
    page.add_script_tag(url=url)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        f"{[node['target'] for node in violation['nodes']][:3]}"
        for violation in result["violations"]
        if violation["impact"] in impacts
    ]


def signed_in(open_page, site, username, path, width=1440):
    """A browser page signed in as ``username`` (session made by Django's test client) and
    opened at ``path``; ``site`` is the live server's URL or a profile fixture's {"url": …}."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    base_url = site["url"] if isinstance(site, dict) else site
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    page = open_page(base_url + "/admin/login/", width)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )
    page.goto(base_url + path)
    return page
