"""Periodic jobs of the traffic store (django-crontask schedules, Django task API)."""

from crontask import cron
from django.conf import settings
from django.tasks import task


@cron("*/5 * * * *")
@task
def seal_traffic_segments():
    """Seal finished segments, checkpoint open ones, fsync: bounds power-loss exposure to 5 min."""
    from .sealing import seal_and_checkpoint

    summary = seal_and_checkpoint()
    return {"sealed": len(summary.sealed), "checkpointed": len(summary.checkpointed)}


@cron("30 2 * * *")
@task
def apply_traffic_retention():
    """Delete sealed segments older than TRAFFIC_RETENTION_DAYS unless an official hold applies."""
    from .retention import apply_retention

    summary = apply_retention()
    return {"deleted": len(summary.deleted), "held": len(summary.held)}


@cron("* * * * *")
@task
def forward_traffic_to_syslog():
    """Ship new records to the central syslog server, when one is configured."""
    if not settings.TRAFFIC_SYSLOG_HOST:
        return 0
    from .syslog import forward_new_records

    return forward_new_records()
