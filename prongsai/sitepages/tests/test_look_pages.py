"""The events calendar's month grid, the photo album and the contact page's map (issue 19
item 7; R8 calendar and gallery, R1 contact)."""

import datetime as dt
import re
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from prongsai.core.appearance import SiteAppearance
from prongsai.sitepages import models as m
from prongsai.sitepages.month_calendar import build_month, parse_month
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db
BANGKOK_NOON = dt.datetime(2026, 12, 16, 5, 0, tzinfo=dt.UTC)


def an_image(title):
    return get_image_model().objects.create(title=title, file=get_test_image_file())


@pytest.fixture
def calendar_page(home_page, unit):
    news = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    calendar = add_page(news, m.EventCalendarPage, title="ปฏิทินกิจกรรม", slug="events")
    for slug, title, start, hours in (
        ("fair", "มหกรรมสุขภาพ", dt.datetime(2026, 12, 9, 9), 3),
        ("camp", "ค่ายเยาวชนสามวัน", dt.datetime(2026, 11, 30, 9), 50),
        ("january", "ประชุมต้นปี", dt.datetime(2027, 1, 5, 9), 2),
    ):
        starts = timezone.make_aware(start)
        add_page(
            calendar,
            m.EventPage,
            slug=slug,
            title=title,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=hours),
            **metadata(unit),
        )
    return calendar


def cell(html: str, day: int) -> str:
    grid = html.split('class="month-grid"', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r"<td class=\"(?!other-month)[^\"]*\"[^>]*>(.*?)</td>", grid, re.S)
    return cells[day - 1]


@time_machine.travel(BANGKOK_NOON, tick=False)
def test_r8_calendar_shows_the_month_in_a_grid_in_the_buddhist_era(client, calendar_page):
    html = client.get("/news/events/").content.decode()

    assert "ปฏิทินเดือน ธันวาคม 2569" in html
    assert '<abbr title="อาทิตย์">อา.</abbr>' in html  # the week starts on Sunday
    assert 'href="?month=2026-11"' in html and "พฤศจิกายน 2569" in html
    assert 'href="?month=2027-01"' in html and "มกราคม 2570" in html
    assert "มหกรรมสุขภาพ" in cell(html, 9)
    # An event running over the month's turn shows on its days in this month.
    assert "ค่ายเยาวชนสามวัน" in cell(html, 1) and "ค่ายเยาวชนสามวัน" in cell(html, 2)
    assert "ประชุมต้นปี" not in html.split('class="month-grid"', 1)[1].split("</table>")[0]
    assert 'aria-current="date"' in html and "(วันนี้)" in cell(html, 16)
    # The month's list (shown on narrow screens) holds the same events.
    month_list = html.split('class="item-list month-list"', 1)[1].split("</ul>", 1)[0]
    assert "มหกรรมสุขภาพ" in month_list and "ค่ายเยาวชนสามวัน" in month_list


@time_machine.travel(BANGKOK_NOON, tick=False)
def test_r8_calendar_moves_to_another_month_and_ignores_a_malformed_one(client, calendar_page):
    january = client.get("/news/events/?month=2027-01").content.decode()
    assert "ปฏิทินเดือน มกราคม 2570" in january
    assert "ประชุมต้นปี" in cell(january, 5)

    for bad in ("2027-13", "abc", "99999-01", "<script>"):
        response = client.get("/news/events/", {"month": bad})
        assert response.status_code == 200
        assert "ปฏิทินเดือน ธันวาคม 2569" in response.content.decode()


def test_r8_month_grid_pads_whole_weeks():
    assert parse_month("2027-02", dt.date(2026, 12, 1)) == (2027, 2)
    month = build_month(2027, 2, [], dt.date(2026, 12, 1))
    assert all(len(week) == 7 for week in month.weeks)
    assert month.weeks[0][0].date.weekday() == 6  # Sunday
    assert month.previous_param == "2027-01" and month.next_param == "2027-03"
    assert build_month(2026, 12, [], dt.date(2026, 12, 1)).next_param == "2027-01"


def test_r8_gallery_photos_link_to_the_large_picture_with_alt_text_and_caption(
    client, home_page, unit
):
    news = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    photo = an_image("งานวันเด็ก")
    add_page(
        news,
        m.GalleryPage,
        slug="gallery",
        title="คลังภาพ",
        images=[
            {
                "type": "photo",
                "value": {"image": photo.pk, "alt_text": "เด็กเล่นเกม", "caption": "งานวันเด็ก 2569"},
            },
            {
                "type": "image",
                "value": {"image": photo.pk, "decorative": False, "alt_text": "เวทีกลาง"},
            },
        ],
        **metadata(unit),
    )

    html = client.get("/news/gallery/").content.decode()

    figures = re.findall(r"<figure>\s*<a href=\"([^\"]+)\"[^>]*>\s*<img ([^>]+)>", html)
    assert len(figures) == 2
    large, thumbnail = figures[0]
    assert large.endswith(".webp") and "max-1600x1200" in large
    assert 'alt="เด็กเล่นเกม"' in thumbnail and 'loading="lazy"' in thumbnail
    assert 'alt="เวทีกลาง"' in figures[1][1]
    assert "<figcaption>งานวันเด็ก 2569</figcaption>" in html
    assert re.search(r'<script src="[^"]*core/js/gallery\.js" defer>', html)


def test_r1_contact_page_shows_a_map_picture_linked_to_openstreetmap(client, home_page):
    about = add_page(home_page, m.AgencyIndexPage, title="เกี่ยวกับเรา", slug="about")
    add_page(about, m.ContactPage, title="ติดต่อเรา", slug="contact", **metadata())
    look = SiteAppearance.for_site(Site.objects.get(is_default_site=True))
    look.map_image = an_image("แผนที่")
    look.latitude, look.longitude = Decimal("8.4512"), Decimal("98.5253")
    look.hotlines = "ศูนย์ดำรงธรรม: 1567"
    look.full_clean()
    look.save()

    html = client.get("/about/contact/").content.decode()

    assert re.search(r'<img alt="แผนที่ที่ตั้งของหน่วยงาน"[^>]+src="[^"]+\.webp"', html)
    assert (
        'href="https://www.openstreetmap.org/?mlat=8.451200&amp;mlon=98.525300#map=17/8.451200/98.525300"'
        in html
    )
    assert 'href="tel:1567"' in html
    assert "<script" not in html.split('class="office-map"', 1)[1].split("</section>", 1)[0]


def test_r1_coordinates_come_in_pairs(home_page):
    from django.core.exceptions import ValidationError

    look = SiteAppearance.for_site(Site.objects.get(is_default_site=True))
    look.latitude = Decimal("8.4512")
    with pytest.raises(ValidationError) as refused:
        look.full_clean()
    assert "ลองจิจูด" in refused.value.message_dict["longitude"][0]
