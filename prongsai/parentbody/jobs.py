"""The daily reminder (R36): N days before each deadline, to agencies that have not submitted."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import notifications as notify
from .models import Deadline, Reminder, SubmissionStatus

SENT = (SubmissionStatus.SUBMITTED, SubmissionStatus.LATE, SubmissionStatus.ACCEPTED)


def remind_before_deadlines(today=None) -> dict:
    """Each deadline within its round's reminder window gets one reminder per silent agency.

    A job that missed a day still reminds (the window, not the exact day), and never twice.
    """
    today = today or timezone.localdate()
    sent = 0
    deadlines = Deadline.objects.select_related("round").filter(due_on__gte=today)
    for deadline in deadlines:
        round_ = deadline.round
        if not round_.is_open_on(today):
            continue
        if (deadline.due_on - today).days > round_.reminder_days:
            continue
        done = set(round_.submissions.filter(status__in=SENT).values_list("agency_id", flat=True))
        for agency in round_.agencies.exclude(pk__in=done):
            try:
                with transaction.atomic():
                    Reminder.objects.create(deadline=deadline, agency=agency)
                    notify.send_reminder(agency, deadline)
            except IntegrityError:
                continue
            sent += 1
    return {"reminded": sent}
