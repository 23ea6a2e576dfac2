"""The public OIT page on the demo site (R34): renders at 360 and 1440 px, and every link on it
opens a published page or document of the site (HTTP 200)."""

import urllib.request
from urllib.parse import urljoin

import pytest

from e2e.conftest import WIDTHS, screenshot


def http_status(url: str) -> int:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the live test server
        return response.status


@pytest.mark.parametrize("width", WIDTHS)
def test_r34_oit_page_renders_and_every_evidence_link_resolves(demo_site, open_page, width):
    url = f"{demo_site.url}/oit/ita-oit-2569/"
    page = open_page(url, width)
    assert page.locator("h1").inner_text().startswith("ITA ตัวชี้วัด OIT")
    items = page.locator(".oit-item")
    assert items.count() == 26
    assert page.locator(".oit-code").first.inner_text() == "O1"
    # Nothing wider than the screen at 360 px (Thai titles and long links wrap).
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"compliance-oit-page-{width}")
    assert page.console_errors == []

    hrefs = page.eval_on_selector_all(
        ".oit-links a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(hrefs) >= 15
    for href in set(hrefs):
        assert http_status(urljoin(url, href)) == 200, href
    for export in ("export.xlsx", "export.csv"):
        assert http_status(urljoin(url, export)) == 200


def test_r34_oit_index_lists_the_shipped_catalogues(demo_site, open_page):
    page = open_page(f"{demo_site.url}/oit/", 1440)
    titles = page.locator(".item-list h2").all_inner_texts()
    assert len(titles) == 4
    assert any("2569" in title for title in titles)
