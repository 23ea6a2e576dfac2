"""Reporting periods from a site's cadence (R35), on the Thai fiscal year (1 October).

Quarters and halves are the fiscal year's; the fiscal-year rounds of Phang Nga's agencies
(004 §3) are a 6-month round (1 Oct – 31 Mar) and a 12-month round (1 Oct – 30 Sep), so two
reports may be due in one year and the 12-month one covers the 6-month one's months too.
"""

import dataclasses
import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prongsai.core.thaidate import buddhist_year, fiscal_year, fiscal_year_bounds, thai_date


class Cadence(models.TextChoices):
    QUARTERLY = "quarterly", _("ทุก 3 เดือน (รายไตรมาสของปีงบประมาณ)")
    HALF_YEARLY = "half-yearly", _("ทุก 6 เดือน (ครึ่งปีงบประมาณ)")
    FISCAL_ROUNDS = "fiscal-rounds", _("รอบ 6 เดือนและรอบ 12 เดือนของปีงบประมาณ")


class Round(models.TextChoices):
    Q1 = "q1", _("ไตรมาสที่ 1")
    Q2 = "q2", _("ไตรมาสที่ 2")
    Q3 = "q3", _("ไตรมาสที่ 3")
    Q4 = "q4", _("ไตรมาสที่ 4")
    H1 = "h1", _("ครึ่งปีแรก")
    H2 = "h2", _("ครึ่งปีหลัง")
    R6 = "r6", _("รอบ 6 เดือน")
    R12 = "r12", _("รอบ 12 เดือน")


# Month offsets from 1 October (0 = October) for the first and last month of each round.
_ROUND_MONTHS = {
    Round.Q1: (0, 2),
    Round.Q2: (3, 5),
    Round.Q3: (6, 8),
    Round.Q4: (9, 11),
    Round.H1: (0, 5),
    Round.H2: (6, 11),
    Round.R6: (0, 5),
    Round.R12: (0, 11),
}
CADENCE_ROUNDS = {
    Cadence.QUARTERLY: (Round.Q1, Round.Q2, Round.Q3, Round.Q4),
    Cadence.HALF_YEARLY: (Round.H1, Round.H2),
    Cadence.FISCAL_ROUNDS: (Round.R6, Round.R12),
}


def _month(fy: int, offset: int) -> dt.date:
    start, _end = fiscal_year_bounds(fy)
    month = start.month - 1 + offset
    return dt.date(start.year + month // 12, month % 12 + 1, 1)


def _month_end(first: dt.date) -> dt.date:
    return (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


@dataclasses.dataclass(frozen=True, order=True)
class Period:
    fiscal_year: int  # Christian era, as prongsai.core.thaidate uses
    round: str

    @property
    def start(self) -> dt.date:
        return _month(self.fiscal_year, _ROUND_MONTHS[self.round][0])

    @property
    def end(self) -> dt.date:
        return _month_end(_month(self.fiscal_year, _ROUND_MONTHS[self.round][1]))

    @property
    def label(self) -> str:
        return f"{Round(self.round).label} ปีงบประมาณ พ.ศ. {buddhist_year(self.fiscal_year)}"

    @property
    def range_label(self) -> str:
        return f"{thai_date(self.start)} – {thai_date(self.end)}"

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[first moment, first moment after) of the period in Asia/Bangkok, for timestamps."""
        tz = timezone.get_current_timezone()
        return (
            dt.datetime.combine(self.start, dt.time.min, tzinfo=tz),
            dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
        )

    def has_ended(self, today: dt.date | None = None) -> bool:
        return (today or timezone.localdate()) > self.end

    def months(self) -> list[dt.date]:
        first, last = _ROUND_MONTHS[self.round]
        return [_month(self.fiscal_year, offset) for offset in range(first, last + 1)]


def periods_of_year(cadence: str, fy: int) -> list[Period]:
    return [Period(fy, round_) for round_ in CADENCE_ROUNDS[Cadence(cadence)]]


def period_containing(cadence: str, day: dt.date) -> Period:
    """The (shortest) period of ``cadence`` that contains ``day``: the one being reported live."""
    candidates = [p for p in periods_of_year(cadence, fiscal_year(day)) if p.start <= day <= p.end]
    return min(candidates, key=lambda p: p.end)


def latest_ended(cadence: str, today: dt.date | None = None) -> list[Period]:
    """The last ended period of each series: one series, or two for the fiscal-year rounds."""
    series: dict[str, Period] = {}
    for period in recent_periods(cadence, today):
        key = period.round if cadence == Cadence.FISCAL_ROUNDS else cadence
        series.setdefault(key, period)
    return sorted(series.values())


def recent_periods(cadence: str, today: dt.date | None = None, years: int = 2) -> list[Period]:
    """Periods of the last ``years`` fiscal years that have ended, newest first (for choosing)."""
    today = today or timezone.localdate()
    fy = fiscal_year(today)
    found = [
        period
        for year in range(fy - years + 1, fy + 1)
        for period in periods_of_year(cadence, year)
        if period.has_ended(today)
    ]
    return sorted(found, key=lambda p: (p.end, p.start), reverse=True)
