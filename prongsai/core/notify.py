"""The one notification path: Thai e-mail, sent through the task queue after the commit.

Apps build the subject and the lines through gettext and call :func:`send_later`. Nothing is
sent if the transaction rolls back. With the database task queue (production), the delivery
task is written in the same transaction as the change that caused it, so a committed change
always has its e-mail queued, even if the database goes away right after the commit; each
e-mail carries a key recorded before it is sent, so a delivery task run twice (its worker was
killed mid-task and the task requeued, ``operations/taskrecovery.py``) sends it once (ADR 0265). The ``deliver`` task tries ``ATTEMPTS`` times, waiting
``RETRY_SECONDS`` between tries; after the last one the failure is recorded as a
:class:`~prongsai.core.models.MailFailure` (shown on the daily check, ``core/dailychecks.py``)
and logged. A mail outage therefore never undoes a recorded decision and is never silent.
An attachment or an after-send step is named by a dotted path and its JSON arguments, because
the task queue stores only JSON.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.utils import DNS_NAME
from django.db import DatabaseError, close_old_connections, connection, models, transaction
from django.tasks import task
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db import DatabaseBackend

logger = logging.getLogger(__name__)

ATTEMPTS = 3
RETRY_SECONDS = (5, 30)
MARK_ATTEMPTS, MARK_WAIT_SECONDS = 60, 2  # a database restart takes seconds, not two minutes


def addresses(people) -> list[str]:
    """E-mail addresses of users (active, with an address) or of plain strings, deduplicated."""
    seen: list[str] = []
    for person in people:
        if person is None:
            continue
        if isinstance(person, str):
            email = person
        elif not person.is_active:
            continue
        else:
            email = person.email
        if email and email not in seen:
            seen.append(email)
    return seen


def send_later(
    people, subject, lines, *, attachment: tuple | None = None, after: tuple | None = None
) -> bool:
    """Queue one e-mail to ``people`` (users or addresses) once the transaction commits.

    ``attachment``: (dotted path, *args) of a function returning (filename, bytes, mimetype).
    ``after``: (dotted path, *args) of a function called once the mail server took the e-mail.
    Returns False when nobody has an address (nothing is queued).
    """
    recipients = addresses(people)
    if not recipients:
        return False
    body = "\n".join(str(line) for line in lines)
    kwargs = {
        "subject": str(subject),
        "body": body,
        "recipients": recipients,
        "attachment": list(attachment) if attachment else None,
        "after": list(after) if after else None,
        "key": uuid.uuid4().hex,
    }
    if isinstance(deliver.get_backend(), DatabaseBackend):
        # The queue is a table of this database: queued in the change's own transaction, it
        # commits or rolls back with it, and no task can see it before the commit.
        deliver.enqueue(**kwargs)
    else:
        transaction.on_commit(lambda: deliver.enqueue(**kwargs))
    return True


def message_id(key: str) -> str:
    return f"<{key}@{DNS_NAME}>"


def _message(subject, body, recipients, attachment, key=None) -> EmailMessage:
    headers = {"Message-ID": message_id(key)} if key else None
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, headers=headers)
    if attachment:
        path, *args = attachment
        message.attach(*import_string(path)(*args))
    return message


def _mark_sent(key: str) -> None:
    """The mail server has the message: record it, waiting out a database outage. Giving up
    would leave the task to be run, and the message sent, again (seen in the fault harness:
    PostgreSQL stopped between the send and the mark)."""
    from .models import MailDelivery

    for attempt in range(MARK_ATTEMPTS):
        try:
            MailDelivery.objects.filter(key=key).update(sent_at=timezone.now())
            return
        except DatabaseError:
            if attempt == MARK_ATTEMPTS - 1:
                raise
            logger.warning("e-mail %s sent; recording it waits for the database", key)
            if not connection.in_atomic_block:
                close_old_connections()  # a broken connection is replaced on the next try
            time.sleep(MARK_WAIT_SECONDS)


def _run_after(after) -> None:
    if after:
        path, *args = after
        import_string(path)(*args)


@task
def deliver(*, subject, body, recipients, attachment=None, after=None, key=None) -> bool:
    """Send one queued e-mail. ``key`` (tasks queued before keys existed have none) makes a
    second run of the same task send nothing; its after-step runs again (they are idempotent:
    they record that the e-mail went)."""
    from .models import MailDelivery

    if key:
        delivery, _created = MailDelivery.objects.get_or_create(
            key=key, defaults={"subject": subject[:255]}
        )
        if delivery.sent_at is not None:
            logger.info("e-mail %s already sent; not sent again", key)
            _run_after(after)
            return True
    error = None
    for attempt in range(ATTEMPTS):
        try:
            if key:
                MailDelivery.objects.filter(key=key).update(attempts=models.F("attempts") + 1)
            _message(subject, body, recipients, attachment, key).send()
        except Exception as exc:  # the mail server or the attachment: retry, then record
            error = exc
            logger.warning("e-mail attempt %s failed: %s", attempt + 1, subject, exc_info=True)
            if attempt < len(RETRY_SECONDS):
                time.sleep(RETRY_SECONDS[attempt])
            continue
        if key:
            _mark_sent(key)
        _run_after(after)
        return True
    from .models import MailFailure

    MailFailure.objects.create(
        subject=subject[:255],
        recipients=", ".join(recipients),
        attempts=ATTEMPTS,
        error=f"{type(error).__name__}: {error}"[:2000],
    )
    logger.error("e-mail not sent after %s attempts: %s", ATTEMPTS, subject)
    return False


def public_url(path: str) -> str:
    """``path`` on the default site's configured root URL: the address a citizen's e-mail links
    to (staff links use WAGTAILADMIN_BASE_URL)."""
    from django.conf import settings
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/") + path
