"""R40: when the traffic store cannot write, the request is refused (503) rather than served
unrecorded, and the daily check still reports it after the disk has been freed."""

import datetime as dt

import pytest
import time_machine

from prongsai.core.dailycheck import registered_checks
from prongsai.operations.models import TrafficWriteFailure
from prongsai.trafficlog import store

pytestmark = pytest.mark.django_db

BANGKOK = dt.timezone(dt.timedelta(hours=7))


def findings():
    check = next(c for c in registered_checks() if c.key == "operations-traffic-refused")
    return check.run(today=None)


def test_r40_refused_requests_show_on_the_daily_check(home_page, client, settings, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("the traffic disk is not mounted")
    settings.TRAFFIC_DIR = blocked / "traffic"
    try:
        with time_machine.travel(dt.datetime(2026, 12, 6, 10, 15, tzinfo=BANGKOK), tick=False):
            first = client.get("/")
            client.get("/")
    finally:
        settings.TRAFFIC_DIR = tmp_path / "traffic"
        store.process_writer().close()
    assert first.status_code == 503
    assert "ระบบบันทึกข้อมูลจราจรทางคอมพิวเตอร์ขัดข้อง" in first.content.decode()
    assert TrafficWriteFailure.objects.get().count == 2
    with time_machine.travel(dt.datetime(2026, 12, 7, 6, 0, tzinfo=BANGKOK), tick=False):
        [finding] = findings()
    assert finding.summary == ("วันที่ 6 ธ.ค. 2569 ปฏิเสธคำขอ 2 ครั้งเพราะบันทึกข้อมูลจราจรไม่ได้ (ล่าสุด 10:15)")
    assert "Not a directory" in finding.detail
    with time_machine.travel(dt.datetime(2026, 12, 8, 6, 0, tzinfo=BANGKOK), tick=False):
        assert findings() == []
