"""R36: the sending side. An approved report is pushed after the commit; while the province is
unreachable the push waits with back-off and is retried until acknowledged, then stored once."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Site

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.parentbody import sender, tokens
from prongsai.parentbody.models import (
    Deadline,
    MemberAgency,
    OutgoingPush,
    ReportingRound,
    Submission,
)
from prongsai.reports import services as reports
from prongsai.reports.periods import Period
from prongsai.sitepages.tests.factories import build_site

NOBODY_LISTENS = "http://127.0.0.1:18419"


@pytest.fixture
def province_round(transactional_db):
    coordinator = UserFactory(username="coord", is_superuser=True)
    agency = MemberAgency.objects.create(name="สำนักงานสาธารณสุขจังหวัดพังงา", runs_prongsai=True)
    today = timezone.localdate()
    round_ = ReportingRound.objects.create(
        title="รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2569",
        fiscal_year=2026,
        kind="r6",
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=10),
    )
    Deadline.objects.create(round=round_, due_on=today + dt.timedelta(days=5))
    round_.agencies.add(agency)
    return tokens.issue_token(coordinator, agency)


def _approve():
    build_site()
    site = Site.objects.get(is_default_site=True)
    webmaster = give_role(UserFactory(username="web"), Role.WEBMASTER)
    boss = give_role(UserFactory(username="boss"), Role.EXECUTIVE)
    report = reports.open_report(site=site, period=Period(2026, "r6"), user=webmaster)
    reports.save_written(webmaster, report, data={"results": "เผยแพร่ครบ"})
    reports.submit_report(webmaster, report)
    return reports.approve_report(boss, report)


def test_r36_push_retries_with_back_off_until_acknowledged_and_is_stored_once(
    province_round, live_server, settings
):
    settings.PRONGSAI_PROVINCE_TOKEN = province_round
    settings.PRONGSAI_PROVINCE_URL = NOBODY_LISTENS
    report = _approve()
    row = OutgoingPush.objects.get(report=report)
    assert row.attempts == 1 and row.acknowledged_at is None
    assert "ConnectionError" in row.last_error

    now = timezone.now()
    assert sender.retry_pending(now) == {"tried": 0, "acknowledged": 0}  # backing off
    assert sender.retry_pending(now + dt.timedelta(minutes=3)) == {"tried": 1, "acknowledged": 0}
    settings.PRONGSAI_PROVINCE_URL = live_server.url
    assert sender.retry_pending(now + dt.timedelta(minutes=3)) == {"tried": 0, "acknowledged": 0}
    later = now + dt.timedelta(minutes=10)
    assert sender.retry_pending(later) == {"tried": 1, "acknowledged": 1}
    row.refresh_from_db()
    assert row.acknowledged_at is not None and row.attempts == 3
    stored = Submission.objects.get()
    assert stored.report_uuid == row.report_uuid and stored.channel == "api"
    assert bytes(stored.pdf).startswith(b"%PDF-")
    assert stored.answers["results"] == "เผยแพร่ครบ"
    assert sender.retry_pending(later + dt.timedelta(hours=7)) == {"tried": 0, "acknowledged": 0}


def test_r36_nothing_is_sent_without_the_province_settings(transactional_db, settings):
    settings.PRONGSAI_PROVINCE_URL = ""
    settings.PRONGSAI_PROVINCE_TOKEN = ""
    _approve()
    assert not OutgoingPush.objects.exists()
