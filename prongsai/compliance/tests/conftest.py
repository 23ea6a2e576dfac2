import datetime as dt
import textwrap

import pytest
from wagtail.models import Site

from prongsai.compliance.catalogue_io import import_catalogue, read_yaml
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

SMALL_CATALOGUE = """
catalogue:
  slug: small-test
  scheme: ita-oit
  year: 2569
  fiscal_year: 2569
  title: รายการทดสอบ
items:
  - code: A1
    group: กลุ่ม ก
    title_th: โครงสร้างองค์กร
    rule: {agency_topics: [structure]}
  - code: A2
    group: กลุ่ม ก
    title_th: ข่าวประชาสัมพันธ์ปีงบประมาณปัจจุบัน
    rule: {news_kinds: [general]}
    period: current-fiscal-year
  - code: A3
    group: กลุ่ม ข
    title_th: รายงานประจำปีของปีงบประมาณที่ผ่านมา
    rule: {agency_topics: [performance]}
    period: previous-fiscal-year
  - code: A4
    group: กลุ่ม ข
    title_th: สถิติเรื่องร้องเรียนครึ่งปีแรก
    rule: {tags: [สถิติเรื่องร้องเรียน]}
    period: first-half-current-fiscal-year
  - code: A5
    group: กลุ่ม ข
    title_th: กฎหมายที่เกี่ยวข้องอย่างน้อย 2 ฉบับ
    rule: {categories: [laws]}
    period: at-least-n
    count: 2
  - code: A6
    group: กลุ่ม ค
    title_th: แผนปฏิบัติการป้องกันการทุจริต
    rule: {keywords: [ป้องกันการทุจริต]}
  - code: A7
    group: กลุ่ม ค
    title_th: สัญญาสัมปทาน
    rule: {oia_items: ["9(6)"]}
  - code: A8
    group: กลุ่ม ค
    title_th: ระบบค้นหา
    rule: {paths: [/search/]}
"""


def load_yaml_catalogue(text: str):
    return import_catalogue(read_yaml(textwrap.dedent(text)))[0]


#: The same items in a list without an assessment year (like GWS and the OIA): its periods
#: follow the fiscal year containing the day of the check.
YEARLESS_CATALOGUE = SMALL_CATALOGUE.replace(
    "  slug: small-test\n  scheme: ita-oit\n  year: 2569\n  fiscal_year: 2569\n",
    "  slug: small-yearless\n  scheme: gws\n  year: 2556\n",
)
assert YEARLESS_CATALOGUE != SMALL_CATALOGUE


def catalogue_for_year(be_year: int):
    """SMALL_CATALOGUE as the list of assessment year ``be_year`` (e.g. next year's ITA)."""
    return load_yaml_catalogue(
        SMALL_CATALOGUE.replace("small-test", f"small-{be_year}").replace("2569", str(be_year))
    )


def stored(name: str) -> str:
    """A document file that exists in storage: saving a document reads it for its hash."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(b"test document " + name.encode()))
    return name


@pytest.fixture
def small_catalogue(db):
    """An ITA list of assessment year 2569: its periods refer to FY2569 whatever the day."""
    return load_yaml_catalogue(SMALL_CATALOGUE)


@pytest.fixture
def yearless_catalogue(db):
    return load_yaml_catalogue(YEARLESS_CATALOGUE)


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def small_site(home_page, unit):
    """A site where each item of SMALL_CATALOGUE has a known status (dates around FY2569/2570).

    FY2569 = 1 Oct 2025 – 30 Sep 2026; FY2570 starts 1 Oct 2026.
    """
    about = add_page(home_page, m.AgencyIndexPage, title="ข้อมูลหน่วยงาน", slug="about")
    add_page(
        about,
        m.AgencyInfoPage,
        title="โครงสร้างองค์กร",
        slug="structure",
        topic="structure",
        **metadata(unit, info_period_start=dt.date(2020, 1, 1)),
    )
    add_page(
        about,
        m.AgencyInfoPage,
        title="รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2568",
        slug="annual-report-2568",
        topic="performance",
        **metadata(
            unit, info_period_start=dt.date(2024, 10, 1), info_period_end=dt.date(2025, 9, 30)
        ),
    )
    news = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    add_page(
        news,
        m.NewsPage,
        title="ข่าวกิจกรรมเดือนกันยายน 2569",
        slug="september-news",
        news_kind="general",
        **metadata(unit, info_period_start=dt.date(2026, 9, 15)),
    )
    laws = add_page(home_page, m.LawIndexPage, title="กฎหมาย", slug="laws")
    add_page(
        laws,
        m.LawPage,
        title="พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
        slug="oia-act",
        law_kind="act",
        **metadata(unit, info_period_start=dt.date(1997, 12, 9)),
    )
    stats = m.AgencyDocument(
        title="สถิติเรื่องร้องเรียน ต.ค. 2568 – มี.ค. 2569",
        file=stored("documents/complaints-h1.xlsx"),
        **metadata(
            unit, info_period_start=dt.date(2025, 10, 1), info_period_end=dt.date(2026, 3, 31)
        ),
    )
    stats.save()
    stats.tags.add("สถิติเรื่องร้องเรียน")
    return {"home": home_page, "about": about, "news": news, "laws": laws, "stats": stats}


@pytest.fixture(autouse=True)
def _fresh_oit_cache():
    """Ids repeat between tests (rolled back), so no test may see another's cached report."""
    from prongsai.compliance.cache import _bump

    _bump()
