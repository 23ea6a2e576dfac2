"""R40/R43: access records and holds are also in a hash-chained file a DBA cannot quietly edit."""

import io
from datetime import date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.test import RequestFactory

from prongsai.accounts.tests.factories import UserFactory
from prongsai.trafficlog import accessaudit, store
from prongsai.trafficlog.models import Hold, TrafficAccess
from prongsai.trafficlog.records import BANGKOK
from prongsai.trafficlog.retention import apply_retention
from prongsai.trafficlog.sealing import seal_and_checkpoint
from prongsai.trafficlog.services import create_hold, end_hold, record_access

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=BANGKOK)


def search_by(user, reason="หนังสือ สอท. ที่ 0001/2569"):
    request = RequestFactory().post("/staff/traffic-data/", REMOTE_ADDR="198.51.100.7")
    request.user = user
    return record_access(
        request,
        action=TrafficAccess.Action.SEARCH,
        outcome=TrafficAccess.Outcome.ALLOWED,
        query={"ip": "203.0.113.0/24"},
        reason=reason,
        result_count=3,
    )


def problems():
    return accessaudit.verify_access_audit().problems


@pytest.fixture
def user(db):
    return UserFactory(username="coordinator")


def test_every_access_is_in_the_chain_and_verifies(user):
    search_by(user)
    search_by(user)
    result = accessaudit.verify_access_audit()
    assert result.ok and result.entries == 2


def test_r40_an_access_record_deleted_from_the_database_is_detected(user):
    search_by(user)
    deleted = search_by(user, reason="ค้นหาที่อยากลบร่องรอย")
    search_by(user)
    pk = deleted.pk
    TrafficAccess.objects.filter(pk=pk).delete()  # what a database administrator could do
    [problem] = problems()
    assert problem.startswith(f"access record #{pk} (")
    assert problem.endswith("coordinator) is in the audit chain but was deleted from the database")


def test_r40_traffic_verify_fails_on_a_deleted_access_record(user):
    TrafficAccess.objects.filter(pk=search_by(user).pk).delete()
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_code:
        call_command("traffic_verify", stdout=out, stderr=err)
    assert exit_code.value.code == 1
    assert "บันทึกการเข้าถึงเสียหาย: access record #" in err.getvalue()


def test_an_access_record_changed_in_the_database_is_detected(user):
    access = search_by(user)
    TrafficAccess.objects.filter(pk=access.pk).update(reason="อื่น", result_count=0)
    [problem] = problems()
    assert problem.endswith("was changed in the database: reason, result_count")


def test_an_access_record_added_behind_prongsais_back_is_detected(user):
    search_by(user)
    forged = TrafficAccess.objects.create(username="x", action="search", outcome="allowed")
    [problem] = problems()
    assert problem.startswith(f"access record #{forged.pk} (")
    assert problem.endswith(
        "is in the database but not in the audit chain (added outside Prongsai?)"
    )


def test_a_line_deleted_from_the_audit_file_is_detected_at_its_line(user):
    for _ in range(3):
        search_by(user)
    path = accessaudit.audit_path()
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(lines[0] + lines[2])
    found = problems()
    assert found[0] == (
        "access-audit.log: line 2: deleted records: 1 record(s) missing before this line (#2)"
    )


def test_the_audit_files_tail_cut_after_a_checkpoint_is_detected(user):
    for _ in range(3):
        search_by(user)
    assert seal_and_checkpoint().checkpointed == [store.ACCESS_AUDIT_FILE]
    path = accessaudit.audit_path()
    path.write_bytes(b"".join(path.read_bytes().splitlines(keepends=True)[:1]))
    TrafficAccess.objects.exclude(pk=TrafficAccess.objects.order_by("pk").first().pk).delete()
    assert problems() == [
        "access-audit.log: line 2: truncated tail: the file ends after 1 entries but a "
        "checkpoint recorded 3"
    ]


def test_nothing_is_saved_when_the_audit_chain_cannot_be_written(user, traffic_dir):
    traffic_dir.mkdir(parents=True)
    accessaudit.audit_path().mkdir()  # a directory where the file should be: writes fail
    with pytest.raises(OSError):
        search_by(user)
    assert not TrafficAccess.objects.exists()


def make_hold(user, **fields):
    return create_hold(
        user,
        reason="คำสั่งพนักงานเจ้าหน้าที่ให้เก็บรักษาข้อมูล",
        order_reference="ดศ 0001/2569",
        range_start=NOW - timedelta(days=100),
        range_end=NOW - timedelta(days=95),
        keep_until=date(2026, 12, 31),
        **fields,
    )


def test_r40_a_hold_deleted_from_the_database_is_detected_and_still_honoured(user, write_segment):
    held = write_segment(4, when=(NOW - timedelta(days=97)).isoformat(timespec="microseconds"))
    seal_and_checkpoint()
    hold = make_hold(user)
    Hold.objects.filter(pk=hold.pk).delete()
    [problem] = problems()
    assert problem.startswith(f"hold #{hold.pk} (")
    assert problem.endswith("is in the audit chain but was deleted from the database")
    summary = apply_retention(now=NOW)
    assert summary.deleted == [] and held.exists()


def test_a_hold_ended_only_in_the_database_is_detected(user):
    hold = make_hold(user)
    Hold.objects.filter(pk=hold.pk).update(ended_at=NOW, end_note="x")
    [problem] = problems()
    assert problem.endswith("was changed in the database: end_note, ended_at")


def test_an_ended_hold_verifies_and_no_longer_stops_retention(user, write_segment):
    old = write_segment(4, when=(NOW - timedelta(days=97)).isoformat(timespec="microseconds"))
    seal_and_checkpoint()
    end_hold(user, make_hold(user), "ศาลเพิกถอนคำสั่ง")
    assert problems() == []
    assert len(apply_retention(now=NOW).deleted) == 1 and not old.exists()


def test_access_label_in_the_site_history_is_thai_in_bangkok_time():
    """Wagtail's site history names each access by its label: it read
    "2026-12-06 12:46 coordinator accesses allowed" (UTC from the database, Gregorian year,
    English codes) on a Thai screen; ADR 0335."""
    access = TrafficAccess(username="coordinator", action="search", outcome="allowed", at=NOW)
    assert str(access) == "1 มิ.ย. 2569 12:00 น. coordinator ค้นหา (อนุญาต)"
