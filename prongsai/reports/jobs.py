"""Open the draft report of each period that has ended (R35), for every site."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Site

from .models import Report, ReportingSettings
from .periods import latest_ended
from .services import open_report


def open_due_reports(today=None) -> dict:
    """For each site, the last ended period of its cadence gets a draft if it has none yet.

    Only the latest period of each series: a site that starts using Prongsai is not handed a
    backlog of drafts for years it never reported through the system.
    """
    today = today or timezone.localdate()
    opened = 0
    for site in Site.objects.all():
        cadence = ReportingSettings.for_site(site).cadence
        for period in latest_ended(cadence, today):
            exists = Report.objects.filter(
                site=site, period_start=period.start, period_end=period.end
            ).exists()
            if exists:
                continue
            try:
                open_report(site=site, period=period, today=today)
            except ValidationError:  # opened meanwhile by a webmaster
                continue
            opened += 1
    return {"opened": opened}
