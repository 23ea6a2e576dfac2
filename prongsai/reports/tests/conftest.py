"""A site with a known history across fiscal years 2569 and 2570 (พ.ศ.), for the report tests.

FY2569 = 1 Oct 2025 – 30 Sep 2026: its 6-month round ends 31 Mar 2026, its 12-month round
30 Sep 2026. Records sit on the boundary instants (23:59 on the last day, 00:00 on the first)
in Asia/Bangkok, so a figure that used UTC days or the wrong fiscal year comes out wrong.
``HISTORY`` is the plan; tests count it independently of the selectors.
"""

import datetime as dt
import textwrap

import pytest
import time_machine
from wagtail.models import Site

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UnitFactory, UserFactory
from prongsai.analytics.models import DailyPageViews, DailySummary
from prongsai.compliance.catalogue_io import import_catalogue, read_yaml
from prongsai.compliance.models import Catalogue
from prongsai.core.audit import log
from prongsai.feedback.models import Question, SurveyAnswer, SurveyQuestion, SurveyResponse
from prongsai.monitoring.models import (
    DailyCheckRun,
    DailyCheckSignOff,
    ExpiredItem,
    ReviewAction,
    ReviewSchedule,
)
from prongsai.publishing.models import (
    Action,
    ApprovalRoute,
    InformationClass,
    PublishRequest,
    RequestEvent,
    RouteKind,
    Status,
    VerbalApproval,
)
from prongsai.reports.models import ReportingSettings
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, build_site, metadata

BKK = dt.timezone(dt.timedelta(hours=7))


def at(y, mo, d, h=0, mi=0, s=0) -> dt.datetime:
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=BKK)


# Requests: submitted, (approved, due, published), events (action, when, reason), class.
REQUESTS = {
    "a": {"submitted": at(2025, 9, 30, 23, 59), "cls": "general"},
    "b": {
        "submitted": at(2025, 10, 1, 0, 0),
        "approved": at(2025, 10, 1, 10),
        "due": dt.date(2025, 10, 6),
        "published": at(2025, 10, 3, 9),
        "cls": "general",
    },
    "c": {
        "submitted": at(2026, 3, 31, 23, 59),
        "approved": at(2026, 4, 1, 9),
        "due": dt.date(2026, 4, 3),
        "published": at(2026, 4, 9, 10),
        "cls": "executive",
    },
    "d": {
        "submitted": at(2026, 4, 1, 0, 0),
        "events": [(Action.REJECTED, at(2026, 4, 2, 11), "ข้อมูลส่วนบุคคลยังไม่ได้ปกปิด")],
        "cls": "executive",
    },
    "e": {
        "submitted": at(2026, 9, 30, 23, 59),
        "approved": at(2026, 9, 30, 23, 59, 30),
        "due": dt.date(2026, 10, 5),
        "cls": "general",
    },
    "f": {
        "submitted": at(2026, 10, 1, 0, 0),
        "events": [(Action.RETURNED, at(2026, 10, 2, 9), "แนบไฟล์ผิด")],
        "cls": "general",
    },
    "g": {
        "submitted": at(2026, 3, 15, 9),
        "approved": at(2026, 3, 16, 9),
        "due": dt.date(2026, 3, 19),
        "published": at(2026, 4, 2, 9),
        "cls": "general",
    },
}
# Verbal approvals on requests g and c: (recorded, confirmed).
VERBAL = {
    "g": (at(2026, 3, 16, 10), at(2026, 4, 1, 9)),
    "c": (at(2026, 4, 1, 9), at(2026, 4, 2, 10)),
}
# News pages: first published, owner unit key.
PAGES = {
    "p1": (at(2025, 10, 1, 0, 0, 30), "u1"),
    "p2": (at(2026, 3, 31, 23, 59), "u2"),
    "p3": (at(2026, 4, 1, 0, 0), "u1"),
    "p4": (at(2026, 10, 1, 0, 0), "u2"),
    "p0": (at(2025, 9, 30, 23, 59), "u1"),
}
SIGNOFFS = {dt.date(2026, 3, 30): 0, dt.date(2026, 3, 31): 2, dt.date(2026, 4, 1): 1}
# Daily-check runs: day -> traffic integrity findings (None: the check did not run).
RUNS = {dt.date(2026, 3, 30): ["segment gap"], dt.date(2026, 3, 31): [], dt.date(2026, 4, 2): []}
EXPIRED = [at(2026, 3, 31, 23), at(2026, 4, 1, 1), at(2025, 9, 30, 23, 59)]
SUMMARIES = {
    dt.date(2025, 9, 30): (100, 10),
    dt.date(2025, 10, 1): (200, 20),
    dt.date(2026, 3, 31): (300, 30),
    dt.date(2026, 4, 1): (400, 40),
}
PAGE_VIEWS = [
    (dt.date(2025, 10, 1), "/news/a/", "ข่าว ก", 50),
    (dt.date(2026, 3, 31), "/news/b/", "ข่าว ข", 70),
    (dt.date(2026, 4, 1), "/news/a/", "ข่าว ก", 30),
]
# Survey responses: submitted, {question key: score}.
RESPONSES = [
    (at(2025, 9, 30, 23, 59), {"q1": 1, "q2": 1}),
    (at(2025, 10, 1, 0, 0), {"q1": 5, "q2": 4}),
    (at(2026, 3, 31, 23, 59), {"q1": 3}),
    (at(2026, 4, 1, 0, 0), {"q1": 4, "q2": 4}),
]
# Q&A: submitted, due, answered, status.
QUESTIONS = [
    (at(2025, 10, 1, 0, 0), dt.date(2025, 10, 6), at(2025, 10, 3, 9), "published"),
    (at(2026, 3, 20, 9), dt.date(2026, 3, 25), at(2026, 4, 2, 9), "published"),
    (at(2026, 3, 30, 9), dt.date(2026, 4, 3), None, "pending"),
    (at(2026, 1, 5, 9), dt.date(2026, 1, 9), None, "rejected"),
]

TINY_CATALOGUE = """
catalogue:
  slug: tiny-report-test
  scheme: gws
  year: 2556
  title: รายการทดสอบรายงาน
items:
  - code: T1
    title_th: มีข่าวประชาสัมพันธ์
    rule: {categories: [news]}
  - code: T2
    title_th: มีกฎหมายที่เกี่ยวข้อง
    rule: {categories: [laws]}
"""


@pytest.fixture
def people(db):
    unit = UnitFactory(code="it", name="ศูนย์เทคโนโลยีสารสนเทศ")

    def person(username, first, last, position, *roles):
        user = UserFactory(
            username=username, first_name=first, last_name=last, position=position, unit=unit
        )
        for role in roles:
            give_role(user, role)
        return user

    return {
        "unit": unit,
        "webmaster": person("web", "กมล", "ดูแลเว็บ", "นักวิชาการคอมพิวเตอร์", Role.WEBMASTER),
        "webmaster2": person("web2", "สุดา", "ใจเย็น", "เจ้าพนักงานธุรการ", Role.WEBMASTER),
        "supervisor": person("chief", "ประเสริฐ", "มั่นคง", "ผู้อำนวยการกอง", Role.APPROVER),
        "executive": person("boss", "วิชัย", "ผู้นำ", "อธิบดี", Role.EXECUTIVE),
        "outsider": person("owner", "สมศรี", "ใจดี", "นักวิชาการ", Role.DATA_OWNER),
    }


@pytest.fixture
def site(db, people):
    home = build_site()
    site = Site.objects.get(is_default_site=True)
    policy = ReportingSettings.for_site(site)
    policy.cadence = "fiscal-rounds"
    policy.due_days = 30
    policy.supervisor = people["supervisor"]
    policy.save()
    site.home = home
    return site


def _classes():
    general = ApprovalRoute.objects.create(name="ข้อมูลทั่วไป", kind=RouteKind.COMMUNICATIONS)
    executive = ApprovalRoute.objects.create(name="ผู้บริหารอนุมัติ", kind=RouteKind.EXECUTIVE)
    return {
        "general": InformationClass.objects.create(code="general", name="ข่าวทั่วไป", route=general),
        "executive": InformationClass.objects.create(
            code="executive", name="ข้อมูลที่ต้องให้ผู้บริหารอนุมัติ", route=executive, sort_order=1
        ),
    }


def _requests(people, classes):
    made = {}
    for key, plan in REQUESTS.items():
        status = Status.PENDING
        if plan.get("approved"):
            status = Status.PUBLISHED if plan.get("published") else Status.APPROVED
        if any(action == Action.REJECTED for action, _w, _r in plan.get("events", [])):
            status = Status.REJECTED
        made[key] = PublishRequest.objects.create(
            title=f"คำขอ {key}",
            category="news",
            source="กลุ่มงานทดสอบ",
            info_period_start=dt.date(2025, 10, 1),
            information_class=classes[plan["cls"]],
            requester=people["outsider"],
            unit=people["unit"],
            status=status,
            submitted_at=plan["submitted"],
            approved_at=plan.get("approved"),
            due_date=plan.get("due"),
            published_at=plan.get("published"),
        )
        for action, when, reason in plan.get("events", []):
            RequestEvent.objects.create(
                request=made[key],
                actor=people["supervisor"],
                actor_role="ผู้อนุมัติ",
                action=action,
                reason=reason,
                created_at=when,
            )
    for key, (recorded, confirmed) in VERBAL.items():
        VerbalApproval.objects.create(
            request=made[key],
            approver=people["supervisor"],
            approved_at=recorded,
            method="phone",
            urgency_reason="ข่าวด่วน",
            recorded_by=people["webmaster"],
            recorded_at=recorded,
            confirmed_at=confirmed,
            confirmed_by=people["supervisor"],
        )
    return made


def _pages(site, units):
    index = add_page(site.root_page, m.NewsIndexPage, title="ข่าว", slug="news")
    pages = {}
    for key, (when, unit) in PAGES.items():
        page = add_page(index, m.NewsPage, title=f"ข่าว {key}", slug=key, **metadata(units[unit]))
        m.NewsPage.objects.filter(pk=page.pk).update(first_published_at=when)
        pages[key] = page
    return pages


def _reviews(pages):
    first = ReviewSchedule.objects.create(
        page=pages["p1"],
        interval_days=90,
        last_reviewed_at=at(2025, 10, 1),
        due_at=at(2025, 12, 30),
    )
    ReviewAction.objects.create(
        schedule=first, kind="confirmed", note="ถูกต้อง", created_at=at(2026, 1, 15, 10)
    )
    ReviewSchedule.objects.filter(pk=first.pk).update(
        last_reviewed_at=at(2026, 1, 15, 10), due_at=at(2026, 4, 15, 10)
    )
    ReviewSchedule.objects.create(
        page=pages["p2"], interval_days=30, last_reviewed_at=at(2026, 1, 30), due_at=at(2026, 3, 1)
    )
    with time_machine.travel(at(2026, 3, 31, 20), tick=False):
        log(instance=pages["p1"], action="prongsai.review.escalated")
    with time_machine.travel(at(2026, 4, 1, 0, 0, 1), tick=False):
        log(instance=pages["p2"], action="prongsai.review.escalated")


def _daily(people):
    for day, problems in SIGNOFFS.items():
        DailyCheckSignOff.objects.create(
            day=day, user=people["webmaster"], problems_found=problems, note="แก้ไขแล้ว"
        )
    for day, findings in RUNS.items():
        DailyCheckRun.objects.create(
            day=day,
            sections=[
                {"key": "links", "title": "ลิงก์", "findings": [{"summary": "x"}]},
                {
                    "key": "traffic-integrity",
                    "title": "ข้อมูลจราจร",
                    "findings": [{"summary": f} for f in findings],
                },
            ],
        )


def _audience():
    for index, when in enumerate(EXPIRED):
        ExpiredItem.objects.create(
            kind="page",
            object_id=9000 + index,
            path=f"/old/{index}/",
            title=f"เก่า {index}",
            expired_at=when,
        )
    for day, (views, visitors) in SUMMARIES.items():
        DailySummary.objects.create(day=day, views=views, visitors=visitors)
    for day, path, title, views in PAGE_VIEWS:
        DailyPageViews.objects.create(day=day, path=path, title=title, views=views, section="ข่าว")
    questions = {
        "q1": SurveyQuestion.objects.create(text="ความพึงพอใจต่อเนื้อหา", sort_order=1),
        "q2": SurveyQuestion.objects.create(text="ความสะดวกในการค้นหา", sort_order=2),
    }
    for when, scores in RESPONSES:
        response = SurveyResponse.objects.create(submitted_at=when)
        for key, score in scores.items():
            SurveyAnswer.objects.create(response=response, question=questions[key], score=score)
    for submitted, due, answered, status in QUESTIONS:
        Question.objects.create(
            title="สอบถาม",
            body="รายละเอียด",
            submitted_at=submitted,
            due_date=due,
            answered_at=answered,
            status=status,
        )


@pytest.fixture
def history(site, people):
    """Every record of HISTORY, plus a tiny catalogue as the only active one."""
    units = {
        "u1": UnitFactory(code="u1", name="กลุ่มงานประชาสัมพันธ์"),
        "u2": UnitFactory(code="u2", name="กองคลัง"),
    }
    classes = _classes()
    requests = _requests(people, classes)
    pages = _pages(site, units)
    _reviews(pages)
    _daily(people)
    _audience()
    Catalogue.objects.update(is_active=False)
    catalogue = import_catalogue(read_yaml(textwrap.dedent(TINY_CATALOGUE)))[0]
    return {
        "units": units,
        "classes": classes,
        "requests": requests,
        "pages": pages,
        "catalogue": catalogue,
    }
