"""R13, R34 (issue 19 items 2, 3, 5): what crawlers and assistive technology read from the
public site — robots.txt and canonical links on the configured host, Open Graph tags, the
content's language, the OIT page in reach, and tappable telephone numbers."""

import re

import pytest
from wagtail.models import Site

from prongsai.core.models import AgencySettings
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency_site(home_page):
    Site.objects.filter(is_default_site=True).update(hostname="www.agency.go.th", port=443)
    return home_page


def test_r13_robots_txt_names_the_sitemap_on_the_configured_host(client, agency_site):
    # Asked through another address (a proxy, an IP): the configured host is what it names.
    response = client.get("/robots.txt", HTTP_HOST="10.0.0.5")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: https://www.agency.go.th/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_r13_pages_carry_canonical_and_open_graph_on_the_configured_host(client, agency_site):
    news = add_page(agency_site, m.NewsIndexPage, title="ข่าว", slug="news")
    item = add_page(
        news,
        m.NewsPage,
        title="รณรงค์ป้องกันไข้เลือดออก",
        slug="ไข้เลือดออก",
        introduction="เชิญชวนประชาชนกำจัดแหล่งเพาะพันธุ์ยุงลาย",
        **metadata(),
    )
    html = client.get(item.url, HTTP_HOST="127.0.0.1").content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical.startswith("https://www.agency.go.th/news/")
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:title" content="รณรงค์ป้องกันไข้เลือดออก">' in html
    assert '<meta property="og:type" content="article">' in html
    assert 'name="description" content="เชิญชวนประชาชนกำจัดแหล่งเพาะพันธุ์ยุงลาย"' in html


def test_r13_a_browser_set_to_english_gets_thai_marked_as_thai_and_no_english_switch(
    client, agency_site
):
    """Issue 19 item 3: ``Accept-Language: en`` (or the old switch's cookie) gave
    ``<html lang="en">`` over an all-Thai page, read by screen readers with an English voice;
    there is no English content, so there is no English switch either (ADR 0305)."""
    client.cookies["django_language"] = "en"
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="th">' in html
    assert "lang-switch" not in html and ">English<" not in html
    assert client.post("/i18n/setlang/", {"language": "en"}).status_code == 404


def test_r34_oit_page_is_linked_from_home_footer_and_site_map(client, agency_site):
    add_page(agency_site, m.SitemapPage, title="แผนผังเว็บไซต์", slug="sitemap")
    home = client.get("/").content.decode()
    assert home.count('href="/oit/"') >= 2  # the home-page block and the footer
    sitemap = client.get("/sitemap/").content.decode()
    assert 'href="/oit/"' in sitemap


def test_r14_agency_telephone_is_a_tel_link(client, agency_site):
    settings_row = AgencySettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.phone = "0 7648 1111 ต่อ 12"
    settings_row.save()
    html = client.get("/").content.decode()
    assert '<a href="tel:076481111">0 7648 1111 ต่อ 12</a>' in html


def test_r15_policies_are_linked_from_every_footer_and_one_per_kind(client, agency_site):
    from django.core.exceptions import ValidationError

    privacy = add_page(
        agency_site,
        m.PolicyPage,
        title="นโยบายคุ้มครองข้อมูลส่วนบุคคล",
        slug="privacy-policy",
        policy_kind=m.PolicyKind.PRIVACY,
    )
    news = add_page(agency_site, m.NewsIndexPage, title="ข่าว", slug="news")
    for path in ("/", news.url):
        html = client.get(path).content.decode()
        assert '<a href="/privacy-policy/">นโยบายคุ้มครองข้อมูลส่วนบุคคล</a>' in html
    assert client.get(privacy.url).status_code == 200

    second = m.PolicyPage(title="อีกฉบับ", slug="privacy-2", policy_kind=m.PolicyKind.PRIVACY)
    agency_site.add_child(instance=second)
    with pytest.raises(ValidationError, match="มีหน้านโยบายประเภทนี้แล้ว"):
        second.full_clean()


def test_r15_demo_policies_satisfy_the_completeness_check(demo):
    from prongsai.compliance.models import Catalogue
    from prongsai.compliance.selectors import Status, catalogue_completeness

    report = catalogue_completeness(Catalogue.objects.get(slug="gws-2-0"), Site.objects.get())
    statuses = {result.item.code: result.status for result in report.results}
    for code in ("GWS-4.2", "GWS-4.3", "GWS-4.4"):
        assert statuses[code] == Status.MET, code


def test_r15_a_second_policy_of_a_kind_is_refused_on_wagtails_add_page_screen(
    client, agency_site, superuser
):
    """The model alone could not see the parent of a page being created (another door)."""
    add_page(
        agency_site,
        m.PolicyPage,
        title="นโยบายคุ้มครองข้อมูลส่วนบุคคล",
        slug="privacy-policy",
        policy_kind=m.PolicyKind.PRIVACY,
    )
    client.force_login(superuser)
    response = client.post(
        f"/admin/pages/add/sitepages/policypage/{agency_site.pk}/",
        {"title": "อีกฉบับ", "slug": "privacy-2", "policy_kind": "privacy", "body-count": "0"},
    )
    assert "มีหน้านโยบายประเภทนี้แล้ว" in response.content.decode()
    assert m.PolicyPage.objects.count() == 1
    # The same post for a kind the site does not have yet is saved: nothing else was missing.
    client.post(
        f"/admin/pages/add/sitepages/policypage/{agency_site.pk}/",
        {
            "title": "นโยบายเว็บไซต์",
            "slug": "website-policy",
            "policy_kind": "website",
            "body-count": "0",
        },
    )
    assert m.PolicyPage.objects.count() == 2
