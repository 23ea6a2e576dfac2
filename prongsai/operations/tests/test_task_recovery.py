"""A worker killed mid-task: the task it left running is put back in the queue when the worker
starts again, and its e-mail is sent exactly once (issue 17 item 2, R32)."""

import signal
import subprocess

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from prongsai.core import notify
from prongsai.operations import taskrecovery

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings, monkeypatch):
    """Production's task queue. Tasks are objects of their backend's class, made at import under
    the test settings' immediate backend: notify's is declared again under the database one."""
    from django.tasks import task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(notify, "deliver", task(notify.deliver.func))
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    yield
    for number, handler in handlers.items():  # the worker installs its own
        signal.signal(number, handler)


def dead_worker_id() -> str:
    process = subprocess.Popen(["sleep", "30"])  # noqa: S607
    claimed_by = taskrecovery.worker_id(process.pid)
    process.kill()
    process.wait()
    return claimed_by


def test_r32_a_worker_is_gone_only_when_its_process_on_this_host_is():
    assert not taskrecovery.worker_is_gone(taskrecovery.worker_id())  # this process
    assert taskrecovery.worker_is_gone(dead_worker_id())
    host, pid, _started = taskrecovery.worker_id().rsplit(":", 2)
    assert taskrecovery.worker_is_gone(f"{host}:{pid}:1")  # the pid reused by another process
    assert not taskrecovery.worker_is_gone(f"another-server:{pid}:1")  # cannot be seen
    assert not taskrecovery.worker_is_gone("a-random-id-of-db_worker")


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_r32_the_mail_of_a_task_its_killed_worker_left_running_is_sent_once_on_restart(
    database_queue,
):
    notify.send_later(["a@example.go.th"], "แจ้งผลคำขอ", ["ข้อความ"])
    left_running = DBTaskResult.objects.get()
    left_running.claim(dead_worker_id())  # claimed, then the worker was SIGKILLed
    alive = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="prongsai.core.notify.deliver",
        backend_name="default",
        run_after=left_running.run_after,
    )
    alive.claim(taskrecovery.worker_id())  # a worker still running its task: not touched

    call_command("task_worker", "--batch", "--no-startup-delay", verbosity=0)

    left_running.refresh_from_db()
    assert left_running.status == "SUCCESSFUL"
    assert [m.subject for m in mail.outbox] == ["แจ้งผลคำขอ"]
    alive.refresh_from_db()
    assert alive.status == "RUNNING"
    entry = ModelLogEntry.objects.get(action="prongsai.operations.task_requeued")
    assert entry.data["task"] == "prongsai.core.notify.deliver"

    call_command("task_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(mail.outbox) == 1
