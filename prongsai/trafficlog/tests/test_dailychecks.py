"""R32/R40: the daily check says when the legal record of traffic data is at risk."""

from collections import namedtuple
from datetime import date, datetime, timedelta

import pytest
import time_machine

from prongsai.accounts.tests.factories import UserFactory
from prongsai.core.dailycheck import registered_checks
from prongsai.trafficlog import dailychecks
from prongsai.trafficlog.models import TrafficAccess
from prongsai.trafficlog.records import BANGKOK
from prongsai.trafficlog.retention import apply_retention
from prongsai.trafficlog.sealing import seal_and_checkpoint
from prongsai.trafficlog.services import create_hold

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=BANGKOK)
TODAY = NOW.date()
Usage = namedtuple("Usage", "total used free")
GB = 1024**3


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def test_all_four_checks_are_registered():
    keys = {check.key for check in registered_checks()}
    assert {
        "traffic-sealer",
        "traffic-integrity",
        "traffic-retention",
        "traffic-disk-space",
    } <= keys


def test_r40_sealer_that_stopped_is_reported_after_an_hour(write_segment):
    write_segment(3, when=stamp(NOW))
    with time_machine.travel(NOW, tick=False):
        seal_and_checkpoint()
        assert dailychecks.sealer_not_running(today=TODAY) == []
    with time_machine.travel(NOW + timedelta(minutes=50), tick=False):
        assert dailychecks.sealer_not_running(today=TODAY) == []
    with time_machine.travel(NOW + timedelta(hours=3, minutes=5), tick=False):
        [finding] = dailychecks.sealer_not_running(today=TODAY)
    assert finding.summary == "ไม่มีจุดตรวจสอบข้อมูลจราจรมา 3 ชั่วโมง"
    assert "2026-06-01 12:00" in finding.detail and finding.severity == "error"


def test_sealer_that_never_ran_is_reported_once_there_is_data(write_segment):
    assert dailychecks.sealer_not_running(today=TODAY) == []
    write_segment(1)
    [finding] = dailychecks.sealer_not_running(today=TODAY)
    assert finding.summary == "งานปิดผนึกข้อมูลจราจรยังไม่เคยทำงาน"


def test_r40_damage_in_the_last_days_segments_is_reported(write_segment):
    with time_machine.travel(NOW, tick=False):
        path = write_segment(10, when=stamp(NOW - timedelta(hours=2)))
        seal_and_checkpoint()
        assert dailychecks.recent_integrity(today=TODAY) == []
        path.chmod(0o640)
        lines = path.read_bytes().splitlines(keepends=True)
        path.write_bytes(b"".join(lines[:4] + lines[5:]))
        [finding] = dailychecks.recent_integrity(today=TODAY)
    assert finding.summary == "ข้อมูลจราจรไม่ผ่านการตรวจความครบถ้วน"
    assert finding.detail.endswith(
        "line 5: deleted records: 1 record(s) missing before this line (#4)"
    )


def test_old_segments_are_not_read_by_the_daily_integrity_check(write_segment):
    with time_machine.travel(NOW, tick=False):
        old = write_segment(10, when=stamp(NOW - timedelta(days=3)))
        seal_and_checkpoint()
        old.chmod(0o640)
        old.write_bytes(old.read_bytes()[:-50])  # damage the daily check does not pay to find
        assert dailychecks.recent_integrity(today=TODAY) == []


def test_an_access_record_deleted_from_the_database_shows_on_the_daily_check(rf):
    from prongsai.trafficlog.services import record_access

    request = rf.get("/staff/traffic-data/")
    request.user = UserFactory(username="coordinator")
    access = record_access(request, action="search", outcome="allowed", reason="หนังสือที่ 1/2569")
    TrafficAccess.objects.filter(pk=access.pk).delete()
    [finding] = dailychecks.recent_integrity(today=TODAY)
    assert "is in the audit chain but was deleted from the database" in finding.detail


def test_retention_job_that_stopped_is_reported(write_segment):
    with time_machine.travel(NOW, tick=False):
        apply_retention()
    with time_machine.travel(NOW + timedelta(hours=20), tick=False):
        assert dailychecks.retention_not_run(today=TODAY) == []
    with time_machine.travel(NOW + timedelta(days=2), tick=False):
        [finding] = dailychecks.retention_not_run(today=TODAY)
    assert finding.summary == "งานลบข้อมูลจราจรตามระยะเก็บรักษาไม่ได้ทำงานตั้งแต่ 2026-06-01 12:00"


def test_retention_job_that_never_ran_is_reported_once_data_is_a_day_old(write_segment):
    write_segment(1)
    assert dailychecks.retention_not_run(today=TODAY) == []
    with time_machine.travel(datetime.now(BANGKOK) + timedelta(days=2)):
        [finding] = dailychecks.retention_not_run(today=TODAY)
    assert finding.summary == "งานลบข้อมูลจราจรตามระยะเก็บรักษายังไม่เคยทำงาน"


def test_data_kept_past_retention_without_a_hold_is_a_warning(write_segment):
    write_segment(2, when=stamp(NOW - timedelta(days=95)))
    seal_and_checkpoint()
    with time_machine.travel(NOW - timedelta(days=10), tick=False):
        apply_retention()  # ran, but long ago: nothing was due then
    with time_machine.travel(NOW, tick=False):
        [late, overdue] = dailychecks.retention_not_run(today=TODAY)
        assert overdue.severity == "warning"
        assert overdue.summary == "ข้อมูลจราจร 1 ส่วนเก็บไว้เกินระยะที่กำหนดโดยไม่มีคำสั่งให้เก็บ"
        create_hold(
            UserFactory(username="coordinator"),
            reason="คำสั่งเก็บรักษา",
            range_start=NOW - timedelta(days=100),
            range_end=NOW - timedelta(days=90),
            keep_until=date(2026, 12, 31),
        )
        assert dailychecks.retention_not_run(today=TODAY) == [late]


@pytest.mark.parametrize(
    ("free", "severity", "summary"),
    [
        (500 * GB, None, None),
        (int(0.5 * GB), "error", "พื้นที่ดิสก์สำหรับข้อมูลจราจรใกล้เต็ม: เมื่อเต็ม เว็บไซต์จะตอบ 503"),
        (50 * GB, "warning", "พื้นที่ดิสก์สำหรับข้อมูลจราจรเหลือน้อย"),
    ],
)
def test_low_disk_space_for_the_traffic_folder_is_reported(monkeypatch, free, severity, summary):
    monkeypatch.setattr(dailychecks, "disk_usage", lambda path: Usage(1000 * GB, 0, free))
    findings = dailychecks.disk_space_low(today=TODAY)
    assert [(finding.severity, finding.summary) for finding in findings] == (
        [(severity, summary)] if severity else []
    )


def test_disk_days_left_come_from_the_last_weeks_growth(monkeypatch, write_segment, traffic_dir):
    path = write_segment(5)
    folder = traffic_dir / (TODAY - timedelta(days=1)).isoformat()
    folder.mkdir(parents=True)
    (folder / path.name).write_bytes(b"x" * 1000)  # a day of 1,000 bytes
    monkeypatch.setattr(dailychecks, "disk_usage", lambda _path: Usage(10**9, 0, 5_000))
    [finding] = dailychecks.disk_space_low(today=TODAY)
    assert "พอใช้อีกประมาณ 5 วัน" in finding.detail
