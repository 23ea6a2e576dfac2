"""R40: at least 90 days are kept, holds suspend deletion, deletions are recorded."""

from datetime import datetime, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from prongsai.trafficlog import checkpoints
from prongsai.trafficlog.records import BANGKOK
from prongsai.trafficlog.retention import apply_retention
from prongsai.trafficlog.sealing import seal_and_checkpoint
from prongsai.trafficlog.services import create_hold
from prongsai.trafficlog.verify import verify_all

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=BANGKOK)


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def test_r40_retention_under_90_days_refuses_to_start_citing_the_law(settings):
    settings.TRAFFIC_RETENTION_DAYS = 89
    with pytest.raises(ImproperlyConfigured) as error:
        apps.get_app_config("trafficlog").ready()
    assert "90" in str(error.value)
    assert "Computer-Related Crime Act B.E. 2550 s.26" in str(error.value)
    assert "มาตรา 26" in str(error.value)


def test_short_retention_is_accepted_only_with_the_explicit_test_flag(settings):
    settings.TRAFFIC_RETENTION_DAYS = 7
    settings.TRAFFIC_RETENTION_ALLOW_SHORT_FOR_TESTS = True
    apps.get_app_config("trafficlog").ready()
    settings.TRAFFIC_RETENTION_ALLOW_SHORT_FOR_TESTS = "yes"  # only the boolean True counts
    with pytest.raises(ImproperlyConfigured):
        apps.get_app_config("trafficlog").ready()


@pytest.mark.django_db
def test_r40_old_sealed_segments_are_deleted_recorded_and_the_rest_still_verifies(write_segment):
    old = write_segment(4, when=stamp(NOW - timedelta(days=91)))
    young = write_segment(4, when=stamp(NOW - timedelta(days=89)))
    seal_and_checkpoint()
    summary = apply_retention(now=NOW)
    assert [entry["count"] for entry in summary.deleted] == [4]
    assert not old.exists() and young.exists()
    ledgers, _ = checkpoints.read_ledger()
    deleted = [ledger.deleted for ledger in ledgers.values() if ledger.deleted]
    assert deleted[0]["head"] == ledgers[deleted[0]["segment"]].seal["head"]
    assert deleted[0]["retention_days"] == 90
    result = verify_all()
    assert result.ok, result.first_problem()
    assert result.records == 4


@pytest.mark.django_db
def test_unsealed_segments_are_never_deleted(write_segment):
    path = write_segment(3, when=stamp(NOW - timedelta(days=400)))
    apply_retention(now=NOW)
    assert path.exists()


@pytest.mark.django_db
def test_r40_a_hold_suspends_deletion_of_its_range_until_its_end_date(write_segment, superuser):
    held_time = NOW - timedelta(days=120)
    held = write_segment(2, when=stamp(held_time))
    other = write_segment(2, when=stamp(NOW - timedelta(days=150)))
    seal_and_checkpoint()
    create_hold(
        superuser,
        reason="หนังสือพนักงานเจ้าหน้าที่ขอให้เก็บรักษาข้อมูล",
        order_reference="ดศ 0201/123",
        range_start=held_time - timedelta(hours=1),
        range_end=held_time + timedelta(hours=1),
        keep_until=(NOW + timedelta(days=30)).date(),
    )
    summary = apply_retention(now=NOW)
    assert held.exists() and not other.exists()
    assert len(summary.held) == 1
    # After the order's end date, the held segment goes too.
    apply_retention(now=NOW + timedelta(days=31))
    assert not held.exists()
    assert verify_all().ok


@pytest.mark.django_db
def test_hold_with_reversed_range_is_refused(superuser):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        create_hold(
            superuser,
            reason="ทดสอบ",
            range_start=NOW,
            range_end=NOW - timedelta(days=1),
            keep_until=NOW.date(),
        )
