"""Faults survived (issue 17): the app under gunicorn with the production settings, against its
own PostgreSQL cluster and its own Redis, with its task worker and a mail server of its own,
under a bounded loopback load, while faults are injected.

Run (as root, for the tmpfs and for running PostgreSQL as its own user):
    .venv/bin/python bench/faults.py [fault ...]
Faults: pg-fast, pg-immediate, redis, worker-kill, task-worker-kill, disk-full (all by default).
Ports (environment, defaults in the faults range): FAULTS_PG_PORT 55440 (PostgreSQL),
FAULTS_REDIS_PORT 6390 (Redis), FAULTS_WEB_PORT 8140 (gunicorn), FAULTS_MAIL_PORT 8141 (SMTP).
Nothing touches the machine's own PostgreSQL or Redis. Everything lives in one temporary folder
and is stopped at the end. The load (bench/faults_load.py): public pages, Q&A questions and
survey answers as citizens send them (form fetched, challenge answered), publish requests and
approvals by signed-in staff; two-factor stays required (the data owner and the approver are
roles that do not need it) and no rate limit is raised. Each fault: a few seconds of load, the
fault, the load continues, the fault is cleared, recovery is timed (first 200 after clearing),
the load stops, the task queue drains, then reconciliation:

* every response that carries a request id has exactly one traffic record with that id and
  status, except the 503 refusals of a traffic store that could not write (by design: refused
  rather than served unrecorded); lost = responses without their record, doubled = ids twice;
* every submission that got a success response is stored exactly once (questions, survey
  answers, publish requests with one "submitted" event, approvals with one "approved" event);
* every e-mail queued (core.MailDelivery) reached the mail server exactly once (Message-ID),
  and every question's asker got one e-mail;
* every failure is a fast Thai 503 (never a traceback, never a hang past the timeout);
* staff signed in before a Redis restart are still signed in after it;
* the traffic chain verifies (`traffic_verify`).
"""

import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from faults_load import Http, MailSink, Submissions, sign_in, signed_in

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
PG_PORT = int(os.environ.get("FAULTS_PG_PORT", "55440"))
REDIS_PORT = int(os.environ.get("FAULTS_REDIS_PORT", "6390"))
WEB_PORT = int(os.environ.get("FAULTS_WEB_PORT", "8140"))
MAIL_PORT = int(os.environ.get("FAULTS_MAIL_PORT", "8141"))
PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
THREADS = 4
TIMEOUT = 10  # seconds: a request slower than this counts as a hang
BEFORE, DURING, AFTER = 3, 6, 4  # seconds of load around each fault
DRAIN_SECONDS = 90  # the task queue must be empty this long after the load stops
# What a load thread does next (weights): mostly reading, as on a real agency site.
# A decision with no request waiting reads a page instead.
ACTIONS = {"page": 5, "question": 2, "survey": 2, "request": 1, "decision": 2}
http = Http(WEB_PORT, TIMEOUT)


class Stack:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="prongsai-faults-"))
        os.chmod(self.dir, 0o755)  # noqa: S103 - the postgres user must reach its cluster
        self.traffic = self.dir / "traffic"
        self.traffic.mkdir()
        self.mounted = False
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "faults-harness-" + os.urandom(32).hex(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/prongsai",
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "PRONGSAI_DATA_DIR": str(self.dir / "data"),
            "PRONGSAI_TRAFFIC_DIR": str(self.traffic),
            "PRONGSAI_BIND": f"127.0.0.1:{WEB_PORT}",
            "PRONGSAI_WEB_WORKERS": "3",
            "SECURE_SSL_REDIRECT": "false",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(MAIL_PORT),
            "EMAIL_USE_TLS": "false",
        }
        self.procs: dict[str, subprocess.Popen] = {}
        self.mail = MailSink(MAIL_PORT, self.dir / "mail")
        threading.Thread(target=self.mail.serve_forever, daemon=True).start()
        self.stopping = threading.Event()
        self.worker_lock = threading.Lock()
        self.worker_restarts = 0

    # --- processes ---
    def pg(self, *args, check=True):
        return subprocess.run(
            ["runuser", "-u", "postgres", "--", str(PG_BIN / args[0]), *args[1:]],
            check=check,
            capture_output=True,
            text=True,
        )

    def start_postgres(self, first=False):
        data = self.dir / "pg"
        if first:
            data.mkdir()
            shutil.chown(data, "postgres", "postgres")
            self.pg(
                "initdb", "-D", str(data / "data"), "-U", "postgres", "--auth=trust", "-E",
                "UTF8", "--locale=C.UTF-8",
            )  # fmt: skip
        self.pg(
            "pg_ctl", "-D", str(data / "data"), "-l", str(data / "server.log"), "-w", "-o",
            f"-p {PG_PORT} -k {data} -c listen_addresses=127.0.0.1", "start",
        )  # fmt: skip
        if first:
            self.pg("createdb", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "prongsai")

    def stop_postgres(self, mode):
        self.pg(
            "pg_ctl", "-D", str(self.dir / "pg" / "data"), "-m", mode, "-w", "stop", check=False
        )

    def start_redis(self):
        self.procs["redis"] = subprocess.Popen(  # noqa: S603
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_port(REDIS_PORT)

    def kill_redis(self):
        self.procs["redis"].kill()
        self.procs["redis"].wait()

    def manage(self, *args, extra_env=None) -> str:
        return subprocess.run(
            [PY, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def db(self, action, **extra) -> dict:
        """bench/faults_db.py's answer, run in this stack's Django."""
        out = self.manage(
            "shell", "-c", "import runpy; runpy.run_path('bench/faults_db.py')",
            extra_env={"FAULTS_DB_ACTION": action, **extra},
        )  # fmt: skip
        line = next(line for line in out.splitlines() if line.startswith("FAULTS-DB "))
        return json.loads(line.removeprefix("FAULTS-DB "))

    def start_web(self):
        log = open(self.dir / "gunicorn.log", "ab")  # noqa: SIM115
        self.procs["web"] = subprocess.Popen(  # noqa: S603
            [PY, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "config.wsgi:application"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=log,
        )
        wait_port(WEB_PORT, seconds=60)

    def start_task_worker(self):
        log = open(self.dir / "worker.log", "ab")  # noqa: SIM115
        with self.worker_lock:
            self.procs["worker"] = subprocess.Popen(  # noqa: S603
                [PY, "manage.py", "task_worker", "--queue-name", "*", "--interval", "0.2",
                 "--no-startup-delay"],
                cwd=ROOT, env=self.env, stdout=log, stderr=log,
            )  # fmt: skip

    def supervise_task_worker(self):
        """What systemd does for the worker unit (Restart=always, RestartSec=2)."""
        while not self.stopping.wait(0.5):
            if self.procs["worker"].poll() is not None:
                time.sleep(2)
                if not self.stopping.is_set():
                    self.worker_restarts += 1
                    self.start_task_worker()

    def kill_task_worker(self):
        with self.worker_lock:
            worker = self.procs["worker"]
            if worker.poll() is None:
                worker.send_signal(signal.SIGKILL)
                worker.wait()
                return True
        return False

    def worker_pids(self) -> list[int]:
        out = subprocess.run(
            ["pgrep", "-P", str(self.procs["web"].pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in out.stdout.split()]

    def mount_small_disk(self, size="4m"):
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(self.traffic)],
            check=True,
        )
        self.mounted = True

    def up(self) -> dict:
        self.start_postgres(first=True)
        self.start_redis()
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")
        seeded = self.db("seed")
        self.start_web()
        self.start_task_worker()
        threading.Thread(target=self.supervise_task_worker, daemon=True).start()
        return seeded

    def down(self):
        self.stopping.set()
        for name in ("web", "worker", "redis"):
            proc = self.procs.get(name)
            if proc and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        self.mail.shutdown()
        self.stop_postgres("fast")
        if self.mounted:
            subprocess.run(["umount", str(self.traffic)], check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


def wait_port(port, seconds=20):
    import socket

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


# --- load ---


def classify(status, body) -> str:
    text = body.decode("utf-8", "replace")
    if "Traceback" in text:
        return "traceback"
    if status < 500:
        return "ok" if status != 429 else "429"
    if status == 503 and "ข้อมูลจราจร" in text:
        return "503-traffic-refused"
    if status == 503 and "ไม่พร้อมให้บริการ" in text:
        return "503-thai"
    return f"{status}"


class Load:
    def __init__(self, label, seeded, staff):
        self.label = label
        self.results = []  # (kind, status, request id, seconds)
        self.outcomes = []  # (what, marker or request pk, True / False / None = unknown)
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.submissions = Submissions(http, label, seeded["information_class"], staff)

    def record(self, method, path, **kwargs):
        """One request, its result kept for the reconciliation; raises when nothing came back."""
        started = time.monotonic()
        try:
            status, headers, body = http(method, path, **kwargs)
        except TimeoutError:
            self._keep("hang", None, None, started)
            raise
        except OSError as exc:
            self._keep(f"connection:{type(exc).__name__}", None, None, started)
            raise
        self._keep(classify(status, body), status, headers.get("X-Request-ID"), started)
        return status, headers, body

    def _keep(self, kind, status, rid, started):
        with self.lock:
            self.results.append((kind, status, rid, time.monotonic() - started))

    def one(self, number, action):
        try:
            if action == "page":
                self.record("GET", f"/?fault={self.label}&n={number}")
                return
            if action == "decision" and not self.submissions.pending:
                self.record("GET", f"/?fault={self.label}&n={number}")
                return
            outcome = {
                "question": self.submissions.question,
                "survey": self.submissions.survey,
                "request": self.submissions.publish_request,
                "decision": self.submissions.decision,
            }[action](self.record)
        except OSError:
            return  # kept by record(); a submission whose answer never came is not a success
        except Exception as exc:  # the harness's own mistake: shown, and the load goes on
            self._keep(f"harness-error:{type(exc).__name__}", None, None, time.monotonic())
            return
        if outcome is not None:
            with self.lock:
                self.outcomes.append(outcome)

    def run(self):
        counter = iter(range(10**9))
        names, weights = list(ACTIONS), list(ACTIONS.values())

        def loop(seed):
            chooser = random.Random(seed)  # noqa: S311 - a load mix, not a secret
            while not self.stop.is_set():
                self.one(next(counter), chooser.choices(names, weights)[0])

        threads = [threading.Thread(target=loop, args=(n,)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        return threads


def warm_up(seconds=60):
    """Every worker imports the application on its first request, and the admin and the forms
    on their first use: not a fault's cost."""
    patient = Http(WEB_PORT, 120)
    for _round in range(3):
        for path in ("/admin/login/", "/questions/ask/", "/survey/", "/"):
            with contextlib.suppress(OSError):
                patient("GET", path)
    end = time.monotonic() + seconds
    fast = 0
    while time.monotonic() < end and fast < 20:
        started = time.monotonic()
        with contextlib.suppress(OSError):
            http("GET", "/?warm-up=1")
        fast = fast + 1 if time.monotonic() - started < 0.5 else 0


def recovery_seconds(limit=60):
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            if http("GET", "/?probe=1")[0] == 200:
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.1)
    return float("inf")


# --- reconciliation ---


def traffic_records(directory: Path) -> Counter:
    seen = Counter()
    for segment in directory.glob("*/*.seg"):
        with open(segment, "rb") as handle:
            next(handle, None)  # the segment's header line
            for line in handle:
                body = json.loads(line[130:])  # "<hash> <prev> <body>"
                seen[(body[3], body[9])] += 1
    return seen


def reconcile_traffic(load: Load, stack: Stack) -> dict:
    records = traffic_records(stack.traffic)
    ids = Counter()
    lost = 0
    for kind, status, rid, _seconds in load.results:
        if rid is None or kind == "503-traffic-refused":
            continue
        ids[rid] += 1
        if records.get((rid, status), 0) == 0:
            lost += 1
    doubled = sum(1 for (rid, _status), count in records.items() if count > 1 and rid in ids)
    verify = subprocess.run(
        [PY, "manage.py", "traffic_verify"], cwd=ROOT, env=stack.env, capture_output=True, text=True
    )
    return {"lost": lost, "doubled": doubled, "reconciled": sum(ids.values()) - lost,
            "chain": verify.returncode == 0}  # fmt: skip


def drained_state(stack: Stack, label: str) -> tuple[dict, float]:
    """The database once the task queue is empty and every queued e-mail is marked sent."""
    started = time.monotonic()
    while True:
        state = stack.db("state", FAULTS_MARKER=f"faults-{label}-")
        waiting = state["tasks"].get("READY", 0) + state["tasks"].get("RUNNING", 0)
        unsent = sum(1 for sent in state["mail_keys"].values() if not sent)
        if (not waiting and not unsent) or time.monotonic() - started > DRAIN_SECONDS:
            return state, time.monotonic() - started
        time.sleep(2)


def reconcile_submissions(load: Load, state: dict) -> dict:
    stored = {
        "question": Counter(re.search(r"faults-\S+", t).group(0) for t in state["questions"]),
        "survey": Counter(state["surveys"]),
        "request": Counter(re.search(r"faults-\S+", t).group(0) for t in state["requests"]),
    }
    request_pk = {re.search(r"faults-\S+", t).group(0): pk for t, pk in state["requests"].items()}
    events = {(request, action): count for request, action, count in state["events"]}
    sent = Counter(what for what, _id, ok in load.outcomes if ok)
    lost = Counter()
    doubled = Counter()
    for what, identifier, ok in load.outcomes:
        if what == "decision":
            approvals = events.get((identifier, "approved"), 0)
            if ok and approvals == 0:
                lost[what] += 1
            continue
        if ok and stored[what][identifier] == 0:
            lost[what] += 1
    for what in ("question", "survey", "request"):
        doubled[what] = sum(1 for count in stored[what].values() if count > 1)
    doubled["request-submitted-event"] = sum(
        1 for pk in request_pk.values() if events.get((pk, "submitted"), 0) != 1
    )
    doubled["decision"] = sum(
        1 for (_pk, action), n in events.items() if action == "approved" and n > 1
    )
    return {"submitted_ok": dict(sent), "lost": dict(+lost), "doubled": dict(+doubled),
            "stored": {what: sum(counts.values()) for what, counts in stored.items()}}  # fmt: skip


def reconcile_mail(stack: Stack, load: Load, state: dict) -> dict:
    messages = stack.mail.messages()
    by_id = Counter(message_id.strip("<>").split("@")[0] for message_id, _to in messages)
    keys = state["mail_keys"]
    askers = Counter(to for _id, to in messages)
    asked = [marker for what, marker, ok in load.outcomes if what == "question" and ok]
    return {
        "queued": len(keys),
        "delivered": sum(1 for key in keys if by_id[key] >= 1),
        "lost": sum(1 for key in keys if by_id[key] == 0),
        "doubled": sum(1 for count in by_id.values() if count > 1),
        "askers_without_mail": sum(1 for marker in asked if askers[f"{marker}@example.go.th"] != 1),
        "failures_recorded": state["mail_failures"],
        # delivery tasks never run have no key yet: none may be left in the queue
        "tasks_left": state["tasks"].get("READY", 0) + state["tasks"].get("RUNNING", 0),
        "tasks_failed": state["tasks"].get("FAILED", 0),
    }


# --- faults ---


def fault_pg(stack, mode):
    stack.stop_postgres(mode)
    time.sleep(DURING)
    stack.start_postgres()


def fault_redis(stack):
    stack.kill_redis()
    time.sleep(DURING)
    stack.start_redis()


def fault_worker_kill(stack):
    end = time.monotonic() + DURING
    while time.monotonic() < end:
        pids = stack.worker_pids()
        if pids:
            os.kill(pids[0], signal.SIGKILL)
        time.sleep(2)


def fault_task_worker_kill(stack):
    """SIGKILL the task worker every 2 s; it is restarted as systemd would."""
    end = time.monotonic() + DURING
    while time.monotonic() < end:
        stack.kill_task_worker()
        time.sleep(2.5)


def fault_disk_full(stack):
    filler = stack.traffic / "filler"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    time.sleep(DURING)
    filler.unlink()


FAULTS = {
    "pg-fast": lambda stack: fault_pg(stack, "fast"),
    "pg-immediate": lambda stack: fault_pg(stack, "immediate"),
    "redis": fault_redis,
    "worker-kill": fault_worker_kill,
    "task-worker-kill": fault_task_worker_kill,
    "disk-full": fault_disk_full,
}


def staff_sessions(password) -> dict:
    """The data owner and the approver, signed in before the fault (patiently: not measured)."""
    patient = Http(WEB_PORT, 120)
    sessions = {}
    for role in ("owner", "approver"):
        for attempt in range(5):
            try:
                sessions[role] = sign_in(patient, f"faults-{role}", password)
                break
            except (OSError, RuntimeError):
                if attempt == 4:
                    raise
                time.sleep(5)
    return sessions


def run_fault(stack, seeded, name):
    staff = staff_sessions(seeded["password"])
    load = Load(name, seeded, staff)
    restarts = stack.worker_restarts
    threads = load.run()
    time.sleep(BEFORE)
    FAULTS[name](stack)
    recovery = recovery_seconds()
    time.sleep(AFTER)
    load.stop.set()
    for thread in threads:
        thread.join()
    state, drain = drained_state(stack, name)
    kinds = Counter(kind for kind, *_rest in load.results)
    slowest = max((seconds for *_rest, seconds in load.results), default=0)
    result = {
        "fault": name,
        "sent": len(load.results),
        "successes": kinds.pop("ok", 0),
        "failures": dict(kinds),
        "slowest_s": round(slowest, 2),
        "recovery_s": round(recovery, 2),
        "traffic": reconcile_traffic(load, stack),
        "submissions": reconcile_submissions(load, state),
        "mail": reconcile_mail(stack, load, state),
        "queue_drained_s": round(drain, 1),
        "task_worker_restarts": stack.worker_restarts - restarts,
        "tasks_requeued_total": (stack.dir / "worker.log")
        .read_text("utf-8", "replace")
        .count("requeued task"),
        "refused": Counter(f"{w} {s} {m}" for w, s, m in load.submissions.refusals),
        "staff_signed_in_after": all(
            signed_in(Http(WEB_PORT, 120), cookies) for cookies in staff.values()
        ),
    }
    return result


def failed(result) -> bool:
    return bool(
        result["traffic"]["lost"] or result["traffic"]["doubled"] or not result["traffic"]["chain"]
        or result["submissions"]["lost"] or any(result["submissions"]["doubled"].values())
        or result["mail"]["lost"] or result["mail"]["doubled"]
        or result["mail"]["askers_without_mail"] or result["mail"]["tasks_left"]
        or result["failures"].get("traceback") or result["failures"].get("hang")
        or any(kind.startswith("harness-error") for kind in result["failures"])
        or not result["staff_signed_in_after"]
    )  # fmt: skip


def main(argv):
    names = argv or list(FAULTS)
    stack = Stack()
    if "disk-full" in names:
        stack.mount_small_disk()
    results = []
    try:
        started = time.monotonic()
        seeded = stack.up()
        print(f"stack up in {time.monotonic() - started:.0f} s", flush=True)
        warm_up()
        for name in names:
            result = run_fault(stack, seeded, name)
            results.append(result)
            print(json.dumps(result, ensure_ascii=False), flush=True)
            if any(kind.startswith("5") and kind[:3] != "503" for kind in result["failures"]):
                errors = (stack.dir / "gunicorn.log").read_text("utf-8", "replace").splitlines()
                print("\n".join(line for line in errors if "Error" in line)[-3000:], flush=True)
    finally:
        stack.down()
    bad = [result for result in results if failed(result)]
    print("FAILED" if bad else "all faults survived")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
