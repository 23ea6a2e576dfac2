"""Working days on the Thai government calendar (R25).

A working day is Monday–Friday that is neither a Thai public/government holiday (the
``holidays`` package) nor an extra day off the agency declared (AgencyHoliday, e.g. special
holidays announced by the cabinet). Every app may use it (it sits in core); the agency's own
days off are kept by publishing, which registers where to read them (``register_days_off``)
so core imports no app.
"""

import datetime as dt
from functools import lru_cache

import holidays

HOLIDAY_CATEGORIES = ("public", "government")


@lru_cache(maxsize=32)
def _national_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.Thailand(years=year, categories=HOLIDAY_CATEGORIES))


_days_off = None  # a model with ``date`` and ``name``: the agency's extra days off


def register_days_off(model) -> None:
    global _days_off
    _days_off = model


def _agency_holidays(start: dt.date, end: dt.date) -> set[dt.date]:
    if _days_off is None:
        return set()
    return set(
        _days_off.objects.filter(date__gte=start, date__lte=end).values_list("date", flat=True)
    )


def holiday_name(day: dt.date) -> str:
    extra = _days_off.objects.filter(date=day).first() if _days_off is not None else None
    if extra:
        return extra.name
    return holidays.Thailand(years=day.year, categories=HOLIDAY_CATEGORIES).get(day, "")


class _Calendar:
    """Looks up the agency's extra days off once per window instead of once per day."""

    def __init__(self, start: dt.date, end: dt.date):
        self.extra = _agency_holidays(start, end)

    def is_working_day(self, day: dt.date) -> bool:
        return (
            day.weekday() < 5 and day not in _national_holidays(day.year) and day not in self.extra
        )


def is_working_day(day: dt.date) -> bool:
    return _Calendar(day, day).is_working_day(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The date ``n`` working days after ``start`` (``start`` itself is day 0, not counted).

    Approved on Friday with n=3 → due the following Wednesday (if no holiday intervenes).
    """
    if n < 0:
        raise ValueError("n must not be negative")
    # Thai holidays rarely exceed a week in a row (Songkran + weekend); 3n+21 is ample.
    calendar = _Calendar(start, start + dt.timedelta(days=3 * n + 21))
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative if end < start)."""
    if end < start:
        return -working_days_between(end, start)
    calendar = _Calendar(start, end)
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if calendar.is_working_day(start + dt.timedelta(days=offset))
    )
