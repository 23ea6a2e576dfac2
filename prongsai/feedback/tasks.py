"""Periodic job of the Q&A board, loaded by `manage.py crontask`."""

from crontask import cron
from django.conf import settings
from django.tasks import task

from .services import forget_expired_emails


@cron("15 2 * * *")
@task
def erase_expired_asker_emails() -> int:
    """PDPA: askers' e-mail addresses are kept only for the announced retention period."""
    return forget_expired_emails(retention_days=settings.PRONGSAI_QA_EMAIL_RETENTION_DAYS)
