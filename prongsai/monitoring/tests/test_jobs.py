"""R32: every periodic run is recorded; a job that stopped is reported as a missed run."""

import pytest
import time_machine

from prongsai.core.dailycheck import registered_checks
from prongsai.monitoring import tasks as jobs
from prongsai.monitoring.jobrunner import JOB_SPECS, missed_runs
from prongsai.monitoring.models import JobRun

from .conftest import at

pytestmark = pytest.mark.django_db


def test_r32_every_periodic_job_is_declared_with_the_scheduler():
    from crontask import scheduler

    scheduled = {job.name for job in scheduler.get_jobs()}
    assert set(JOB_SPECS) <= scheduled
    assert {"publish_scheduled", "expiry_notices", "review_reminders", "daily_check"} <= set(
        JOB_SPECS
    )


def test_r32_a_run_is_recorded_with_outcome_and_counts(home_page):
    with time_machine.travel(at(2026, 11, 2, 9, 0), tick=False):
        jobs.publish_scheduled.enqueue()
    run = JobRun.objects.get(job="publish_scheduled")
    assert run.outcome == "success"
    assert run.finished is not None
    assert run.counts["pages_published"] == 0


def test_r32_missed_run_is_reported_when_the_scheduler_stops(home_page):
    with time_machine.travel(at(2026, 11, 2, 9, 0), tick=False):
        for job in (
            jobs.publish_scheduled,
            jobs.expiry_notices,
            jobs.review_reminders,
            jobs.roll_up_page_views,
        ):
            job.enqueue()
        JobRun.objects.create(job="daily_check", outcome="success", started=at(2026, 11, 2, 6, 0))
        # Other apps' jobs (reports, backups, the parent body) ran too: this test is about
        # monitoring's own, whichever other task modules this process has imported.
        own = {"publish_scheduled", "expiry_notices", "review_reminders", "roll_up_page_views"}
        for spec in list(JOB_SPECS.values()):
            if spec.name not in own | {"daily_check"}:
                JobRun.objects.create(
                    job=spec.name, outcome="success", started=at(2026, 11, 2, 9, 0)
                )
        assert missed_runs() == []
    # Ten minutes' grace: at 09:05 the every-minute job is late but not yet missed.
    with time_machine.travel(at(2026, 11, 2, 9, 5), tick=False):
        assert missed_runs() == []
    with time_machine.travel(at(2026, 11, 2, 9, 30), tick=False):
        missed = [m.spec.name for m in missed_runs()]
        assert missed == ["publish_scheduled"]
        check = next(c for c in registered_checks() if c.key == "monitoring-missed-runs")
        findings = check.run(today=None)
        assert [f.summary for f in findings] == ["เผยแพร่และนำออกตามกำหนดเวลา"]
        assert "สำเร็จครั้งล่าสุด" in findings[0].detail


def test_r32_a_failing_job_is_recorded_as_failed_and_then_missed(home_page, monkeypatch):
    from prongsai.monitoring import windows

    def broken(now=None):
        raise RuntimeError("ฐานข้อมูลไม่ตอบสนอง")

    monkeypatch.setattr(windows, "run_scheduled_publishing", broken)  # the outside world fails
    with time_machine.travel(at(2026, 11, 2, 9, 0), tick=False):
        jobs.publish_scheduled.enqueue()
    run = JobRun.objects.get(job="publish_scheduled")
    assert run.outcome == "failed" and "ฐานข้อมูลไม่ตอบสนอง" in run.error
    with time_machine.travel(at(2026, 11, 2, 9, 30), tick=False):
        missed = next(m for m in missed_runs() if m.spec.name == "publish_scheduled")
        assert missed.last_success is None and missed.last_failure == run
