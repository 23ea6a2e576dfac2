"""Issue 20, R8, R30: a category listing's HTML is kept per site generation (ADR 0310).

Kept, the listing costs no query for its rows; any publication, unpublication, edit or move
on its site shows at the next view; and a kept listing never outlives the next publication
window edge, signal or not.
"""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Site

from prongsai.accounts.models import Unit
from prongsai.core import fragments
from prongsai.monitoring.windows import run_scheduled_publishing
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, build_site, metadata

pytestmark = pytest.mark.django_db
BANGKOK = dt.timezone(dt.timedelta(hours=7))
NEWS_ROWS = 'FROM "sitepages_newspage"'


def at(*parts) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=BANGKOK)


@pytest.fixture
def news(db, unit, client):
    home = build_site()
    index = add_page(home, m.NewsIndexPage, title="ข่าว", slug="news", show_in_menus=True)
    for number, kind in enumerate(["general", "job", "general"]):
        add_page(
            index,
            m.NewsPage,
            title=f"ข่าวที่ {number}",
            slug=f"n{number}",
            news_kind=kind,
            **metadata(unit),
        )
    # The first view creates the site's settings rows (a site change): start after it.
    client.get("/news/")
    cache.clear()
    return index


def view(client, path="/news/"):
    """The page, and whether its listing's rows were read (False: the kept HTML was used)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    read_rows = any(NEWS_ROWS in query["sql"] for query in queries)
    return response.content.decode(), read_rows


def main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_issue20_a_kept_listing_is_the_same_html_without_reading_its_rows(client, news):
    first, read_first = view(client)
    second, read_second = view(client)
    assert read_first and not read_second
    assert main(second) == main(first)
    assert "ข่าวที่ 0" in second and "ข่าวที่ 2" in second


def test_r8_each_filter_and_page_number_is_kept_apart(client, news, monkeypatch):
    monkeypatch.setattr(m.NewsIndexPage, "items_per_page", 2)
    view(client)
    jobs, read = view(client, "/news/?kind=job")
    assert read and "ข่าวที่ 1" in main(jobs) and "ข่าวที่ 0" not in main(jobs)
    second_page, read = view(client, "/news/?page=2")
    assert read and "ข่าวที่ 0" in main(second_page) and "ข่าวที่ 2" not in main(second_page)
    # A page "number" that is no number is the first page, kept under the first page's key.
    assert view(client, "/news/?page=abc")[1] is False
    assert view(client, "/news/?kind=job")[1] is False


def test_issue20_page_numbers_past_the_limit_share_one_kept_listing(client, news, monkeypatch):
    """A crawler walking ``?page=`` cannot fill the cache: numbers past the listing's limit
    are kept under the limit's key."""
    monkeypatch.setattr(m.NewsIndexPage, "max_listing_pages", 3)
    view(client, "/news/?page=3")
    for number in ("4", "50", "999999", "9" * 4000):
        assert view(client, f"/news/?page={number}")[1] is False, number[:10]
    # Past Python's longest integer text it is no number: the first page, as paginate() shows.
    assert "ข่าวที่ 2" in main(view(client, f"/news/?page={'9' * 5000}")[0])


def test_r30_a_publication_an_edit_and_an_unpublication_show_at_once(client, news, unit):
    view(client)
    late = add_page(news, m.NewsPage, title="ข่าวด่วน", slug="late", **metadata(unit))
    html, read = view(client)
    assert read and "ข่าวด่วน" in main(html)

    late.title = "ข่าวด่วนแก้ไข"
    late.save_revision().publish()
    assert "ข่าวด่วนแก้ไข" in main(view(client)[0])

    late.unpublish()
    html, read = view(client)
    assert read and "ข่าวด่วน" not in main(html)


def test_r30_a_move_out_of_the_section_shows_at_once(client, news, unit):
    home = news.get_parent()
    other = add_page(home, m.LawIndexPage, title="กฎหมาย", slug="laws")
    item = m.NewsPage.objects.get(slug="n0")
    view(client)
    item.move(other, pos="last-child")
    assert "ข่าวที่ 0" not in main(view(client)[0])


def test_r30_a_kept_listing_never_outlives_the_next_window_edge(client, news):
    """An item whose window closes at 17:00: the listing kept at 16:58 is kept until 17:00
    and not a second longer, even with nothing saved in between; once the scheduler has
    taken the item down the listing no longer shows it."""
    item = m.NewsPage.objects.get(slug="n1")
    with time_machine.travel(at(2026, 12, 1, 16, 0), tick=False):
        item.expire_at = at(2026, 12, 1, 17, 0)
        item.save_revision().publish()
    with time_machine.travel(at(2026, 12, 1, 16, 58), tick=False):
        assert view(client)[1] is True
    with time_machine.travel(at(2026, 12, 1, 16, 59, 59), tick=False):
        html, read = view(client)
        assert read is False and "ข่าวที่ 1" in main(html)
    with time_machine.travel(at(2026, 12, 1, 17, 0), tick=False):
        assert view(client)[1] is True  # the edge passed: built again
    with time_machine.travel(at(2026, 12, 1, 17, 0, 30), tick=False):
        run_scheduled_publishing()
        html, read = view(client)
        assert read and "ข่าวที่ 1" not in main(html)


def test_issue20_an_unsignalled_change_shows_within_the_configured_lifetime(
    client, news, unit, settings
):
    """A unit renamed (no page saved, no generation change) shows once the lifetime ends."""
    settings.PRONGSAI_FRAGMENT_CACHE_SECONDS = 60
    with time_machine.travel(at(2026, 12, 1, 9, 0), tick=False):
        view(client)
        Unit.objects.filter(pk=unit.pk).update(name="กลุ่มงานใหม่")
        assert "กลุ่มงานใหม่" not in main(view(client)[0])
    with time_machine.travel(at(2026, 12, 1, 9, 1), tick=False):
        assert "กลุ่มงานใหม่" in main(view(client)[0])


def test_issue20_a_change_on_another_site_keeps_this_sites_listing(client, news, unit):
    other_home = add_page(news.get_parent().get_parent(), m.HomePage, slug="other")
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    view(client)
    view(client)  # the new site changed the install-wide token: kept again
    add_page(other_home, m.StandardPage, title="อื่น", slug="elsewhere")
    assert view(client)[1] is False


def test_issue20_nothing_is_kept_when_switched_off(client, news, settings):
    settings.PRONGSAI_FRAGMENT_CACHE_SECONDS = 0
    view(client)
    assert view(client)[1] is True


def test_issue20_the_kept_listing_is_per_language(rf, news):
    request = rf.get("/news/")
    with translation.override("th"):
        thai = fragments.for_request(request, "listing", news.pk)
    request = rf.get("/news/")
    with translation.override("en"):
        english = fragments.for_request(request, "listing", news.pk)
    assert thai.key != english.key


def test_issue20_the_home_page_keeps_its_news_cards_until_a_publication(client, news, unit):
    first, read_first = view(client, "/")
    second, read_second = view(client, "/")
    assert read_first and not read_second
    assert main(second) == main(first) and "ข่าวที่ 2" in main(second)
    add_page(news, m.NewsPage, title="ข่าวหน้าแรกใหม่", slug="fresh", **metadata(unit))
    html, read = view(client, "/")
    assert read and "ข่าวหน้าแรกใหม่" in main(html)


def test_issue20_the_kept_page_frame_follows_the_agency_settings_at_once(client, news):
    """The head's links, the brand and the footer's contacts are kept per site generation: a
    change to the agency's settings shows on the next page view."""
    from prongsai.core.models import AgencySettings

    before = view(client, "/news/")[0]
    assert view(client, "/news/")[0] == before
    agency = AgencySettings.for_site(Site.objects.get(is_default_site=True))
    agency.name_en = "Example Provincial Office"
    agency.phone = "0 7471 1071"
    agency.save()
    html = view(client, "/news/")[0]
    header, footer = html.split("</header>", 1)[0], html.split("<footer", 1)[1]
    assert "Example Provincial Office" in header and "0 7471 1071" in footer
