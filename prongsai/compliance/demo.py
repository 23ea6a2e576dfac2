"""Demo: the shipped catalogues plus a few items that make the completeness mix realistic.

The public-website demo (sitepages/demo.py) dates everything in the current fiscal year. Real
agencies also have last year's reports (met for "previous fiscal year" items), last year's
declarations not yet renewed (outdated), a draft linked as evidence too early (missing, with
why), and items that do not apply to them. Idempotent: everything is found by slug or title.
"""

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Page, Site

from prongsai.accounts.models import Unit
from prongsai.core.thaidate import buddhist_year, fiscal_year, fiscal_year_bounds
from prongsai.sitepages import models as m

from .catalogue_io import load_shipped_catalogues
from .models import Catalogue, CatalogueItem, EvidenceLink, NotApplicable
from .services import link_evidence, mark_not_applicable


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
    current = fiscal_year(today)
    previous_start, previous_end = fiscal_year_bounds(current - 1)
    current_start, _end = fiscal_year_bounds(current)
    prev_be, cur_be = buddhist_year(current - 1), buddhist_year(current)

    def meta(start, end=None):
        return {
            "owner_unit": unit,
            "source": unit.name,
            "info_period_start": start,
            "info_period_end": end,
            "published_date": end or start,
        }

    # Met: last fiscal year's annual report (a "previous fiscal year" item).
    _page(
        about,
        m.AgencyInfoPage,
        "annual-report-previous-fy",
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
    # Met: an ethics activity this fiscal year.
    _page(
        news,
        m.NewsPage,
        "ethics-training-current-fy",
        title=f"อบรมส่งเสริมจริยธรรมและประมวลจริยธรรมเจ้าหน้าที่ ปีงบประมาณ พ.ศ. {cur_be}",
        news_kind="training",
        body=_rich("เจ้าหน้าที่ทุกกลุ่มงานร่วมอบรมประมวลจริยธรรมข้าราชการพลเรือน"),
        **meta(current_start + dt.timedelta(days=20)),
    )
    # Outdated: last year's No Gift declaration, not yet renewed this fiscal year.
    _page(
        news,
        m.NewsPage,
        "no-gift-previous-fy",
        title=f"ประกาศเจตนารมณ์ No Gift Policy จากการปฏิบัติหน้าที่ ประจำปีงบประมาณ พ.ศ. {prev_be}",
        news_kind="general",
        body=_rich("ผู้บริหารและเจ้าหน้าที่ทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่"),
        **meta(previous_start + dt.timedelta(days=15)),
    )
    # Outdated: complaint statistics of last year's first half (this year's are due).
    _document(
        f"ข้อมูลสถิติเรื่องร้องเรียนการทุจริต ปีงบประมาณ พ.ศ. {prev_be} (ต.ค.–มี.ค.)",
        f"complaint-statistics-{prev_be}-h1.xlsx",
        [["เดือน", "จำนวนเรื่อง", "แล้วเสร็จ", "อยู่ระหว่างดำเนินการ"], ["ต.ค.–มี.ค.", 0, 0, 0]],
        unit,
        previous_start,
        dt.date(previous_start.year + 1, 3, 31),
        "สถิติเรื่องร้องเรียน",
    )
    # Missing, with why: a draft plan linked as evidence before it was approved and published.
    draft = _page(
        site.root_page,
        m.StandardPage,
        "anti-corruption-plan-draft",
        publish=False,
        title=f"แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {cur_be} (ร่าง)",
        body=_rich("ร่างแผนปฏิบัติการป้องกันการทุจริต รอผู้บริหารอนุมัติ"),
    )
    for slug, code, target, note in [
        ("ita-oit-2569", "O23", draft, "ร่างแผน รออนุมัติ"),
        ("ita-oit-2568", "O25", draft, "ร่างแผน รออนุมัติ"),
        ("gws-2-0", "GWS-2.4", statistics, "ผลสำรวจความพึงพอใจต่อเว็บไซต์อยู่ในหน้าสถิติ"),
        ("ita-oit-2569", "O19", eservice, "ช่องทางรับฟังความคิดเห็นและข้อเสนอแนะของประชาชน"),
    ]:
        item = _item(slug, code)
        if (
            item
            and target
            and not EvidenceLink.objects.filter(item=item, site=site, page=target).exists()
        ):
            link_evidence(user=None, item=item, site=site, page=target, note=note)
    # Not applicable: the agency has no concession contracts.
    concession = _item("oia-2540", "9(6)")
    if concession and not NotApplicable.objects.filter(item=concession, site=site).exists():
        mark_not_applicable(
            user=None,
            item=concession,
            site=site,
            reason="หน่วยงานไม่มีสัญญาสัมปทาน สัญญาผูกขาดตัดตอน หรือสัญญาร่วมทุนกับเอกชน",
        )
    stdout.write(
        f"\nรายการตรวจความครบถ้วน: {Catalogue.objects.count()} รายการ ดูที่ /oit/ และ /admin/compliance/"
    )
    return []
