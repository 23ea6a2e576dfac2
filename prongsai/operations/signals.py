"""Count requests refused for want of a traffic record, for the daily check."""

from django.db.models import F
from django.dispatch import receiver
from django.utils import timezone

from prongsai.trafficlog.signals import write_failed

from .models import TrafficWriteFailure


@receiver(write_failed, dispatch_uid="operations-count-traffic-write-failures")
def count_write_failure(sender, error="", **kwargs):
    now = timezone.now()
    day = timezone.localdate(now)
    updated = TrafficWriteFailure.objects.filter(day=day).update(
        count=F("count") + 1, last=now, error=error[:2000]
    )
    if not updated:
        TrafficWriteFailure.objects.get_or_create(
            day=day, defaults={"count": 1, "first": now, "last": now, "error": error[:2000]}
        )
