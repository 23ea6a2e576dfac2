"""Load with Debian's wrk, bounded and on loopback only, with the CPU it cost (issue 21 item 4).

``ensure_wrk()`` installs Debian's ``wrk`` with apt-get when it is missing (as deploy/stack.sh
does). ``measure()`` runs wrk against one URL of 127.0.0.1 for a fixed time with a fixed
number of connections and reads, before and after, the CPU time (user + system, from
/proc/<pid>/stat) of the gunicorn master's workers and of the PostgreSQL backends connected to
the site's database (persistent connections: the workers keep theirs), so each request's CPU
is known for the application and for the database separately, whatever else the machine runs.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

THREADS = int(os.environ.get("BENCH_WRK_THREADS", "2"))
CONNECTIONS = int(os.environ.get("BENCH_WRK_CONNECTIONS", "4"))
TICKS = os.sysconf("SC_CLK_TCK")


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)
    return shutil.which("wrk") or "/usr/bin/wrk"


def _cpu_by_pid(pids) -> dict[int, float]:
    found = {}
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        found[pid] = (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
    return found


def _cpu_seconds(pids) -> float:
    return sum(_cpu_by_pid(pids).values())


def _cpu_spent(before: dict[int, float], pids) -> float:
    """CPU spent since ``before`` by ``pids``: a process that ended in between is left out
    (its last seconds are unknown), one that started in between counts whole."""
    after = _cpu_by_pid(pids)
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


def children(master_pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat[stat.rindex(")") + 2 :].split()[1]) == master_pid:
            found.append(int(entry.name))
    return found


def database_backends(admin_url: str, database: str) -> list[int]:
    """Process ids of the PostgreSQL backends connected to ``database`` (the server must run
    on this machine for their /proc entries to be readable)."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        ).fetchall()
    return [row[0] for row in rows]


def run_wrk(
    url: str, seconds: float, *, host: str = "localhost", headers=None, script=None
) -> dict:
    """wrk on ``url``; ``script``: a wrk Lua file that makes each request (a path per request)."""
    if not url.startswith("http://127.0.0.1:"):
        raise SystemExit(f"wrk is only pointed at loopback, not {url}")
    args = [
        ensure_wrk(),
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "--latency",
        "-H",
        f"Host: {host}",
        *[arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")],
        *(["-s", str(script)] if script else []),
        url,
    ]
    output = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )

    def latency(label: str) -> float:
        found = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)\b", output)
        if not found:
            return float("nan")
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
        "p50": latency("50"),
        "p99": latency("99"),
    }


def measure(
    url: str,
    seconds: float,
    *,
    master_pid: int,
    admin_url: str | None = None,
    database: str | None = None,
    host: str = "localhost",
    headers: dict | None = None,
    script=None,
) -> dict:
    """wrk on ``url`` for ``seconds``; requests/s, latency, and CPU ms per request of the
    gunicorn workers (``app_cpu_ms``) and of the database backends (``db_cpu_ms``)."""
    workers = children(master_pid)
    backends = database_backends(admin_url, database) if admin_url and database else []
    # Per process: a backend that closes during the run (its connection's age ran out) must
    # not subtract its whole past CPU from the total, which printed negative figures.
    app_before, db_before = _cpu_by_pid(workers), _cpu_by_pid(backends)
    result = run_wrk(url, seconds, host=host, headers=headers, script=script)
    app = _cpu_spent(app_before, workers)
    db = _cpu_spent(db_before, backends)
    # A backend a worker opened during the run was not read before it: count it whole.
    new_backends = (
        set(database_backends(admin_url, database)) - set(backends)
        if admin_url and database
        else ()
    )
    db += _cpu_seconds(new_backends)
    done = max(result["requests"], 1)
    result.update(app_cpu_ms=app * 1000 / done, db_cpu_ms=db * 1000 / done)
    return result
