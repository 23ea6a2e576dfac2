"""Background work of the parent body, loaded by `manage.py crontask` (it imports each app's tasks)."""

import datetime as dt

from crontask import cron
from django.tasks import task
from django.utils.translation import gettext_lazy as _

from prongsai.monitoring.jobrunner import periodic


@task
def check_submission_links(submission_pk: int):
    from .checks import check_submission
    from .models import Submission

    submission = Submission.objects.filter(pk=submission_pk).select_related("agency").first()
    if submission is not None:
        check_submission(submission)


@task
def push_report(report_pk: int):
    from .sender import push

    push(report_pk)


@cron("20 7 * * *")
@task
@periodic(
    "parentbody_reminders",
    title=_("เตือนหน่วยงานในสังกัดที่ยังไม่ส่งรายงานก่อนกำหนดส่ง"),
    schedule="20 7 * * *",
    every=dt.timedelta(days=1),
)
def send_reminders():
    from .jobs import remind_before_deadlines

    return remind_before_deadlines()


@cron("*/15 * * * *")
@task
@periodic(
    "parentbody_push_retry",
    title=_("ส่งรายงานที่อนุมัติแล้วไปยังจังหวัดซ้ำจนกว่าจะได้รับการตอบรับ"),
    schedule="*/15 * * * *",
    every=dt.timedelta(minutes=15),
)
def retry_pushes():
    from .sender import retry_pending

    return retry_pending()
