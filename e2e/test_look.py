"""Browser: the agency's own look (issue 19 item 7; R8, R13) on the demo agency.

One walk (the demo loads once): the grouped menu fits one row at 768 and 1440 px and opens
with the keyboard; the header is compact at 360 px; the photo viewer works with the keyboard;
the events calendar is a grid on wide screens and a list at 360 px. Screenshots at 360, 768 and
1440 px under test-artifacts/screenshots/look-*.
"""

import pytest
from playwright.sync_api import expect

from e2e.conftest import axe_violations, screenshot

pytestmark = pytest.mark.browser


def top_row_offsets(page) -> set:
    return set(
        page.evaluate(
            "() => Array.from(document.querySelectorAll('#main-nav-list > li'))"
            ".map(li => Math.round(li.getBoundingClientRect().top))"
        )
    )


def check_menu(page, width, problems):
    if len(top_row_offsets(page)) != 1:
        problems.append(f"menu @{width}: more than one row")
    group = page.locator(".menu-group summary").first
    group.focus()
    page.keyboard.press("Enter")
    submenu = page.locator(".menu-group details[open] ul").first
    expect(submenu).to_be_visible()
    screenshot(page, f"look-menu-open-{width}")
    page.keyboard.press("Tab")
    expect(submenu.locator("a").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(".menu-group details[open]")).to_have_count(0)
    expect(group).to_be_focused()


def test_r13_r8_the_agency_s_look_at_360_768_and_1440(demo_site, open_page, browser):
    problems = []
    base = demo_site.url

    for width in (768, 1440):
        page = open_page(base + "/", width)
        check_menu(page, width, problems)
        screenshot(page, f"look-home-{width}")
        problems += [f"home @{width}: axe: {v}" for v in axe_violations(page)]
        page.context.close()

    page = open_page(base + "/", 360)
    page.wait_for_load_state("networkidle")
    # Every layout shift since the page began loading (none reported in 0.5 s: none).
    shift = page.evaluate(
        """() => new Promise(done => {
            new PerformanceObserver(list => done(
                list.getEntries().reduce((sum, entry) => sum + entry.value, 0)
            )).observe({type: "layout-shift", buffered: true});
            setTimeout(() => done(0), 500);
        })"""
    )
    if shift > 0.02:
        problems.append(f"home @360: layout shift {shift:.3f} while loading")
    header = page.evaluate(
        "() => document.querySelector('.site-header').getBoundingClientRect().height"
    )
    if header > 120:
        problems.append(f"header @360: {header:.0f}px tall")
    expect(page.locator(".brand-logo")).to_be_visible()
    expect(page.locator(".banner img")).to_be_visible()
    expect(page.locator('.hotlines a[href^="tel:"]').first).to_be_visible()
    page.locator(".nav-toggle").click()
    page.locator(".menu-group summary").first.click()
    expect(page.locator(".menu-group details[open] a").first).to_be_visible()
    screenshot(page, "look-home-menu-open-360")
    problems += [f"home @360: axe: {v}" for v in axe_violations(page)]
    page.context.close()

    # The photo viewer: keyboard in, arrows between photos, Tab kept inside, Esc out.
    for width in (360, 1440):
        page = open_page(base + "/news/gallery/", width)
        first = page.locator(".gallery a").first
        first.focus()
        page.keyboard.press("Enter")
        viewer = page.locator("dialog.lightbox")
        expect(viewer).to_be_visible()
        expect(viewer.locator(".lightbox-position")).to_have_text("ภาพที่ 1 จาก 6")
        page.keyboard.press("ArrowRight")
        expect(viewer.locator(".lightbox-position")).to_have_text("ภาพที่ 2 จาก 6")
        expect(viewer.locator("figcaption")).to_have_text("เดินรณรงค์วันเอดส์โลก ร่วมกับเครือข่ายเยาวชน")
        for _ in range(5):
            page.keyboard.press("Tab")
            if not page.evaluate(
                "() => document.querySelector('dialog.lightbox').contains(document.activeElement)"
            ):
                problems.append(f"gallery @{width}: focus left the viewer")
        problems += [f"gallery viewer @{width}: axe: {v}" for v in axe_violations(page)]
        screenshot(page, f"look-gallery-viewer-{width}")
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("Escape")
        expect(viewer).to_be_hidden()
        expect(first).to_be_focused()
        page.context.close()

    # Without JavaScript the thumbnails are plain links to the large photos.
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    plain = context.new_page()
    plain.goto(base + "/news/gallery/")
    expect(plain.locator("#main-nav-list")).to_be_visible()  # the menu needs no script
    expect(plain.locator(".nav-toggle")).to_be_hidden()
    href = plain.locator(".gallery a").first.get_attribute("href")
    assert plain.request.get(base + href).headers["content-type"] == "image/webp"
    context.close()

    for width, grid_visible in ((360, False), (1440, True)):
        page = open_page(base + "/news/events/", width)
        expect(page.locator(".month-grid")).to_be_visible() if grid_visible else expect(
            page.locator(".month-grid")
        ).to_be_hidden()
        expect(page.locator(".month-list")).to_be_hidden() if grid_visible else expect(
            page.locator(".month-list")
        ).to_be_visible()
        problems += [f"calendar @{width}: axe: {v}" for v in axe_violations(page)]
        screenshot(page, f"look-calendar-{width}")
        page.locator(".month-nav a").last.click()
        expect(page.locator("#month-heading")).to_contain_text("ปฏิทินเดือน")
        page.context.close()

        page = open_page(base + "/about/contact/", width)
        expect(page.locator(".office-map img")).to_be_visible()
        problems += [f"contact @{width}: axe: {v}" for v in axe_violations(page)]
        screenshot(page, f"look-contact-{width}")
        page.context.close()

    assert not problems, "\n".join(problems)
