"""Recording wrapper for periodic jobs and the "missed run" selector (R32).

Every job declared in ``tasks.py`` goes through ``periodic()``: each run leaves a JobRun row with
its outcome and counts, so a job that stopped firing (scheduler down, worker down, crash) is
visible as a missed run instead of failing silently.
"""

import dataclasses
import datetime as dt
import functools
import traceback

from crontask import cron
from django.tasks import task
from django.utils import timezone

from .conf import job_grace
from .models import JobOutcome, JobRun


@dataclasses.dataclass(frozen=True)
class JobSpec:
    name: str
    title: str
    schedule: str
    every: dt.timedelta


JOB_SPECS: dict[str, JobSpec] = {}


def periodic(name: str, *, title: str, schedule: str, every: dt.timedelta):
    """Register the job's expected interval and record each run of the wrapped function.

    The function returns a dict of counts (e.g. {"published": 2}).
    """

    def decorator(func):
        JOB_SPECS[name] = JobSpec(name=name, title=str(title), schedule=schedule, every=every)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            run = JobRun.objects.create(job=name, started=timezone.now())
            try:
                counts = func(*args, **kwargs) or {}
            except Exception as exc:
                run.outcome = JobOutcome.FAILED
                run.error = "".join(traceback.format_exception_only(exc)).strip()[:5000]
                run.finished = timezone.now()
                run.save(update_fields=["outcome", "error", "finished"])
                raise
            run.outcome = JobOutcome.SUCCESS
            run.counts = counts
            run.finished = timezone.now()
            run.save(update_fields=["outcome", "counts", "finished"])
            return counts

        return wrapper

    return decorator


def periodic_job(name: str, *, title: str, schedule: str, every: dt.timedelta):
    """A periodic job in one declaration: scheduled by crontask on ``schedule``, run by the
    task worker, recorded by ``periodic()`` and expected again within ``every``."""

    def decorator(func):
        return cron(schedule)(
            task(periodic(name, title=title, schedule=schedule, every=every)(func))
        )

    return decorator


@dataclasses.dataclass(frozen=True)
class MissedRun:
    spec: JobSpec
    last_success: JobRun | None
    last_failure: JobRun | None


def missed_runs(now=None) -> list[MissedRun]:
    """Jobs whose last successful run is older than their interval plus the grace period."""
    from . import tasks  # noqa: F401  (registers JOB_SPECS)

    now = now or timezone.now()
    missed = []
    for spec in JOB_SPECS.values():
        last_success = (
            JobRun.objects.filter(job=spec.name, outcome=JobOutcome.SUCCESS)
            .order_by("-started")
            .first()
        )
        if last_success is None or last_success.started < now - spec.every - job_grace():
            last_failure = (
                JobRun.objects.filter(job=spec.name, outcome=JobOutcome.FAILED)
                .order_by("-started")
                .first()
            )
            missed.append(MissedRun(spec, last_success, last_failure))
    return missed


def job_overview() -> list[dict]:
    """Each job with its last run, for the dashboard."""
    from . import tasks  # noqa: F401

    missed = {m.spec.name for m in missed_runs()}
    rows = []
    for spec in JOB_SPECS.values():
        last = JobRun.objects.filter(job=spec.name).order_by("-started").first()
        rows.append({"spec": spec, "last": last, "missed": spec.name in missed})
    return rows
