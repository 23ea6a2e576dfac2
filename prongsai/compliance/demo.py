"""Demo: the shipped catalogues plus content that makes each list's completeness realistic.

An ITA list checks the fiscal year of its assessment year (ADR 0036): in November 2569 the ITA 2569
list still asks for FY2569 evidence, while the public-website demo (sitepages/demo.py) dates its
content in today's fiscal year. So for every active ITA list up to today's fiscal year the demo
adds what an agency publishes during that year — news, the annual plan and budget, the HR plan,
an ethics training, complaint statistics for the first half, the previous year's annual and
procurement reports — and the previous year's No Gift declaration only (so the item is outdated
until this year's is published). The latest list also gets a draft plan linked too early
(missing, with why). Lists without a year (GWS, OIA) follow today's fiscal year: an expired
security policy document is kept beside the current policy page, and GWS-3.1 (online
registration) is not applicable.
Idempotent: everything is found by slug or title.
"""

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Page, Site

from prongsai.accounts.models import Unit
from prongsai.core.thaidate import (
    BUDDHIST_ERA_OFFSET,
    buddhist_year,
    fiscal_year,
    fiscal_year_bounds,
)
from prongsai.sitepages import models as m

from .catalogue_io import load_shipped_catalogues
from .models import Catalogue, CatalogueItem, EvidenceLink, NotApplicable, Scheme
from .services import clear_not_applicable, link_evidence, mark_not_applicable

EXPIRED_POLICY_TITLE = "นโยบายการรักษาความมั่นคงปลอดภัยเว็บไซต์"


def _rich(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def _page(parent, cls, slug, *, publish=True, **fields):
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing.specific
    page = cls(slug=slug, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return page


def _xlsx(rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _document(title, filename, rows, unit, start, end, tag):
    document = m.AgencyDocument.objects.filter(title=title).first()
    if document is None:
        content = _xlsx(rows)
        document = m.AgencyDocument(
            title=title,
            owner_unit=unit,
            source=unit.name,
            info_period_start=start,
            info_period_end=end,
            published_date=end,
        )
        document.file.save(filename, ContentFile(content), save=False)
        document.file_size = len(content)
        document.save()
        document.tags.add(tag)
    return document


def _item(slug, code):
    return CatalogueItem.objects.filter(catalogue__slug=slug, code=code).first()


def _assessment_years(today_fy: int) -> list[int]:
    """Fiscal years (Christian era) of the active ITA lists that have started, oldest first."""
    years = Catalogue.objects.filter(is_active=True, fiscal_year__isnull=False).values_list(
        "fiscal_year", flat=True
    )
    return sorted(
        {be - BUDDHIST_ERA_OFFSET for be in years if be - BUDDHIST_ERA_OFFSET <= today_fy}
    )


def _year_content(year: int, *, news, about, unit, latest: bool) -> None:
    """What an agency publishes during fiscal year ``year`` (Christian era)."""
    start, end = fiscal_year_bounds(year)
    previous_start, previous_end = fiscal_year_bounds(year - 1)
    be, prev_be = buddhist_year(year), buddhist_year(year - 1)

    def meta(first, last=None):
        return {
            "owner_unit": unit,
            "source": unit.name,
            "info_period_start": first,
            "info_period_end": last,
            "published_date": last or first,
        }

    _page(
        news,
        m.NewsPage,
        f"agency-day-{be}",
        title=f"กิจกรรมวันคล้ายวันสถาปนาหน่วยงาน ประจำปีงบประมาณ พ.ศ. {be}",
        news_kind="general",
        body=_rich("ผู้บริหารและเจ้าหน้าที่ร่วมทำบุญและมอบทุนการศึกษาแก่นักเรียนในพื้นที่"),
        **meta(start + dt.timedelta(days=45)),
    )
    _page(
        about,
        m.AgencyInfoPage,
        f"action-plan-{be}",
        title=f"แผนปฏิบัติการและงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {be}",
        topic="budget",
        body=_rich("โครงการ งบประมาณที่ได้รับจัดสรร และระยะเวลาดำเนินการของแต่ละโครงการ"),
        **meta(start, end),
    )
    _page(
        about,
        m.AgencyInfoPage,
        f"hr-plan-{be}",
        title=f"แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. {be}",
        topic="other",
        body=_rich("หลักเกณฑ์การสรรหา การพัฒนา การประเมินผล และการเสริมสร้างขวัญกำลังใจ"),
        **meta(start, end),
    )
    _page(
        news,
        m.NewsPage,
        f"ethics-training-{be}",
        title=f"อบรมส่งเสริมจริยธรรมและประมวลจริยธรรมเจ้าหน้าที่ ปีงบประมาณ พ.ศ. {be}",
        news_kind="training",
        body=_rich("เจ้าหน้าที่ทุกกลุ่มงานร่วมอบรมประมวลจริยธรรมข้าราชการพลเรือน"),
        **meta(start + dt.timedelta(days=20)),
    )
    _document(
        f"ข้อมูลสถิติเรื่องร้องเรียนการทุจริต ปีงบประมาณ พ.ศ. {be} (ต.ค.–มี.ค.)",
        f"complaint-statistics-{be}-h1.xlsx",
        [["เดือน", "จำนวนเรื่อง", "แล้วเสร็จ", "อยู่ระหว่างดำเนินการ"], ["ต.ค.–มี.ค.", 0, 0, 0]],
        unit,
        start,
        dt.date(year, 3, 31),
        "สถิติเรื่องร้องเรียน",
    )
    # Reports of the year before ("previous fiscal year" items).
    _page(
        about,
        m.AgencyInfoPage,
        f"annual-report-{prev_be}",
        title=f"รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. {prev_be}",
        topic="performance",
        body=_rich("ผลการดำเนินโครงการ การใช้จ่ายงบประมาณ ปัญหา อุปสรรค และแนวทางแก้ไข"),
        **meta(previous_start, previous_end),
    )
    _document(
        f"รายงานสรุปผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. {prev_be}",
        f"procurement-annual-report-{prev_be}.xlsx",
        [["เดือน", "จำนวนโครงการ", "วงเงิน (บาท)"], ["ตุลาคม", 12, 1850000], ["พฤศจิกายน", 9, 920000]],
        unit,
        previous_start,
        previous_end,
        "รายงานจัดซื้อจัดจ้างประจำปี",
    )
    # Only the previous year's No Gift declaration: this year's is not published yet (outdated).
    _page(
        news,
        m.NewsPage,
        f"no-gift-{prev_be}",
        title=f"ประกาศเจตนารมณ์ No Gift Policy จากการปฏิบัติหน้าที่ ประจำปีงบประมาณ พ.ศ. {prev_be}",
        news_kind="general",
        body=_rich("ผู้บริหารและเจ้าหน้าที่ทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่"),
        **meta(previous_start + dt.timedelta(days=15)),
    )
    if not latest:  # the latest year's plan is still a draft (below)
        _page(
            about,
            m.AgencyInfoPage,
            f"anti-corruption-plan-{be}",
            title=f"แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {be}",
            topic="other",
            body=_rich("มาตรการ โครงการ และตัวชี้วัดการป้องกันการทุจริตของหน่วยงาน"),
            **meta(start, end),
        )


def load(stdout):
    load_shipped_catalogues(only_missing=True)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    news = Page.objects.type(m.NewsIndexPage).first()
    about = Page.objects.type(m.AgencyIndexPage).first()
    eservice = m.EServicePage.objects.filter(slug="complaints").first()
    statistics = m.StatisticsPage.objects.first()
    if site is None or news is None or about is None:
        stdout.write("compliance demo: ไม่พบเว็บไซต์ตัวอย่าง ข้าม")
        return []
    unit = Unit.objects.filter(code="admin").first() or Unit.objects.first()
    today = timezone.localdate()
    years = _assessment_years(fiscal_year(today)) or [fiscal_year(today)]
    latest = years[-1]
    for year in years:
        _year_content(year, news=news, about=about, unit=unit, latest=year == latest)
    # Missing, with why: the latest year's plan linked as evidence before it was approved.
    draft = _page(
        site.root_page,
        m.StandardPage,
        f"anti-corruption-plan-draft-{buddhist_year(latest)}",
        publish=False,
        title=f"แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {buddhist_year(latest)} (ร่าง)",
        body=_rich("ร่างแผนปฏิบัติการป้องกันการทุจริต รอผู้บริหารอนุมัติ"),
    )
    latest_ita = (
        Catalogue.objects.filter(
            scheme=Scheme.ITA_OIT, fiscal_year=buddhist_year(latest), is_active=True
        )
        .order_by("-year")
        .first()
    )
    links = [
        ("gws-2-0", "GWS-2.4", statistics, "ผลสำรวจความพึงพอใจต่อเว็บไซต์อยู่ในหน้าสถิติ"),
        ("ita-oit-2569", "O19", eservice, "ช่องทางรับฟังความคิดเห็นและข้อเสนอแนะของประชาชน"),
    ]
    plan_item = (
        latest_ita and latest_ita.items.filter(title_th__contains="แผนปฏิบัติการป้องกันการทุจริต").first()
    )
    if plan_item:
        links.append((latest_ita.slug, plan_item.code, draft, "ร่างแผน รออนุมัติ"))
    for slug, code, target, note in links:
        item = _item(slug, code)
        if (
            item
            and target
            and not EvidenceLink.objects.filter(item=item, site=site, page=target).exists()
        ):
            link_evidence(user=None, item=item, site=site, page=target, note=note)
    # An old website security policy whose publication period ended (the policy page of the
    # public-site demo is the current one).
    now = timezone.now()
    policy = m.AgencyDocument.objects.filter(title__startswith=EXPIRED_POLICY_TITLE).first()
    if policy is None:
        policy = _document(
            f"{EXPIRED_POLICY_TITLE} (ฉบับ พ.ศ. {buddhist_year(today) - 3})",
            "website-security-policy-old.xlsx",
            [["หัวข้อ", "รายละเอียด"], ["การสำรองข้อมูล", "ทุกวัน"]],
            unit,
            today - dt.timedelta(days=3 * 365),
            today - dt.timedelta(days=3 * 365),
            "นโยบายเว็บไซต์",
        )
        policy.publish_until = now - dt.timedelta(days=30)
        policy.save(update_fields=["publish_until"])
    # Not applicable: citizens use every e-service without an account (they follow a request
    # by its reference number), so there is no online registration to assess.
    registration = _item("gws-2-0", "GWS-3.1")
    if registration and not NotApplicable.objects.filter(item=registration, site=site).exists():
        mark_not_applicable(
            user=None,
            item=registration,
            site=site,
            reason="ประชาชนใช้บริการออนไลน์ทุกบริการได้โดยไม่ต้องสมัครสมาชิก และติดตามเรื่องด้วยเลขที่อ้างอิง",
        )
    # 9(6) has its page now (the demo's contracts); a demo loaded before that marked it not
    # applicable, which would hide the page from the check.
    concession = _item("oia-2540", "9(6)")
    if concession and m.OIAItemPage.objects.live().filter(oia_item="9(6)").exists():
        clear_not_applicable(user=None, item=concession, site=site)
    stdout.write(
        f"\nรายการตรวจความครบถ้วน: {Catalogue.objects.count()} รายการ ดูที่ /oit/ และ /admin/compliance/"
    )
    return []
