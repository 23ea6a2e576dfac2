import datetime as dt

import pytest
import time_machine

from prongsai.core.workdays import add_working_days, is_working_day, working_days_between
from prongsai.policy.testing import set_policy
from prongsai.publishing import services
from prongsai.publishing.models import AgencyHoliday, DeadlineStatus

from .conftest import request_data

BANGKOK = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.django_db
def test_r25_deadline_skips_weekend_and_thai_public_holiday():
    # Fri 1 May 2026 is Labour Day; Mon 4 May is Coronation Day. Approved Thu 30 April:
    # working days after it are Tue 5, Wed 6, Thu 7 May.
    assert not is_working_day(dt.date(2026, 5, 1))
    assert not is_working_day(dt.date(2026, 5, 4))
    assert add_working_days(dt.date(2026, 4, 30), 3) == dt.date(2026, 5, 7)
    assert working_days_between(dt.date(2026, 4, 30), dt.date(2026, 5, 7)) == 3


@pytest.mark.django_db
def test_r25_agency_declared_holiday_is_not_a_working_day():
    assert add_working_days(dt.date(2026, 6, 8), 1) == dt.date(2026, 6, 9)
    AgencyHoliday.objects.create(date=dt.date(2026, 6, 9), name="วันหยุดพิเศษตามมติคณะรัฐมนตรี")
    assert add_working_days(dt.date(2026, 6, 8), 1) == dt.date(2026, 6, 10)


@pytest.mark.django_db
def test_r25_request_due_date_and_status_across_weekend_and_holiday(people, classes):
    """Approved on Thu 30 Apr 2026 → due Thu 7 May (weekend + Labour Day + Coronation Day)."""
    set_policy(publish_deadline_working_days=3)
    with time_machine.travel(dt.datetime(2026, 4, 30, 10, 0, tzinfo=BANGKOK), tick=False):
        request = services.request_submit(people["owner"], data=request_data(classes["general"]))
        request = services.request_approve(people["approver"], request)
    assert request.due_date == dt.date(2026, 5, 7)
    assert request.deadline_status(dt.date(2026, 5, 6)) == DeadlineStatus.ON_TIME
    assert request.deadline_status(dt.date(2026, 5, 7)) == DeadlineStatus.DUE_TODAY
    assert request.deadline_status(dt.date(2026, 5, 8)) == DeadlineStatus.OVERDUE


@pytest.mark.django_db
def test_r25_deadline_working_days_come_from_the_agency_policy(people, classes):
    set_policy(publish_deadline_working_days=1)
    with time_machine.travel(dt.datetime(2026, 4, 30, 10, 0, tzinfo=BANGKOK), tick=False):
        request = services.request_submit(people["owner"], data=request_data(classes["exempt"]))
    assert request.due_date == dt.date(2026, 5, 5)
