"""Reads: how complete a site is against a catalogue (R34), item by item."""

import dataclasses
import datetime as dt
import heapq
from collections import Counter

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prongsai.core.thaidate import (
    BUDDHIST_ERA_OFFSET,
    buddhist_year,
    fiscal_year,
    fiscal_year_bounds,
    thai_date,
)

from .evidence import Evidence, SiteContent, linked_evidence
from .models import Catalogue, CatalogueItem, EvidenceLink, NotApplicable
from .rules import PeriodRule

MAX_LINKS_PER_ITEM = 10  # the assessor needs a few good links, not every news item of the year


class Status(models.TextChoices):
    MET = "met", _("ครบถ้วน")
    OUTDATED = "outdated", _("ไม่เป็นปัจจุบัน")
    MISSING = "missing", _("ยังไม่มี")
    NOT_APPLICABLE = "not-applicable", _("ไม่เกี่ยวข้อง")


@dataclasses.dataclass(frozen=True)
class Period:
    """The window an item's evidence must fall in, for the fiscal year being checked."""

    rule: str
    fiscal_year: int  # Christian era, as thaidate uses

    @property
    def bounds(self) -> tuple[dt.date, dt.date] | None:
        start, end = fiscal_year_bounds(self.fiscal_year)
        if self.rule == PeriodRule.CURRENT_FY:
            return start, end
        if self.rule == PeriodRule.PREVIOUS_FY:
            return fiscal_year_bounds(self.fiscal_year - 1)
        if self.rule == PeriodRule.FIRST_HALF_CURRENT_FY:
            return start, dt.date(self.fiscal_year, 3, 31)
        return None  # always / at least N

    def covers(self, evidence: Evidence, bounds=False) -> bool:
        """``bounds`` may be passed in when checking many pieces against one period."""
        if bounds is False:
            bounds = self.bounds
        if bounds is None or evidence.kind == "path":
            return True
        if evidence.start is None:
            return False
        return evidence.start <= bounds[1] and (evidence.end or evidence.start) >= bounds[0]

    @property
    def label(self) -> str:
        fy = buddhist_year(self.fiscal_year)
        if self.rule == PeriodRule.CURRENT_FY:
            return f"ข้อมูลปีงบประมาณ พ.ศ. {fy}"
        if self.rule == PeriodRule.PREVIOUS_FY:
            return f"ข้อมูลปีงบประมาณ พ.ศ. {fy - 1}"
        if self.rule == PeriodRule.FIRST_HALF_CURRENT_FY:
            start, end = self.bounds
            return f"ข้อมูลครึ่งปีแรกของปีงบประมาณ พ.ศ. {fy} ({thai_date(start, short=True)} – {thai_date(end, short=True)})"
        return ""


@dataclasses.dataclass
class ItemResult:
    item: CatalogueItem
    status: str
    reason: str
    evidence: list[Evidence]  # accepted and in period: what the OIT page links to
    other: list[Evidence]  # found but not counted: wrong period, unpublished, expired

    @property
    def status_label(self) -> str:
        return Status(self.status).label


@dataclasses.dataclass(frozen=True)
class Tally:
    met: int
    outdated: int
    missing: int
    not_applicable: int


def assessed_fiscal_year(catalogue: Catalogue, today: dt.date) -> int:
    """The fiscal year (Christian era) whose evidence ``catalogue`` asks for.

    An ITA/OIT list belongs to its assessment year: ITA 2569 assesses FY2569 (1 Oct 2568 –
    30 Sep 2569), so its "current fiscal year" stays FY2569 after 1 October 2569 (standards.md
    §3.1, ADR 0036). Lists without a year (GWS, OIA) follow the fiscal year containing today.
    """
    if catalogue.fiscal_year:
        return catalogue.fiscal_year - BUDDHIST_ERA_OFFSET
    return fiscal_year(today)


@dataclasses.dataclass
class CompletenessReport:
    catalogue: Catalogue
    site: object
    today: dt.date
    fiscal_year: int  # Christian era: the year the catalogue's periods refer to
    results: list[ItemResult]

    @property
    def fiscal_year_be(self) -> int:
        return buddhist_year(self.fiscal_year)

    @property
    def fiscal_year_state(self) -> str:
        """ "past", "current" or "future" compared with the fiscal year containing ``today``."""
        today_fy = fiscal_year(self.today)
        if self.fiscal_year < today_fy:
            return "past"
        return "future" if self.fiscal_year > today_fy else "current"

    @property
    def fiscal_year_note(self) -> str:
        """Why the year shown may differ from today's (for the dashboard and the OIT page)."""
        state = self.fiscal_year_state
        if state == "past":
            return "รอบการประเมินของปีงบประมาณที่ผ่านมา หลักฐานต้องเป็นข้อมูลของปีงบประมาณนั้น"
        if state == "future":
            return "ปีงบประมาณที่ประเมินยังไม่เริ่ม หลักฐานของปีนั้นจึงยังไม่มี"
        return ""

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(result.status for result in self.results)
        return {status: counter.get(status, 0) for status in Status.values}

    @property
    def tally(self) -> "Tally":
        counts = self.counts
        return Tally(
            counts[Status.MET],
            counts[Status.OUTDATED],
            counts[Status.MISSING],
            counts[Status.NOT_APPLICABLE],
        )

    @property
    def applicable(self) -> int:
        return len(self.results) - self.counts[Status.NOT_APPLICABLE]

    @property
    def score(self) -> float:
        """Percentage of applicable items that are met."""
        if not self.applicable:
            return 100.0
        return round(100 * self.counts[Status.MET] / self.applicable, 1)

    @property
    def gaps(self) -> list[ItemResult]:
        return [r for r in self.results if r.status in (Status.MISSING, Status.OUTDATED)]

    def by_group(self) -> list[tuple[str, list[ItemResult]]]:
        groups: dict[str, list[ItemResult]] = {}
        for result in self.results:
            groups.setdefault(result.item.group or "", []).append(result)
        return list(groups.items())


def _newest(evidence: list[Evidence], limit: int = MAX_LINKS_PER_ITEM) -> list[Evidence]:
    """The ``limit`` links to show: explicit links first, then the newest information."""
    return heapq.nlargest(
        limit, evidence, key=lambda e: (e.linked, e.start or dt.date.min, e.pk or 0)
    )


def _fiscal_years_label(evidence: list[Evidence]) -> str:
    years = sorted({buddhist_year(fiscal_year(e.start)) for e in evidence if e.start}, reverse=True)
    if not years:
        return ""
    return "ปีงบประมาณ พ.ศ. " + ", ".join(str(y) for y in years[:3])


def _evaluate(
    item: CatalogueItem, found: list[Evidence], period: Period, na_reason: str | None
) -> ItemResult:
    if na_reason is not None:
        return ItemResult(item, Status.NOT_APPLICABLE, na_reason, [], [])
    unique: dict = {}
    for evidence in found:  # a linked copy wins over the same content found by a rule
        if evidence.linked or evidence.key not in unique:
            unique[evidence.key] = evidence
    bounds = period.bounds
    in_period, out_of_period, rejected = [], [], []
    for evidence in unique.values():
        if evidence.problem:
            rejected.append(evidence)
        elif period.covers(evidence, bounds):
            in_period.append(evidence)
        else:
            out_of_period.append(evidence)
    needed = max(item.min_count, 1)
    other = _newest(out_of_period) + rejected[:MAX_LINKS_PER_ITEM]
    if len(in_period) >= needed:
        reason = f"พบหลักฐาน {len(in_period)} รายการ"
        if period.label:
            reason += f" ({period.label})"
        return ItemResult(item, Status.MET, reason, _newest(in_period), other)
    if in_period:
        reason = f"พบหลักฐานเพียง {len(in_period)} จาก {needed} รายการที่กำหนด"
        return ItemResult(item, Status.MISSING, reason, _newest(in_period), other)
    if out_of_period:
        found_label = _fiscal_years_label(out_of_period) or "ไม่ระบุวันที่ของข้อมูล"
        reason = f"มีหลักฐานแต่ไม่ตรงช่วงเวลา: ต้องเป็น{period.label} พบเพียง{found_label}"
        return ItemResult(item, Status.OUTDATED, reason, [], other)
    if rejected:
        why = "; ".join(f"“{e.title}” {e.problem}" for e in rejected[:3])
        status = Status.OUTDATED if any("หมดอายุ" in e.problem for e in rejected) else Status.MISSING
        return ItemResult(item, status, f"ลิงก์หลักฐานใช้ไม่ได้: {why}", [], other)
    return ItemResult(item, Status.MISSING, "ไม่พบเนื้อหาที่ตรงเกณฑ์ และยังไม่ได้กำหนดลิงก์หลักฐาน", [], [])


def catalogue_completeness(
    catalogue: Catalogue, site, today: dt.date | None = None, *, content: SiteContent | None = None
) -> CompletenessReport:
    """Each item of ``catalogue`` on ``site``: met / outdated / missing / not applicable.

    Periods refer to the catalogue's assessed fiscal year (``assessed_fiscal_year``); whether a
    page or document is published, expired or restricted is judged at ``today``.
    """
    today = today or timezone.localdate()
    current_fy = assessed_fiscal_year(catalogue, today)
    content = content or site_content(site, today)
    items = list(catalogue.items.all())
    links = list(EvidenceLink.objects.filter(item__catalogue=catalogue, site=site))
    linked = linked_evidence(links, content)
    not_applicable = dict(
        NotApplicable.objects.filter(item__catalogue=catalogue, site=site).values_list(
            "item_id", "reason"
        )
    )
    results = []
    for item in items:
        found = [*content.match(item.rule or {}), *linked.get(item.pk, [])]
        period = Period(item.period, current_fy)
        results.append(_evaluate(item, found, period, not_applicable.get(item.pk)))
    return CompletenessReport(catalogue, site, today, current_fy, results)


def site_content(site, today: dt.date | None = None) -> SiteContent:
    """The site's pages and documents as judged at ``today`` (now, or another day's noon), to
    check several catalogues against without reading them again."""
    today = today or timezone.localdate()
    if today == timezone.localdate():
        now = timezone.now()
    else:  # checking another day (tests, "what will be missing on 1 October?"): its noon
        now = timezone.make_aware(dt.datetime.combine(today, dt.time(12, 0)))
    return SiteContent(site, now=now)


def active_catalogues():
    return Catalogue.objects.filter(is_active=True)


def catalogue_by_slug(slug: str) -> Catalogue | None:
    return Catalogue.objects.filter(slug=slug).first()
