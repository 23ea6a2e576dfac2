"""Response deadlines in working days (R9), on the Thai government calendar.

Uses the publishing app's calendar (which also knows the agency's extra days off) when it
is available; otherwise weekends and Thai public holidays from the ``holidays`` package.
"""

import datetime as dt

import holidays
from django.conf import settings


def _fallback_add_working_days(start: dt.date, n: int) -> dt.date:
    thai = holidays.Thailand(years=range(start.year, start.year + 2), categories=("public",))
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in thai:
            counted += 1
    return day


def add_working_days(start: dt.date, n: int) -> dt.date:
    try:
        from prongsai.publishing.workdays import add_working_days as publishing_add

        return publishing_add(start, n)
    except ImportError:  # the publishing calendar (AgencyHoliday) has not landed yet
        return _fallback_add_working_days(start, n)


def response_deadline(submitted: dt.date) -> dt.date:
    return add_working_days(submitted, settings.PRONGSAI_QA_RESPONSE_WORKING_DAYS)
