"""R35: the periodic job is scheduled, recorded like every job, and opens the due draft."""

import pytest
import time_machine

from prongsai.monitoring.jobrunner import JOB_SPECS
from prongsai.monitoring.models import JobRun
from prongsai.reports.models import Report

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_tasks():
    from prongsai.reports import tasks

    yield tasks
    # Other apps' tests count the declared jobs; leave the registry as this test found it.
    JOB_SPECS.pop("open_reports", None)


def test_r35_open_reports_job_is_scheduled_and_recorded(site, report_tasks):
    from crontask import scheduler

    assert "open_reports" in JOB_SPECS
    assert any("open_reports" in job.name for job in scheduler.get_jobs())
    with time_machine.travel(at(2026, 10, 1, 7, 10), tick=False):
        report_tasks.open_reports.enqueue()
    run = JobRun.objects.get(job="open_reports")
    assert run.outcome == "success" and run.counts == {"opened": 2}
    assert set(Report.objects.values_list("round", "fiscal_year")) == {("r6", 2026), ("r12", 2026)}
