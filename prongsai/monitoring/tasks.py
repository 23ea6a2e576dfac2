"""Monitoring's periodic jobs (R32), loaded by `manage.py crontask` with every app's ``tasks``.

The scheduler (`python manage.py crontask`) enqueues each job on its cron schedule; the task
worker (`python manage.py db_worker`) runs it. ``periodic_job()`` declares both and records every
run as a JobRun, with the interval after which a missing run is reported as a *missed run*.
Other apps declare theirs the same way in their own ``tasks.py``.
"""

import datetime as dt

from django.tasks import task
from django.utils.translation import gettext_lazy as _

from .jobrunner import periodic_job


@periodic_job(
    "publish_scheduled",
    title=_("เผยแพร่และนำออกตามกำหนดเวลา"),
    schedule="* * * * *",
    every=dt.timedelta(minutes=1),
)
def publish_scheduled():
    from .windows import run_scheduled_publishing

    return run_scheduled_publishing()


@periodic_job(
    "expiry_notices",
    title=_("แจ้งเจ้าของข้อมูลก่อนหมดระยะเผยแพร่"),
    schedule="0 7 * * *",
    every=dt.timedelta(days=1),
)
def expiry_notices():
    from .windows import send_expiry_notices

    return send_expiry_notices()


@periodic_job(
    "review_reminders",
    title=_("เตือนทบทวนเนื้อหาและแจ้งหัวหน้าหน่วยงาน"),
    schedule="30 7 * * *",
    every=dt.timedelta(days=1),
)
def review_reminders():
    from .reviews import send_review_reminders

    return send_review_reminders()


@periodic_job(
    "daily_check",
    title=_("ตรวจเว็บไซต์ประจำวัน (รวมตรวจลิงก์ภายนอก)"),
    schedule="0 6 * * *",
    every=dt.timedelta(days=1),
)
def daily_check():
    from .daily import run_daily_check

    run = run_daily_check(check_external_links=True, notify=True)
    return {"problems": run.problem_count}


@task
def check_external_links_now():
    """Started from the daily-check page; runs in the worker, never in the web request."""
    from .linkcheck import run_link_check

    return run_link_check(external=True)
