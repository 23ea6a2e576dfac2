"""The nightly backup, loaded by `manage.py crontask` (it imports each app's tasks)."""

import datetime as dt

from crontask import cron
from django.tasks import task
from django.utils.translation import gettext_lazy as _

from prongsai.monitoring.jobrunner import periodic

from .conf import JOB_NAME


@cron("30 2 * * *")
@task
@periodic(
    JOB_NAME,
    title=_("สำรองข้อมูลทั้งระบบ"),
    schedule="30 2 * * *",
    every=dt.timedelta(days=1),
)
def backup():
    from .services import run_backup_job

    return run_backup_job()
