"""The one notification path: after the commit, through the task queue, retried, failures on the
daily check (R32)."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from prongsai.core import notify
from prongsai.core.dailychecks import mail_failures
from prongsai.core.models import MailDelivery, MailFailure

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


@pytest.fixture
def database_queue(settings, monkeypatch):
    """Production's task queue (django-tasks-db). A task is an object of its backend's class,
    made when its module is imported, under the test settings' immediate backend; the same
    function is declared again under the database backend, as production's import does."""
    from django.tasks import task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(notify, "deliver", task(notify.deliver.func))


def queued_deliveries():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path="prongsai.core.notify.deliver")


def run_worker_until_idle():
    """The production worker's loop, in batch mode: runs every ready task, then returns."""
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_r32_with_the_database_queue_the_mail_is_queued_in_the_changes_own_transaction(
    database_queue,
):
    """Queued on commit, a database that went away right after the commit lost the e-mail of a
    stored submission (issue 17): now the task row commits or rolls back with the change."""
    try:
        with transaction.atomic():
            notify.send_later(["a@example.go.th"], "ยกเลิก", ["ข้อความ"])
            assert queued_deliveries().count() == 1  # written inside the transaction
            raise RuntimeError("the decision failed")
    except RuntimeError:
        pass
    assert queued_deliveries().count() == 0
    with transaction.atomic():
        notify.send_later(["a@example.go.th"], "เรื่อง", ["ข้อความ"])
    assert mail.outbox == []  # the worker sends it, not the request
    run_worker_until_idle()
    assert [m.subject for m in mail.outbox] == ["เรื่อง"]


def test_r32_a_delivery_task_run_twice_sends_its_mail_once(database_queue):
    """A worker killed mid-task leaves the task to be run again (operations.taskrecovery): the
    key recorded before sending makes the second run send nothing (issue 17 item 2)."""
    SENT_AFTER.clear()
    notify.send_later(
        ["a@example.go.th"], "แจ้งครั้งเดียว", ["ข้อความ"], after=(f"{__name__}.remember", 1)
    )
    task_row = queued_deliveries().get()
    kwargs = task_row.args_kwargs["kwargs"]
    notify.deliver.call(**kwargs)
    notify.deliver.call(**kwargs)  # the same task again, as after a requeue
    assert [m.subject for m in mail.outbox] == ["แจ้งครั้งเดียว"]
    assert mail.outbox[0].extra_headers["Message-ID"] == notify.message_id(kwargs["key"])
    delivery = MailDelivery.objects.get(key=kwargs["key"])
    assert delivery.sent_at is not None and delivery.attempts == 1
    assert SENT_AFTER == [(1,), (1,)]  # the after-step is idempotent and runs on each run


def test_r32_a_send_interrupted_before_the_server_took_it_is_sent_on_the_next_run():
    MailDelivery.objects.create(key="k" * 32, subject="ค้างส่ง", attempts=1)  # killed mid-send
    notify.deliver.call(
        subject="ค้างส่ง", body="ข้อความ", recipients=["a@example.go.th"], key="k" * 32
    )
    assert [m.subject for m in mail.outbox] == ["ค้างส่ง"]
    assert MailDelivery.objects.get(key="k" * 32).sent_at is not None


@pytest.mark.django_db(transaction=True)  # as in the worker: no transaction around the task
def test_r32_a_database_outage_after_the_server_took_the_mail_does_not_send_it_twice(monkeypatch):
    """Seen in the fault harness (issue 17): PostgreSQL stopped between the send and its mark,
    the task failed, its worker died, the next worker ran it again and the e-mail went twice.
    The mark now waits for the database."""
    from django.db import OperationalError, connection

    monkeypatch.setattr(notify, "MARK_WAIT_SECONDS", 0, raising=False)
    outage = iter([True, True])  # the first two tries to record the send find no database

    def database_gone(execute, sql, params, many, context):
        marking = "core_maildelivery" in sql and sql.lstrip().startswith("UPDATE")
        if marking and "sent_at" in sql and next(outage, False):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    message = {"subject": "ครั้งเดียว", "body": "ข้อความ", "recipients": ["a@example.go.th"]}
    with connection.execute_wrapper(database_gone):
        assert notify.deliver.call(**message, key="d" * 32)
    notify.deliver.call(**message, key="d" * 32)  # run again: nothing more is sent
    assert [m.subject for m in mail.outbox] == ["ครั้งเดียว"]
    assert MailDelivery.objects.get(key="d" * 32).sent_at is not None
