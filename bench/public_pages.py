"""Public pages under gunicorn vs the same HTML from a static server (issue 2, R13).

Loads the demo into a temporary database with the production settings (DEBUG off, every
middleware on), serves it with gunicorn (2 sync workers) on 127.0.0.1, and drives a category
page and a news page for a fixed time with a small threaded client. The same rendered HTML is
then served from files by nginx (Debian's, when installed; otherwise Python's http.server) in
the same run, and the ratio is printed.

Run: .venv/bin/python bench/public_pages.py  (about 2 minutes)
Options by environment: BENCH_DATABASE_URL (default: a temporary SQLite file),
BENCH_SECONDS (per measurement, default 15), BENCH_CLIENTS (concurrent clients, default 4).
"""

import http.client
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SECONDS = float(os.environ.get("BENCH_SECONDS", "15"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
TARGETS = {"category page": "/news/", "news page": "/news/dengue-campaign/"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, path: str = "/", timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path, headers={"Host": "localhost"})
            if connection.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not answer {path} within {timeout:.0f}s")


def fetch(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": "localhost"})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"GET {path} on port {port} answered {response.status}")
    return body


def load(port: int, path: str, seconds: float) -> dict:
    """Closed-loop load: CLIENTS threads, one request at a time each, new connection each
    (gunicorn's sync workers close the connection after every response anyway)."""
    latencies: list[list[float]] = [[] for _ in range(CLIENTS)]
    errors = [0] * CLIENTS
    stop_at = time.perf_counter() + seconds

    def client(index: int) -> None:
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request("GET", path, headers={"Host": "localhost"})
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status != 200:
                    errors[index] += 1
                    continue
            except OSError:
                errors[index] += 1
                continue
            latencies[index].append(time.perf_counter() - started)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    samples = sorted(value for per_client in latencies for value in per_client)
    if not samples:
        raise SystemExit(f"no successful request to port {port} {path} ({sum(errors)} errors)")
    return {
        "requests": len(samples),
        "errors": sum(errors),
        "rps": len(samples) / elapsed,
        "p50": statistics.median(samples) * 1000,
        "p99": samples[int(len(samples) * 0.99) - 1] * 1000,
    }


def django_env(work: Path) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "DATABASE_URL": os.environ.get(
                "BENCH_DATABASE_URL", f"sqlite:///{work / 'bench.sqlite3'}"
            ),
            "PRONGSAI_DATA_DIR": str(work),
            "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback, as behind nginx
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def prepare_site(work: Path, env: dict) -> None:
    log = work / "prepare.log"
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["load_demo"]):
        started = time.perf_counter()
        with log.open("a") as output:
            # Output goes to a log: the demo's e-mails find no SMTP server here, which is fine.
            result = subprocess.run(
                [PYTHON, "manage.py", *command], cwd=ROOT, env=env, stdout=output, stderr=output
            )
        if result.returncode:
            print(log.read_text()[-4000:])
            raise SystemExit(f"manage.py {command[0]} failed")
        print(f"  {command[0]:<13} {time.perf_counter() - started:5.1f}s", flush=True)


def start_gunicorn(env: dict, port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )


def start_static(html_dir: Path, work: Path, port: int) -> tuple[subprocess.Popen, str]:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if nginx:
        conf = work / "nginx.conf"
        conf.write_text(
            f"""
worker_processes 2;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi;
    uwsgi_temp_path {work}/nginx-uwsgi;
    scgi_temp_path {work}/nginx-scgi;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {html_dir};
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""
        )
        version = subprocess.run([nginx, "-v"], capture_output=True, text=True).stderr.strip()
        return subprocess.Popen([nginx, "-c", str(conf), "-p", str(work)]), version
    process = subprocess.Popen(
        [PYTHON, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=html_dir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return process, "Python http.server (nginx not installed)"


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="prongsai-public-bench-"))
    work.chmod(0o755)  # nginx's workers (user nobody when started as root) read the HTML here
    env = django_env(work)
    print(f"machine: {os.cpu_count()} cores; clients: {CLIENTS}; {SECONDS:.0f}s per measurement")
    print("preparing the demo site (production settings, DEBUG off):")
    prepare_site(work, env)

    app_port, static_port = free_port(), free_port()
    gunicorn = start_gunicorn(env, app_port)
    static = None
    try:
        wait_for(app_port, "/news/")
        html_dir = work / "html"
        for path in TARGETS.values():
            target = html_dir / path.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(fetch(app_port, path))  # the same rendered HTML
        static, static_name = start_static(html_dir, work, static_port)
        wait_for(static_port, "/news/")

        print(f"\napp: gunicorn, 2 sync workers; static: {static_name}")
        header = (
            f"{'page':<14} {'server':<8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}"
        )
        print(header)
        print("-" * len(header))
        for name, path in TARGETS.items():
            load(app_port, path, 2)  # warm-up: templates, caches, connections
            app = load(app_port, path, SECONDS)
            load(static_port, path, 1)
            static_result = load(static_port, path, SECONDS)
            for server, result in (("app", app), ("static", static_result)):
                print(
                    f"{name:<14} {server:<8} {result['rps']:8.1f} {result['p50']:8.1f} "
                    f"{result['p99']:8.1f} {result['errors']:6d}"
                )
            ratio = static_result["rps"] / app["rps"] if app["rps"] else float("inf")
            print(f"{name:<14} static/app throughput ratio: {ratio:.1f}x  ({path})")
        print(
            "\nThe client runs on the same 2 cores; the static figures are bounded by the client, "
            "so the ratio is a lower bound."
        )
    finally:
        for process in (gunicorn, static):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
