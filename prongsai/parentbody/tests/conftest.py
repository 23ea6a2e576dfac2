"""A province with three member agencies and one 6-month round of fiscal year 2570 (พ.ศ.).

Agency websites are loopback addresses where nothing listens (the link check after each
submission fails at once, never leaves the machine). The round opens 1 April 2027, asks for a first report by 30 April and the final one by
23 May (Phang Nga's dates, 004), and closes after 31 May. Time is frozen where it matters.
"""

import datetime as dt

import pytest
import time_machine

from prongsai.accounts.tests.factories import UserFactory
from prongsai.parentbody import services
from prongsai.parentbody.models import Deadline, MemberAgency, ReportingRound

BKK = dt.timezone(dt.timedelta(hours=7))


def at(y, mo, d, h=10, mi=0) -> dt.datetime:
    return dt.datetime(y, mo, d, h, mi, tzinfo=BKK)


@pytest.fixture
def coordinator(db):
    user = UserFactory(username="province-coordinator", email="coord@phangnga.go.th")
    user.groups.add(services.coordinator_group())
    return user


@pytest.fixture
def agencies(db):
    return {
        key: MemberAgency.objects.create(
            name=name, kind="provincial", contact_email=f"{key}@example.go.th", website=site
        )
        for key, name, site in (
            ("a", "สำนักงานสาธารณสุขจังหวัดพังงา", "http://127.0.0.1:18409"),
            ("b", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพังงา", "http://127.0.0.2:18409"),
            ("c", "ที่ทำการปกครองอำเภอตะกั่วป่า", "http://127.0.0.3:18409"),
        )
    }


@pytest.fixture
def reporters(agencies, coordinator):
    people = {}
    for key, agency in agencies.items():
        person = UserFactory(username=f"reporter-{key}", email=f"reporter-{key}@example.go.th")
        services.add_reporter(coordinator, agency, person)
        people[key] = person
    return people


@pytest.fixture
def round_(agencies):
    round_ = ReportingRound.objects.create(
        title="รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2570",
        fiscal_year=2027,
        kind="r6",
        opens_on=dt.date(2027, 4, 1),
        closes_on=dt.date(2027, 5, 31),
        categories="ข้อมูลพื้นฐานของหน่วยงาน\nการจัดซื้อจัดจ้าง",
        reminder_days=3,
    )
    Deadline.objects.create(round=round_, label="รายงานครั้งแรก", due_on=dt.date(2027, 4, 30))
    Deadline.objects.create(round=round_, label="รายงานฉบับสมบูรณ์", due_on=dt.date(2027, 5, 23))
    round_.agencies.set(agencies.values())
    return round_


def answers(site="http://127.0.0.1:18409", **extra) -> dict:
    data = {
        "categories": [
            {"title": "ข้อมูลพื้นฐานของหน่วยงาน", "published": True, "url": f"{site}/about/"},
            {"title": "การจัดซื้อจัดจ้าง", "published": False, "url": ""},
        ],
        "results": "เผยแพร่ข้อมูลครบ 7 หมวด",
        "problems": "ขาดบุคลากรดูแลเว็บไซต์",
        "obstacles": "",
        "suggestions": "",
        "head_name": "นายแพทย์สมชาย ใจดี",
        "head_position": "นายแพทย์สาธารณสุขจังหวัดพังงา",
    }
    data.update(extra)
    return data


@pytest.fixture
def in_round():
    with time_machine.travel(at(2027, 4, 20), tick=False) as traveller:
        yield traveller
