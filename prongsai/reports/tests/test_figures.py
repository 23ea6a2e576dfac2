"""R35/R37: each figure of a report equals an independent count of the records in HISTORY.

The expected numbers are counted here from the plan in conftest.py with plain date
comparisons in Asia/Bangkok (not the selectors' half-open timestamp ranges), and the boundary
instants (23:59 on 31 March and 30 September, 00:00 on 1 April and 1 October) are asserted by
name too, so a figure that used UTC days or the wrong fiscal year fails.
"""

import datetime as dt

import pytest
import time_machine

from prongsai.core.workdays import working_days_between
from prongsai.publishing.models import Action
from prongsai.reports.periods import Period
from prongsai.reports.selectors import compile_figures

from .conftest import (
    BKK,
    EXPIRED,
    PAGE_VIEWS,
    PAGES,
    QUESTIONS,
    REQUESTS,
    RESPONSES,
    RUNS,
    SIGNOFFS,
    SUMMARIES,
    VERBAL,
    at,
)

pytestmark = pytest.mark.django_db
R6 = Period(2026, "r6")  # รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2569: 1 Oct 2025 – 31 Mar 2026
R12 = Period(2026, "r12")  # รอบ 12 เดือน ปีงบประมาณ พ.ศ. 2569: 1 Oct 2025 – 30 Sep 2026
AFTER_R12 = dt.date(2026, 10, 20)


def day_of(when: dt.datetime) -> dt.date:
    return when.astimezone(BKK).date()


def inside(when, period) -> bool:
    if when is None:
        return False
    day = day_of(when) if isinstance(when, dt.datetime) else when
    return period.start <= day <= period.end


@pytest.fixture
def frozen():
    with time_machine.travel(at(2026, 10, 20, 9), tick=False):
        yield


def figures(site, period, today=AFTER_R12):
    return compile_figures(site, period, today=today)


@pytest.mark.parametrize("period", [R6, R12])
def test_r35_published_items_by_category_and_unit(history, site, frozen, period):
    f = figures(site, period)["published"]
    expected = [key for key, (when, _u) in PAGES.items() if inside(when, period)]
    assert f["total"] == len(expected)
    assert f["by_category"] == [["news", "ข่าวประชาสัมพันธ์", len(expected)]]
    names = {"u1": "กลุ่มงานประชาสัมพันธ์", "u2": "กองคลัง"}
    counted = {}
    for key in expected:
        counted[names[PAGES[key][1]]] = counted.get(names[PAGES[key][1]], 0) + 1
    assert dict(map(tuple, f["by_unit"])) == counted


def test_r35_boundary_instants_fall_in_the_right_round(history, site, frozen):
    six, twelve = figures(site, R6), figures(site, R12)
    # p1 (1 Oct 2025 00:00:30) and p2 (31 Mar 2026 23:59) are in the 6-month round; p3
    # (1 Apr 2026 00:00) only in the 12-month one; p0 (30 Sep 2025) and p4 (1 Oct 2026) in neither.
    assert six["published"]["total"] == 2
    assert twelve["published"]["total"] == 3
    # Requests b (1 Oct 2025 00:00) and c (31 Mar 2026 23:59) are submitted in the round, a is not.
    assert six["requests"]["submitted"] == 3
    assert twelve["requests"]["submitted"] == 5  # e at 30 Sep 2026 23:59 is in, f (1 Oct) is not


@pytest.mark.parametrize("period", [R6, R12])
def test_r35_requests_by_outcome_class_and_month(history, site, frozen, period):
    f = figures(site, period)["requests"]
    submitted = [k for k, p in REQUESTS.items() if inside(p["submitted"], period)]
    approved = [k for k, p in REQUESTS.items() if inside(p.get("approved"), period)]
    published = [k for k, p in REQUESTS.items() if inside(p.get("published"), period)]
    events = [(k, a, w, r) for k, p in REQUESTS.items() for a, w, r in p.get("events", [])]
    rejected = [e for e in events if e[1] == Action.REJECTED and inside(e[2], period)]
    returned = [e for e in events if e[1] == Action.RETURNED and inside(e[2], period)]
    assert (f["submitted"], f["approved"], f["published"]) == (
        len(submitted),
        len(approved),
        len(published),
    )
    assert f["rejected"] == len(rejected)
    assert f["returned"] == len(returned)
    assert [row[2] for row in f["rejections"]] == [e[3] for e in rejected]
    for name, code in (("ข่าวทั่วไป", "general"), ("ข้อมูลที่ต้องให้ผู้บริหารอนุมัติ", "executive")):
        row = next((r for r in f["by_class"] if r[0] == name), [name, 0, 0, 0, 0])
        assert row[1] == sum(1 for k in submitted if REQUESTS[k]["cls"] == code)
        assert row[2] == sum(1 for k in approved if REQUESTS[k]["cls"] == code)
        assert row[3] == sum(1 for e in rejected if REQUESTS[e[0]]["cls"] == code)
    months = {iso: n for iso, _label, n in f["per_month"]}
    assert len(months) == len(period.months())
    for first in period.months():
        assert months[first.isoformat()] == sum(
            1 for k in submitted if day_of(REQUESTS[k]["submitted"]).replace(day=1) == first
        )


def test_r35_fiscal_year_2570_starts_on_1_october(history, site):
    with time_machine.travel(at(2026, 10, 9, 9), tick=False):
        f = compile_figures(site, Period(2027, "r6"), today=dt.date(2026, 10, 9))
    assert f["period"]["label"] == "รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2570"
    assert f["period"]["complete"] is False
    assert f["requests"]["submitted"] == 1  # f, 1 Oct 2026 00:00
    assert f["requests"]["returned"] == 1
    assert f["published"]["total"] == 1  # p4
    # e was due 5 Oct 2026 (FY2570) and never published: overdue in the running round.
    assert f["deadline"]["overdue"] == 1
    assert f["deadline"]["worst"][0][0] == "PR-{:05d}".format(history["requests"]["e"].pk)


@pytest.mark.parametrize("period", [R6, R12])
def test_r35_deadline_compliance_judged_at_the_period_end(history, site, frozen, period):
    f = figures(site, period)["deadline"]
    on_time = late = overdue = 0
    for plan in REQUESTS.values():
        due = plan.get("due")
        if not inside(due, period):
            continue
        published = plan.get("published")
        if published and day_of(published) <= period.end:
            on_time += day_of(published) <= due
            late += day_of(published) > due
        elif due < period.end:
            overdue += 1
    assert (f["on_time"], f["late"], f["overdue"]) == (on_time, late, overdue)
    # The 6-month round ends with g unpublished (published 2 April): overdue, not late.
    if period == R6:
        assert (f["on_time"], f["late"], f["overdue"]) == (1, 0, 1)
        g = history["requests"]["g"]
        assert f["worst"][0][0] == g.number
        assert f["worst"][0][4] == working_days_between(dt.date(2026, 3, 19), dt.date(2026, 3, 31))
    else:
        assert (f["on_time"], f["late"], f["overdue"]) == (1, 2, 0)


@pytest.mark.parametrize("period", [R6, R12])
def test_r35_verbal_approvals_confirmed_in_time(history, site, frozen, period):
    f = figures(site, period)["verbal"]
    recorded = [(r, c) for r, c in VERBAL.values() if inside(r, period)]
    unconfirmed = [1 for r, c in recorded if not inside(c, period)]
    in_time = [
        1
        for r, c in recorded
        if inside(c, period) and working_days_between(day_of(r), day_of(c)) <= f["limit_days"]
    ]
    assert f["recorded"] == len(recorded)
    assert f["unconfirmed"] == len(unconfirmed)
    assert f["in_time"] == len(in_time)
    assert f["late"] == len(recorded) - len(unconfirmed) - len(in_time)


def test_r35_reviews_done_overdue_escalated_by_unit(history, site, frozen):
    six = {row[0]: row[1:] for row in figures(site, R6)["reviews"]["by_unit"]}
    # p1 (กลุ่มงานประชาสัมพันธ์): reviewed 15 Jan, next due 15 Apr, escalated 31 Mar 20:00.
    # p2 (กองคลัง): due 1 Mar, never reviewed; escalated 1 Apr 00:00:01 (the 12-month round).
    assert six == {"กลุ่มงานประชาสัมพันธ์": [1, 0, 1], "กองคลัง": [0, 1, 0]}
    twelve = {row[0]: row[1:] for row in figures(site, R12)["reviews"]["by_unit"]}
    assert twelve == {"กลุ่มงานประชาสัมพันธ์": [1, 1, 1], "กองคลัง": [0, 1, 1]}


@pytest.mark.parametrize("period", [R6, R12])
def test_r35_daily_checks_signed_missed_and_problems(history, site, frozen, period):
    f = figures(site, period)["daily"]
    signed = {d: n for d, n in SIGNOFFS.items() if inside(d, period)}
    working = working_days_between(period.start - dt.timedelta(days=1), period.end)
    assert f["signed"] == len(signed)
    assert f["problems"] == sum(signed.values())
    assert f["missed"] == working - len(signed)  # every signed day in HISTORY is a working day


@pytest.mark.parametrize("period", [R6, R12])
def test_r35_expired_items_and_traffic_integrity(history, site, frozen, period):
    f = figures(site, period)
    assert f["expiry"]["expired"] == sum(1 for when in EXPIRED if inside(when, period))
    runs = {d: findings for d, findings in RUNS.items() if inside(d, period)}
    assert f["traffic"]["checked"] == len(runs)
    assert f["traffic"]["passed"] == sum(1 for findings in runs.values() if not findings)


def test_r35_taken_down_pages_are_counted_in_their_round(history, site):
    page = history["pages"]["p3"]
    with time_machine.travel(at(2026, 5, 1, 9), tick=False):
        page.unpublish()
    with time_machine.travel(at(2026, 10, 20, 9), tick=False):
        assert figures(site, R12)["expiry"]["taken_down"] == 1
        assert figures(site, R6)["expiry"]["taken_down"] == 0


@pytest.mark.parametrize("period", [R6, R12])
def test_r37_visitors_and_most_read_pages(history, site, frozen, period):
    f = figures(site, period)["visitors"]
    days = {d: v for d, v in SUMMARIES.items() if inside(d, period)}
    assert f["views"] == sum(v for v, _ in days.values())
    assert f["visitors"] == sum(n for _, n in days.values())
    totals = {}
    for day, path, _title, views in PAGE_VIEWS:
        if inside(day, period):
            totals[path] = totals.get(path, 0) + views
    assert [(row[1], row[2]) for row in f["top_pages"]] == sorted(
        totals.items(), key=lambda kv: (-kv[1], kv[0])
    )


@pytest.mark.parametrize("period", [R6, R12])
def test_r37_satisfaction_by_question_with_answer_counts(history, site, frozen, period):
    f = figures(site, period)["satisfaction"]
    chosen = [scores for when, scores in RESPONSES if inside(when, period)]
    assert f["responses"] == len(chosen)
    for text, key in (("ความพึงพอใจต่อเนื้อหา", "q1"), ("ความสะดวกในการค้นหา", "q2")):
        scores = [s[key] for s in chosen if key in s]
        row = next(r for r in f["per_question"] if r[0] == text)
        assert row[1] == len(scores)
        assert row[2] == round(sum(scores) / len(scores), 2)


@pytest.mark.parametrize("period", [R6, R12])
def test_r35_questions_received_answered_in_time_overdue(history, site, frozen, period):
    f = figures(site, period)["qa"]
    received = [q for q in QUESTIONS if inside(q[0], period) and q[3] != "rejected"]
    answered = [q for q in received if inside(q[2], period)]
    assert f["received"] == len(received)
    assert f["in_time"] == sum(1 for q in answered if day_of(q[2]) <= q[1])
    assert f["late"] == sum(1 for q in answered if day_of(q[2]) > q[1])
    assert f["overdue"] == sum(1 for q in received if q not in answered and q[1] < period.end)


def test_r35_completeness_at_the_period_end_and_change_since_last_report(history, site, frozen):
    first = figures(site, R6)["completeness"]
    assert first == [
        {
            "slug": "tiny-report-test",
            "title": "รายการทดสอบรายงาน",
            "met": 1,  # news yes, laws no
            "applicable": 2,
            "score": 50.0,
            "previous": None,
            "change": None,
        }
    ]
    from prongsai.sitepages import models as m
    from prongsai.sitepages.tests.factories import add_page, metadata

    laws = add_page(site.root_page, m.LawIndexPage, title="กฎหมาย", slug="laws")
    add_page(
        laws,
        m.LawPage,
        title="ระเบียบ",
        slug="reg",
        law_kind="act",
        **metadata(history["units"]["u1"]),
    )
    later = compile_figures(site, R12, today=AFTER_R12, previous={"completeness": first})
    assert later["completeness"][0]["score"] == 100.0
    assert later["completeness"][0]["previous"] == 50.0
    assert later["completeness"][0]["change"] == 50.0
