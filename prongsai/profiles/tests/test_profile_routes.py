"""The shipped profiles' routes, run through the real services (not only read from the file)."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from prongsai.accounts.models import User
from prongsai.core.workdays import add_working_days
from prongsai.publishing import permissions, services
from prongsai.publishing.direct import may_publish_directly
from prongsai.publishing.models import (
    Action,
    Channel,
    DecidedBy,
    InformationClass,
    RouteKind,
    Status,
)

pytestmark = pytest.mark.django_db

BANGKOK = ZoneInfo("Asia/Bangkok")


def _data(class_code: str, title: str) -> dict:
    return {
        "title": title,
        "summary": "สาระสำคัญ: " + title,
        "category": "news",
        "content": "กรมกิจการเด็กและเยาวชน: " + title,
        "source": "กองตัวอย่าง กรมกิจการเด็กและเยาวชน",
        "info_period_start": dt.date(2026, 5, 1),
        "information_class": InformationClass.objects.get(code=class_code),
    }


@time_machine.travel(dt.datetime(2026, 5, 8, 10, 0, tzinfo=BANGKOK), tick=False)  # a Friday
def test_r60_dcy_routine_mission_items_skip_approval_and_unit_items_wait_for_their_director():
    """ข้อ 5.1.1: routine mission items need no approval; ข้อ 5.1.3: the unit's director approves
    the unit's other items, within 3 days of which they are published."""
    call_command("load_profile", "dcy", stdout=io.StringIO())
    publisher = User.objects.get(username="divpublisher")

    routine = services.request_submit(publisher, data=_data("routine", "ปฏิทินกิจกรรมประจำเดือน"))
    assert routine.status == Status.APPROVED
    assert routine.due_date == add_working_days(dt.date(2026, 5, 8), 3)
    events = list(routine.events.all())
    assert [event.action for event in events] == [Action.SUBMITTED, Action.APPROVED]
    assert events[1].actor is None and events[1].channel == Channel.EXEMPT
    assert routine.target_page.workflow_in_progress is False  # no moderation was started
    # Nobody has to decide it, and the division's publisher can put it up at once.
    assert not permissions.can_decide(User.objects.get(username="divdirector"), routine)
    services.request_publish(publisher, routine, files_checked=True, category_checked=True)
    routine.refresh_from_db()
    assert routine.status == Status.PUBLISHED and routine.target_page.live

    # The routine class also lets the publisher publish news and links straight in the editor,
    # but not the agency's laws, which always go through a request.
    assert may_publish_directly(publisher, "news") and may_publish_directly(publisher, "links")
    assert not may_publish_directly(publisher, "laws")

    unit_item = services.request_submit(
        publisher, data=_data("unit-approval", "กิจกรรมวันเด็กแห่งชาติ ประจำปี 2570")
    )
    assert unit_item.status == Status.PENDING
    route = unit_item.information_class.route
    assert route.kind == RouteKind.UNIT  # not "checked by the communications unit"
    assert [step.decided_by for step in route.ordered_steps()] == [DecidedBy.UNIT_HEAD]
    # Only the division's own director: not the IT group's, not the second division's.
    assert not permissions.can_decide(User.objects.get(username="itdirector"), unit_item)
    assert not permissions.can_decide(User.objects.get(username="div2director"), unit_item)
    assert permissions.can_decide(User.objects.get(username="divdirector"), unit_item)
