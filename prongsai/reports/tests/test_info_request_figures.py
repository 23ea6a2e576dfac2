"""R16/R35: the periodic report counts information requests (s.11) like the Q&A board: received
in the round, decided by their legal due date or after it, refused in whole or part, and still
undecided past the due date at the round's end. Before, the report had no such figure."""

import datetime as dt

import pytest
import time_machine

from prongsai.inforequests.models import InfoRequest
from prongsai.reports.periods import Period
from prongsai.reports.selectors import compile_figures
from prongsai.reports.tables import report_tables

from .conftest import at

pytestmark = pytest.mark.django_db
R6 = Period(2026, "r6")  # 1 October 2025 – 31 March 2026 (ปีงบประมาณ พ.ศ. 2569, รอบ 6 เดือน)

S = InfoRequest.Status
# reference: (submitted, due, decided, status)
REQUESTS = {
    "before": (at(2025, 9, 30, 23, 59), dt.date(2025, 10, 15), None, S.RECEIVED),
    "first-instant": (
        at(2025, 10, 1, 0, 0),
        dt.date(2025, 10, 16),
        at(2025, 10, 10, 9),
        S.PROVIDED,
    ),
    "refused-late": (at(2026, 1, 5, 9), dt.date(2026, 1, 20), at(2026, 1, 27, 9), S.REFUSED),
    "partly-in-time": (
        at(2026, 2, 2, 9),
        dt.date(2026, 2, 17),
        at(2026, 2, 17, 23, 0),
        S.PARTLY_PROVIDED,
    ),
    "overdue": (at(2026, 3, 10, 9), dt.date(2026, 3, 25), None, S.IN_PROGRESS),
    "decided-after-the-round": (
        at(2026, 3, 20, 9),
        dt.date(2026, 4, 3),
        at(2026, 4, 2, 9),
        S.PROVIDED,
    ),
    "last-instant": (at(2026, 3, 31, 23, 59), dt.date(2026, 4, 21), None, S.RECEIVED),
}


def test_r16_r35_the_report_counts_information_requests_and_their_deadlines(site):
    for number, (reference, (submitted, due, decided, status)) in enumerate(REQUESTS.items()):
        InfoRequest.objects.create(
            reference=f"IR-{number}",
            requester_name="นายทดสอบ ระบบ",
            requester_email="test@example.com",
            subject=reference,
            submitted_at=submitted,
            due_date=due,
            decided_at=decided,
            status=status,
            decision_reason="ข้อมูลตามมาตรา 15" if status == S.REFUSED else "",
        )
    with time_machine.travel(at(2026, 10, 20, 9), tick=False):
        figures = compile_figures(site, R6, today=dt.date(2026, 10, 20))
    assert figures["info_requests"] == {
        "received": 6,  # all but "before"
        "in_time": 2,  # first-instant; partly-in-time decided on its due day (23:00 Bangkok)
        "late": 1,  # refused-late
        "refused": 2,  # refused-late, partly-in-time
        "overdue": 1,  # overdue (due 25 March); last-instant is due after the round
    }
    (summary,) = [table for table in report_tables(figures) if table.key == "summary"]
    rows = dict(map(tuple, summary.rows))
    assert rows["คำขอข้อมูลข่าวสารที่ได้รับ (มาตรา 11)"] == 6
    assert rows["คำขอข้อมูลข่าวสารค้างแจ้งผลเกินกำหนด ณ สิ้นรอบ"] == 1


def test_r35_a_report_approved_before_these_figures_still_renders(site):
    with time_machine.travel(at(2026, 10, 20, 9), tick=False):
        figures = compile_figures(site, R6, today=dt.date(2026, 10, 20))
    del figures["info_requests"]  # a snapshot frozen before this change
    (summary,) = [table for table in report_tables(figures) if table.key == "summary"]
    assert not any("มาตรา 11" in str(row[0]) for row in summary.rows)
