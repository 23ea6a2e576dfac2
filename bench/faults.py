"""Faults survived (issue 17): the app under gunicorn with the production settings, against its
own PostgreSQL cluster and its own Redis, under a bounded loopback load, while faults are injected.

Run (as root, for the tmpfs and for running PostgreSQL as its own user):
    .venv/bin/python bench/faults.py [fault ...]
Faults: pg-fast, pg-immediate, redis, worker-kill, disk-full (all by default). Ports 18510
(PostgreSQL), 18511 (Redis), 18520 (gunicorn); everything lives in one temporary folder and is
stopped at the end. Each fault: a few seconds of load, the fault, the load continues, the fault
is cleared, recovery is timed (first 200 after clearing), the load stops, then reconciliation:

* every response that carries a request id has exactly one traffic record with that id and
  status, except the 503 refusals of a traffic store that could not write (by design: refused
  rather than served unrecorded); lost = responses without their record, doubled = ids twice;
* every failure is a fast Thai 503 (never a traceback, never a hang past the timeout);
* a member of staff signed in before a Redis restart is still signed in after it;
* the traffic chain verifies (`traffic_verify`).
"""

import contextlib
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
PG_PORT, REDIS_PORT, WEB_PORT = 18510, 18511, 18520
PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
THREADS = 4
TIMEOUT = 10  # seconds: a request slower than this counts as a hang
BEFORE, DURING, AFTER = 3, 6, 4  # seconds of load around each fault
STAFF = ("faults-admin", "Fault-harness-password-2569")


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
            "PRONGSAI_REQUIRE_2FA": "false",
            "SECURE_SSL_REDIRECT": "false",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": "9",
            "EMAIL_USE_TLS": "false",
        }
        self.procs: dict[str, subprocess.Popen] = {}

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
                "initdb",
                "-D",
                str(data / "data"),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            )
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

    def manage(self, *args):
        subprocess.run(
            [PY, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True
        )

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

    def up(self):
        self.start_postgres(first=True)
        self.start_redis()
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")
        self.manage(
            "shell", "-c",
            "from prongsai.sitepages.tests.factories import build_site; build_site('127.0.0.1');"
            "from prongsai.accounts.models import User;"
            f"User.objects.create_superuser('{STAFF[0]}', 'a@example.go.th', '{STAFF[1]}')",
        )  # fmt: skip
        self.start_web()

    def down(self):
        for name in ("web", "redis"):
            proc = self.procs.get(name)
            if proc and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    proc.kill()
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


def request(method, path, *, headers=None, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", WEB_PORT, timeout=TIMEOUT)
    try:
        conn.request(
            method, path, body=body, headers={"Host": f"127.0.0.1:{WEB_PORT}", **(headers or {})}
        )
        response = conn.getresponse()
        return response.status, response.msg, response.read()
    finally:
        conn.close()


class Load:
    def __init__(self, label):
        self.label = label
        self.results = []  # (kind, status, request id, seconds)
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def one(self, number):
        path = f"/?fault={self.label}&n={number}"
        started = time.monotonic()
        try:
            status, headers, body = request("GET", path)
        except TimeoutError:
            kind, status, rid = "hang", None, None
        except (ConnectionError, http.client.HTTPException, OSError) as exc:
            kind, status, rid = f"connection:{type(exc).__name__}", None, None
        else:
            rid = headers.get("X-Request-ID")
            text = body.decode("utf-8", "replace")
            if "Traceback" in text:
                kind = "traceback"
            elif status < 500:
                kind = "ok"
            elif status == 503 and "ข้อมูลจราจร" in text:
                kind = "503-traffic-refused"
            elif status == 503 and "ไม่พร้อมให้บริการ" in text:
                kind = "503-thai"
            else:
                kind = f"{status}"
        with self.lock:
            self.results.append((kind, status, rid, time.monotonic() - started))

    def run(self):
        counter = iter(range(10**9))

        def loop():
            while not self.stop.is_set():
                self.one(next(counter))

        threads = [threading.Thread(target=loop) for _ in range(THREADS)]
        for thread in threads:
            thread.start()
        return threads


def warm_up(seconds=60):
    """Every worker imports the application on its first request: not a fault's cost."""
    end = time.monotonic() + seconds
    fast = 0
    while time.monotonic() < end and fast < 20:
        started = time.monotonic()
        with contextlib.suppress(OSError):
            request("GET", "/?warm-up=1")
        fast = fast + 1 if time.monotonic() - started < 0.5 else 0


def recovery_seconds(limit=60):
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            if request("GET", "/?probe=1")[0] == 200:
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.1)
    return float("inf")


# --- staff session ---


def _set_cookies(headers) -> dict[str, str]:
    jar = SimpleCookie()
    for value in headers.get_all("Set-Cookie") or []:
        jar.load(value)
    return {name: morsel.value for name, morsel in jar.items()}


def _named(cookies: dict[str, str], suffix: str) -> tuple[str, str] | None:
    """The production settings prefix the names with __Host- (ADR 0256); match either way."""
    return next(((k, v) for k, v in cookies.items() if k.endswith(suffix)), None)


def sign_in() -> dict:
    status, headers, body = request("GET", "/admin/login/")
    csrf_name, csrf = _named(_set_cookies(headers), "csrftoken")
    form = urllib.parse.urlencode(
        {"username": STAFF[0], "password": STAFF[1], "csrfmiddlewaretoken": csrf}
    )
    status, headers, _body = request(
        "POST",
        "/admin/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{csrf_name}={csrf}",
            "Referer": f"http://127.0.0.1:{WEB_PORT}/admin/login/",
        },
    )
    session = _named(_set_cookies(headers), "sessionid")
    if status != 302 or not session:
        raise RuntimeError(f"staff sign-in failed ({status})")
    return {"Cookie": f"{session[0]}={session[1]}; {csrf_name}={csrf}"}


def signed_in(cookies) -> bool:
    status, headers, _body = request("GET", "/admin/", headers=cookies)
    return status == 200 or (status == 302 and "/login" not in headers.get("Location", ""))


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


def reconcile(load: Load, stack: Stack) -> dict:
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
    return {
        "lost": lost,
        "doubled": doubled,
        "reconciled": sum(ids.values()) - lost,
        "chain": verify.returncode == 0,
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
    "disk-full": fault_disk_full,
}


def run_fault(stack, name):
    cookies = sign_in() if name == "redis" else None
    load = Load(name)
    threads = load.run()
    time.sleep(BEFORE)
    FAULTS[name](stack)
    recovery = recovery_seconds()
    time.sleep(AFTER)
    load.stop.set()
    for thread in threads:
        thread.join()
    kinds = Counter(kind for kind, *_rest in load.results)
    slowest = max((seconds for *_rest, seconds in load.results), default=0)
    result = {
        "fault": name,
        "sent": len(load.results),
        "successes": kinds.pop("ok", 0),
        "failures": dict(kinds),
        "slowest_s": round(slowest, 2),
        "recovery_s": round(recovery, 2),
        **reconcile(load, stack),
    }
    if cookies is not None:
        result["staff_signed_in_after"] = signed_in(cookies)
    return result


def main(argv):
    names = argv or list(FAULTS)
    stack = Stack()
    if "disk-full" in names:
        stack.mount_small_disk()
    results = []
    try:
        started = time.monotonic()
        stack.up()
        print(f"stack up in {time.monotonic() - started:.0f} s", flush=True)
        warm_up()
        for name in names:
            result = run_fault(stack, name)
            results.append(result)
            print(json.dumps(result, ensure_ascii=False), flush=True)
            if any(kind.startswith("5") and kind[:3] != "503" for kind in result["failures"]):
                errors = (stack.dir / "gunicorn.log").read_text("utf-8", "replace").splitlines()
                print("\n".join(line for line in errors if "Error" in line)[-3000:], flush=True)
    finally:
        stack.down()
    bad = [
        r for r in results
        if r["lost"] or r["doubled"] or not r["chain"] or r["failures"].get("traceback")
        or r["failures"].get("hang") or r.get("staff_signed_in_after") is False
    ]  # fmt: skip
    print("FAILED" if bad else "all faults survived")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
