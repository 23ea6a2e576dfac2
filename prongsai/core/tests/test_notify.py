"""The one notification path: after the commit, through the task queue, retried, failures on the
daily check (R32)."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from prongsai.core import notify
from prongsai.core.dailychecks import mail_failures
from prongsai.core.models import MailFailure

pytestmark = pytest.mark.django_db

SENT_AFTER = []


class DownMailServer(BaseEmailBackend):
    attempts = 0

    def send_messages(self, messages):
        DownMailServer.attempts += 1
        raise ConnectionRefusedError("mail server down")


def remember(*args):
    SENT_AFTER.append(args)


def test_r32_mail_is_queued_only_when_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify.send_later(["a@example.go.th"], "เรื่อง", ["บรรทัดหนึ่ง", "บรรทัดสอง"])
        assert mail.outbox == []  # nothing before the commit
    assert [m.subject for m in mail.outbox] == ["เรื่อง"]
    assert mail.outbox[0].body == "บรรทัดหนึ่ง\nบรรทัดสอง"


def test_r32_nothing_is_sent_when_the_change_is_rolled_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                notify.send_later(["a@example.go.th"], "เรื่อง", ["ข้อความ"])
                raise RuntimeError("the decision failed")
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == []


def test_r32_after_send_step_runs_once_the_server_took_the_mail(django_capture_on_commit_callbacks):
    SENT_AFTER.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify.send_later(
            ["a@example.go.th"], "เรื่อง", ["ข้อความ"], after=(f"{__name__}.remember", 7, "x")
        )
    assert SENT_AFTER == [(7, "x")]


def test_r32_a_failing_mail_server_is_retried_then_recorded_on_the_daily_check(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.DownMailServer"}}
    monkeypatch.setattr(notify, "RETRY_SECONDS", (0, 0))
    DownMailServer.attempts = 0
    SENT_AFTER.clear()
    with django_capture_on_commit_callbacks(execute=True):
        queued = notify.send_later(
            ["a@example.go.th"], "แจ้งผล", ["ข้อความ"], after=(f"{__name__}.remember",)
        )
    assert queued and DownMailServer.attempts == notify.ATTEMPTS
    failure = MailFailure.objects.get()
    assert failure.subject == "แจ้งผล" and "mail server down" in failure.error
    assert SENT_AFTER == []  # not marked as sent
    findings = mail_failures(today=None)
    assert len(findings) == 1 and "แจ้งผล" in findings[0].summary


def test_nobody_with_an_address_queues_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert notify.send_later([None, ""], "เรื่อง", ["ข้อความ"]) is False
    assert callbacks == []
