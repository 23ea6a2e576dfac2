"""The main menu in groups that follow the agency's policy (issue 19 item 7, R13): enabled
categories only, in the policy's order, under the agency's wording; sub-menus are <details>."""

import re

import pytest

from prongsai.core.menu import MenuItem, arrange
from prongsai.policy.testing import set_policy
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db


def top_row(html: str) -> list[str]:
    """The menu's top-level entries: a link's text or a group's summary."""
    nav = html.split('id="main-nav-list"', 1)[1].split("</nav>", 1)[0]
    nav = re.sub(r"<ul>.*?</ul>", "", nav, flags=re.S)  # the sub-menus
    return [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(
            r'<li(?: class="menu-group[^"]*")?>\s*(?:<details><summary>)?(.*?)(?:</summary>|</a>)',
            nav,
        )
    ]


@pytest.fixture
def sections(home_page):
    about = add_page(
        home_page, m.AgencyIndexPage, title="ข้อมูลหน่วยงาน", slug="about", show_in_menus=True
    )
    add_page(about, m.ContactPage, title="ติดต่อเรา", slug="contact", **metadata())
    add_page(home_page, m.LawIndexPage, title="กฎหมาย", slug="laws", show_in_menus=True)
    add_page(home_page, m.OIAIndexPage, title="ศูนย์ข้อมูลข่าวสาร", slug="oia", show_in_menus=True)
    add_page(home_page, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news", show_in_menus=True)
    add_page(
        home_page,
        m.EServiceIndexPage,
        title="บริการอิเล็กทรอนิกส์",
        slug="e-services",
        show_in_menus=True,
    )
    return home_page


def test_r13_sections_grouped_into_sub_menus_with_the_citizen_s_tasks(client, sections):
    html = client.get("/").content.decode()

    assert top_row(html) == [
        "หน้าแรก",
        "ข้อมูลหน่วยงาน",
        "ข้อมูลข่าวสาร",
        "ข่าวประชาสัมพันธ์",
        "บริการประชาชน",
        "ITA/OIT",
        "ติดต่อเรา",
    ]
    information = html.split("<summary>ข้อมูลข่าวสาร</summary>", 1)[1].split("</details>", 1)[0]
    assert 'href="/laws/"' in information and 'href="/oia/"' in information
    services = html.split("<summary>บริการประชาชน</summary>", 1)[1].split("</details>", 1)[0]
    for url in ("/e-services/", "/questions/", "/information-requests/"):
        assert f'href="{url}"' in services
    assert 'href="/about/contact/" >ติดต่อเรา</a>' in html


def test_r13_a_category_disabled_in_the_policy_leaves_the_menu(client, sections):
    set_policy(
        categories=[{"code": "agency"}, {"code": "oia"}, {"code": "news"}, {"code": "eservices"}]
    )

    html = client.get("/").content.decode()

    nav = html.split('id="main-nav-list"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/laws/"' not in nav
    assert 'href="/oia/"' in nav
    # The section a group would hold alone is a plain link.
    assert "<summary>ข้อมูลข่าวสาร</summary>" not in nav
    assert 'href="/oia/" >ศูนย์ข้อมูลข่าวสาร</a>' in nav


def test_r13_the_menu_uses_the_agency_s_wording_and_order(client, sections):
    set_policy(
        categories=[
            {"code": "news", "label": "ข่าวสารและกิจกรรม"},
            {"code": "agency"},
            {"code": "laws", "label": "ระเบียบที่เกี่ยวข้อง"},
            {"code": "oia"},
            {"code": "eservices"},
        ]
    )

    html = client.get("/").content.decode()

    assert top_row(html)[:4] == ["หน้าแรก", "ข่าวสารและกิจกรรม", "ข้อมูลหน่วยงาน", "ข้อมูลข่าวสาร"]
    assert 'href="/laws/" >ระเบียบที่เกี่ยวข้อง</a>' in html


def test_r13_arrange_keeps_a_general_page_of_no_category_as_its_own_link():
    groups = arrange(
        [
            MenuItem("ข่าว", "/news/", "000100010001", "news"),
            MenuItem("โครงการพิเศษ", "/special/", "000100010002", ""),
        ],
        enabled=[("news", "")],
    )
    titles = [group.title for group in groups]
    # The groups first (services always holds the citizen's forms), then the page, then OIT.
    assert titles == ["ข่าวประชาสัมพันธ์", "บริการประชาชน", "โครงการพิเศษ", "ITA/OIT"]
    assert groups[0].single.title == "ข่าว"
