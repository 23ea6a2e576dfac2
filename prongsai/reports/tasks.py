"""Periodic job of the reports, loaded by `manage.py crontask` (it imports each app's tasks)."""

import datetime as dt

from crontask import cron
from django.tasks import task
from django.utils.translation import gettext_lazy as _

from prongsai.monitoring.jobrunner import periodic


@cron("10 7 * * *")
@task
@periodic(
    "open_reports",
    title=_("เปิดร่างรายงานผลการดำเนินงานเมื่อสิ้นรอบ"),
    schedule="10 7 * * *",
    every=dt.timedelta(days=1),
)
def open_reports():
    from .jobs import open_due_reports

    return open_due_reports()
