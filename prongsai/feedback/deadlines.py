"""Response deadlines in working days (R9), on the Thai government calendar.

The calendar is core's (weekends, Thai public holidays and the agency's own
days off), so a question's deadline and a publication deadline count the same days.
"""

import datetime as dt

from django.conf import settings

from prongsai.core.workdays import add_working_days


def response_deadline(submitted: dt.date) -> dt.date:
    return add_working_days(submitted, settings.PRONGSAI_QA_RESPONSE_WORKING_DAYS)
