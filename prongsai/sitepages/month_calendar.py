"""The events calendar's month: weeks from Sunday to Saturday, each day with its events.

The month is chosen by ``?month=YYYY-MM`` (Christian era in the address, as dates are in
addresses everywhere; shown in the Buddhist era). A missing or malformed month is the current
one; the visitor never sees an error for a hand-edited address.
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils import timezone

from prongsai.core.thaidate import MONTHS_LONG, buddhist_year

#: Sunday first, as Thai wall calendars are.
WEEKDAYS = (
    ("อา.", "อาทิตย์"),
    ("จ.", "จันทร์"),
    ("อ.", "อังคาร"),
    ("พ.", "พุธ"),
    ("พฤ.", "พฤหัสบดี"),
    ("ศ.", "ศุกร์"),
    ("ส.", "เสาร์"),
)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
MIN_YEAR, MAX_YEAR = 1950, 2200


@dataclass
class Day:
    date: dt.date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[Day]]
    events: list  # the month's events in order, for the list shown on narrow screens

    @property
    def label(self) -> str:
        return f"{MONTHS_LONG[self.month - 1]} {buddhist_year(self.year)}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def _shifted(self, months: int) -> tuple[int, int]:
        index = self.year * 12 + self.month - 1 + months
        return index // 12, index % 12 + 1

    @property
    def previous_param(self) -> str:
        year, month = self._shifted(-1)
        return f"{year:04d}-{month:02d}"

    @property
    def next_param(self) -> str:
        year, month = self._shifted(1)
        return f"{year:04d}-{month:02d}"

    @property
    def previous_label(self) -> str:
        year, month = self._shifted(-1)
        return f"{MONTHS_LONG[month - 1]} {buddhist_year(year)}"

    @property
    def next_label(self) -> str:
        year, month = self._shifted(1)
        return f"{MONTHS_LONG[month - 1]} {buddhist_year(year)}"


def parse_month(value: str | None, today: dt.date) -> tuple[int, int]:
    match = _MONTH.match((value or "").strip())
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12:
            return year, month
    return today.year, today.month


def month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime]:
    """The month's first and the next month's first instant, in Bangkok time."""
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    zone = timezone.get_current_timezone()
    return (
        dt.datetime.combine(first, dt.time.min, tzinfo=zone),
        dt.datetime.combine(following, dt.time.min, tzinfo=zone),
    )


def build_month(year: int, month: int, events, today: dt.date) -> Month:
    """``events`` have ``starts_at`` and ``ends_at_or_start``; an event spanning several days
    is shown on each of them."""
    weeks = [
        [Day(date, date.month == month, date == today) for date in week]
        for week in calendar.Calendar(firstweekday=calendar.SUNDAY).monthdatescalendar(year, month)
    ]
    days = {day.date: day for week in weeks for day in week}
    grid_start, grid_end = weeks[0][0].date, weeks[-1][-1].date
    in_month = []
    for event in sorted(events, key=lambda event: event.starts_at):
        first = timezone.localtime(event.starts_at).date()
        last = max(first, timezone.localtime(event.ends_at_or_start).date())
        shown = False
        current, last = max(first, grid_start), min(last, grid_end)
        while current <= last:
            if current in days:
                days[current].events.append(event)
                shown = shown or days[current].in_month
            current += dt.timedelta(days=1)
        if shown:
            in_month.append(event)
    return Month(year, month, weeks, in_month)
