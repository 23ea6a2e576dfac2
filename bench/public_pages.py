"""Public pages under gunicorn vs plain Wagtail and vs a static server, in one run (issue 2).

What it does:

1. Prepares, in parallel, (a) the Prongsai demo in a temporary SQLite database with the
   production settings (DEBUG off, every middleware on, WhiteNoise's compressed manifest) and
   (b) a reference site made by ``wagtail start`` with a few bakerydemo-style additions: a blog
   page type with a StreamField body and tags, a top menu that checks each item for children,
   breadcrumbs and a footer text snippet, all written the way Wagtail's demo writes them. The
   reference news page carries the same title, introduction and paragraph as Prongsai's.
   Both prepared databases (and Prongsai's collected static files) are kept in
   ``var/bench-cache/`` keyed by a hash of the code, migrations and lock file, so a second run
   with unchanged code skips migrations, collectstatic and the demo load.
2. Serves each with gunicorn, 2 sync workers, on 127.0.0.1, and drives every public page type
   (a news page, a category listing, the home page, a search, the OIT page; the reference's
   blog index stands in for the OIT page, which Wagtail's starter lacks) for a fixed time with
   Debian's wrk (bench/wrkload.py: installed if missing, loopback only, bounded connections;
   no User-Agent, so visitor statistics do not count these requests). One more Prongsai run
   sends a browser User-Agent, so each view is also counted (R10) as a real visit would be.
3. Serves the same rendered HTML from files with nginx (Debian's; Python's http.server if
   nginx is missing) in the same run.
4. Prints requests/s, p50/p99 latency, the gunicorn workers' CPU time per request (read from
   /proc, so it hardly depends on what else the machine runs) and the ratios.

Run: .venv/bin/python bench/public_pages.py   (about 2.5 minutes; 4 with a cold cache)
Environment: BENCH_SECONDS (per app measurement, default 15), BENCH_PORTS (default 8185-8189),
BENCH_DATABASE_URL (Prongsai on PostgreSQL instead of SQLite; not cached), BENCH_FRESH=1
(ignore the cache).
"""

import hashlib
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
sys.path.insert(0, str(ROOT / "bench"))
PYTHON = sys.executable
SECONDS = float(os.environ.get("BENCH_SECONDS", "15"))
CACHE = ROOT / "var" / "bench-cache" / "public_pages"
FRESH = os.environ.get("BENCH_FRESH") == "1"
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"
NEWS, CATEGORY = "news page", "category page"
HOME, SEARCH, OIT = "home page", "search", "OIT page"
APP_PAGES = {
    NEWS: "/news/dengue-campaign/",
    CATEGORY: "/news/",
    HOME: "/",
    SEARCH: "/search/?q=%E0%B9%84%E0%B8%82%E0%B9%89%E0%B9%80%E0%B8%A5%E0%B8%B7%E0%B8%AD%E0%B8%94%E0%B8%AD%E0%B8%AD%E0%B8%81",
    OIT: None,  # the first catalogue linked from /oit/, found when the site is up
}
# Wagtail's starter has no OIT page: the OIT page is set against the blog index, the
# reference's costliest listing.
REF_PAGES = {
    NEWS: "/blog/dengue-campaign/",
    CATEGORY: "/blog/",
    HOME: "/",
    SEARCH: "/search/?query=dengue",
    OIT: "/blog/",
}


# --- the HTTP client ------------------------------------------------------------------------


#: Ports this bench may use (BENCH_PORTS, "first-last"); bench/scale.py uses 8180-8184.
_PORT_RANGE = os.environ.get("BENCH_PORTS", "8185-8189")


def free_port() -> int:
    first, last = map(int, _PORT_RANGE.split("-"))
    for port in range(first, last + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            if port not in _TAKEN:
                _TAKEN.add(port)
                return port
    raise SystemExit(f"no free port in {_PORT_RANGE}")


_TAKEN: set[int] = set()


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def wait_for(port: int, path: str, process: subprocess.Popen, timeout: float = 600) -> None:
    # Generous: on the shared 2-core machine (load average 20) a worker took minutes to boot.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server for port {port} exited with {process.returncode}")
        try:
            if get(port, path)[0] < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not answer {path} within {timeout:.0f}s")


def fetch(port: int, path: str) -> bytes:
    status, body = get(port, path)
    if status != 200:
        raise SystemExit(f"GET {path} on port {port} answered {status}")
    return body


def measure(targets: dict, seconds: float, rounds: int = 3) -> dict:
    """Load each target for ``seconds`` in all, in ``rounds`` interleaved slices, so a change
    in what else the shared machine runs weighs on every target alike. The load is Debian's
    wrk (bench/wrkload.py: loopback only, BENCH_WRK_THREADS / BENCH_WRK_CONNECTIONS).

    ``targets`` maps a name to (port, path, gunicorn master pid or None, headers or None), and
    optionally a wrk Lua script that makes each request's path.
    p50 is the slices' median weighted by their requests, p99 the worst slice's.
    """
    import wrkload

    for port, path, _, headers, *script in targets.values():  # warm-up: templates, caches
        wrkload.run_wrk(
            f"http://127.0.0.1:{port}{path}", 1, headers=headers, script=[*script, None][0]
        )
    runs = {name: [] for name in targets}
    for _ in range(rounds):
        for name, (port, path, master_pid, headers, *script) in targets.items():
            url = f"http://127.0.0.1:{port}{path}"
            script = [*script, None][0]
            if master_pid:
                part = wrkload.measure(
                    url, seconds / rounds, master_pid=master_pid, headers=headers, script=script
                )
            else:
                part = wrkload.run_wrk(url, seconds / rounds, headers=headers, script=script)
            runs[name].append(part)
    results = {}
    for name, parts in runs.items():
        requests = sum(part["requests"] for part in parts)
        if not requests:
            raise SystemExit(f"no successful request for {name}")
        results[name] = {
            "requests": requests,
            "errors": sum(part["non_2xx"] + part["socket_errors"] for part in parts),
            "rps": statistics.fmean(part["rps"] for part in parts),
            "p50": sum(part["p50"] * part["requests"] for part in parts) / requests,
            "p99": max(part["p99"] for part in parts),
        }
        if targets[name][2]:
            app_ms = sum(part["app_cpu_ms"] * part["requests"] for part in parts) / requests
            results[name]["cpu_ms"] = app_ms
    return results


# --- preparing the two sites ----------------------------------------------------------------


def digest(paths) -> str:
    sha = hashlib.sha256()
    for path in sorted(paths):
        sha.update(str(path.relative_to(ROOT)).encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:16]


def prongsai_code_key() -> str:
    """Everything the migrated demo database depends on: code (tests aside), lock file."""
    files = [p for p in (ROOT / "prongsai").rglob("*.py") if "tests" not in p.parts]
    files += [*(ROOT / "config").rglob("*.py"), ROOT / "requirements.lock"]
    return digest(files)


def static_key() -> str:
    files = [p for p in (ROOT / "prongsai").rglob("*") if "static" in p.parts and p.is_file()]
    return digest([*files, ROOT / "requirements.lock", ROOT / "config" / "settings" / "base.py"])


def run(command: list[str], cwd: Path, env: dict, log: Path) -> None:
    with log.open("a") as output:
        # Output goes to a log: the demo's e-mails find no SMTP server here, which is fine.
        result = subprocess.run(command, cwd=cwd, env=env, stdout=output, stderr=output)
    if result.returncode:
        print(log.read_text()[-4000:])
        raise SystemExit(f"{' '.join(command[1:4])} failed (log: {log})")


def timed(label: str, timings: dict, function, *args) -> None:
    started = time.perf_counter()
    function(*args)
    timings[label] = time.perf_counter() - started


def prongsai_env(work: Path) -> dict:
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


def prepare_prongsai(work: Path, env: dict, timings: dict) -> None:
    log = work / "prongsai.log"
    manage = [PYTHON, "manage.py"]
    use_cache = not FRESH and "BENCH_DATABASE_URL" not in os.environ
    db_cache = CACHE / f"prongsai-{prongsai_code_key()}.sqlite3"
    static_cache = CACHE / f"static-{static_key()}"

    def collectstatic() -> None:
        if use_cache and static_cache.is_dir():
            timings["prongsai static (cached)"] = 0.0
        else:
            command = [*manage, "collectstatic", "--noinput"]
            timed("prongsai collectstatic", timings, run, command, ROOT, env, log)
            if use_cache:
                shutil.rmtree(static_cache, ignore_errors=True)
                shutil.copytree(work / "static", static_cache, symlinks=True)
        if use_cache:
            shutil.rmtree(work / "static", ignore_errors=True)
            (work / "static").symlink_to(static_cache, target_is_directory=True)

    static_thread = threading.Thread(target=collectstatic)
    static_thread.start()
    if use_cache and db_cache.exists():
        shutil.copyfile(db_cache, work / "bench.sqlite3")
        timings["prongsai database (cached)"] = 0.0
    else:
        timed("prongsai migrate", timings, run, [*manage, "migrate", "--noinput"], ROOT, env, log)
        timed("prongsai load_demo", timings, run, [*manage, "load_demo"], ROOT, env, log)
        if use_cache:
            CACHE.mkdir(parents=True, exist_ok=True)
            for old in CACHE.glob("prongsai-*.sqlite3"):
                old.unlink()
            shutil.copyfile(work / "bench.sqlite3", db_cache)
    static_thread.join()


def reference_env(project: Path) -> dict:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "refsite.settings.production",
            "REFERENCE_DB": str(project / "db.sqlite3"),
            "PYTHONPATH": str(project),
        }
    )
    return env


def prepare_reference(work: Path, timings: dict) -> Path:
    project = work / "reference"
    log = work / "reference.log"
    key = digest([Path(__file__).resolve(), ROOT / "requirements.lock"])
    cached = CACHE / f"reference-{key}"
    if not FRESH and cached.is_dir():
        shutil.copytree(cached, project)
        timings["reference site (cached)"] = 0.0
        return project
    started = time.perf_counter()
    project.mkdir()
    wagtail = Path(PYTHON).parent / "wagtail"
    run([str(wagtail), "start", "refsite", str(project)], work, dict(os.environ), log)
    for relative, text in REFERENCE_FILES.items():
        target = project / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    env = reference_env(project)
    manage = [PYTHON, "manage.py"]
    run([*manage, "makemigrations", "home"], project, env, log)
    run([*manage, "migrate", "--noinput"], project, env, log)
    run([*manage, "shell", "--command", "import populate; populate.run()"], project, env, log)
    timings["reference wagtail start + migrate + content"] = time.perf_counter() - started
    if not FRESH:
        for old in CACHE.glob("reference-*"):
            shutil.rmtree(old, ignore_errors=True)
        shutil.copytree(project, cached, ignore=shutil.ignore_patterns("__pycache__"))
    return project


def start_gunicorn(cwd: Path, env: dict, port: int, application: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            application,
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=cwd,
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


def stop(process: subprocess.Popen | None) -> None:
    if process is None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


# --- the run --------------------------------------------------------------------------------


def first_time_search_script(work: Path, path: str) -> Path:
    """A wrk script whose every request asks a query no request asked before (the search
    path plus a token unique per run, thread and request), so no kept HTML can answer."""
    script = work / "first_time_search.lua"
    script.write_text(
        "local threads = 0\n"
        "function setup(thread) threads = threads + 1; thread:set('tid', threads) end\n"
        "local started, counter = nil, 0\n"
        "function request()\n"
        "  started = started or (os.time() .. 'r' .. math.random(1000000))\n"
        "  counter = counter + 1\n"
        f"  return wrk.format(nil, '{path}%20' .. started .. 't' .. tostring(tid) .. 'n' .. counter)\n"
        "end\n"
    )
    return script


def row(page: str, server: str, result: dict) -> None:
    cpu = f"{result['cpu_ms']:8.2f}" if "cpu_ms" in result else f"{'-':>8}"
    print(
        f"{page:<28} {server:<24} {result['rps']:8.1f} {result['p50']:8.1f} "
        f"{result['p99']:8.1f} {cpu} {result['errors']:6d}",
        flush=True,
    )


def main() -> None:
    import wrkload

    wrkload.ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="prongsai-public-bench-"))
    work.chmod(0o755)  # nginx's workers (user nobody when started as root) read the HTML here
    load_before = os.getloadavg()
    print(
        f"machine: {os.cpu_count()} cores, load average {load_before[0]:.1f} (1 min) "
        f"{load_before[1]:.1f} (5 min); wrk -t{wrkload.THREADS} -c{wrkload.CONNECTIONS}; "
        f"{SECONDS:.0f}s per app measurement"
    )
    print("preparing Prongsai's demo and the plain Wagtail reference in parallel:", flush=True)
    started = time.perf_counter()
    env = prongsai_env(work)
    timings: dict = {}
    reference: dict = {}
    ref_thread = threading.Thread(
        target=lambda: reference.update(project=prepare_reference(work, timings))
    )
    ref_thread.start()
    prepare_prongsai(work, env, timings)
    ref_thread.join()
    if "project" not in reference:
        raise SystemExit("preparing the reference site failed")
    for label, seconds in timings.items():
        print(f"  {label:<44} {seconds:5.1f}s")
    print(f"  {'set-up total':<44} {time.perf_counter() - started:5.1f}s", flush=True)

    app_port, ref_port, static_port = free_port(), free_port(), free_port()
    app = start_gunicorn(ROOT, env, app_port, "config.wsgi:application")
    ref = start_gunicorn(
        reference["project"],
        reference_env(reference["project"]),
        ref_port,
        "refsite.wsgi:application",
    )
    static = None
    try:
        wait_for(app_port, APP_PAGES[NEWS], app)
        wait_for(ref_port, REF_PAGES[NEWS], ref)
        oit_index = fetch(app_port, "/oit/").decode()
        APP_PAGES[OIT] = "/oit/" + oit_index.split('href="/oit/', 1)[1].split('"', 1)[0]
        html_dir = work / "html"
        sizes = {}
        for port, pages in ((app_port, APP_PAGES), (ref_port, REF_PAGES)):
            for path in (pages[NEWS], pages[CATEGORY]):
                target = html_dir / path.strip("/") / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(fetch(port, path))  # the same rendered HTML
                sizes[path] = target.stat().st_size
        static, static_name = start_static(html_dir, work, static_port)
        wait_for(static_port, APP_PAGES[NEWS], static)

        print(f"\nservers: gunicorn, 2 sync workers each; static: {static_name}")
        for pages in (APP_PAGES, REF_PAGES):
            print(
                "  " + ", ".join(f"{pages[n]} {sizes[pages[n]]:,} bytes" for n in (NEWS, CATEGORY))
            )
        header = (
            f"{'page':<28} {'server':<24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'CPU ms':>8} {'errors':>6}"
        )
        print(header)
        print("-" * len(header))
        counted = {"User-Agent": BROWSER_UA}
        first_time = first_time_search_script(work, APP_PAGES[SEARCH])
        results = {}
        for name in (NEWS, CATEGORY, HOME, SEARCH, OIT):
            targets = {
                "Prongsai": (app_port, APP_PAGES[name], app.pid, None),
                "plain Wagtail": (ref_port, REF_PAGES[name], ref.pid, None),
            }
            if name == NEWS:
                targets["Prongsai, counted visit"] = (app_port, APP_PAGES[name], app.pid, counted)
            if name == SEARCH:  # the search above repeats one query: its HTML is kept
                targets["Prongsai, first-time query"] = (
                    app_port,
                    APP_PAGES[name],
                    app.pid,
                    None,
                    first_time,
                )
            for server, result in measure(targets, SECONDS).items():
                results[name, server] = result
                row(name, server, result)
            if name in (NEWS, CATEGORY):
                static_result = measure(
                    {"static": (static_port, APP_PAGES[name], None, None)}, 5, 1
                )
                results[name, "nginx"] = static_result["static"]
                row(name, "nginx, same HTML", static_result["static"])

        print("\n(CPU ms = the gunicorn workers' CPU time per request, from /proc)")
        for name in (NEWS, CATEGORY, HOME, SEARCH, OIT):
            mine, theirs = results[name, "Prongsai"], results[name, "plain Wagtail"]
            nginx = results.get((name, "nginx"))
            print(
                f"{name}: Prongsai / plain Wagtail throughput {mine['rps'] / theirs['rps']:.1f}x, "
                f"CPU per request {theirs['cpu_ms'] / mine['cpu_ms']:.1f}x less"
                + (f"; nginx / Prongsai {nginx['rps'] / mine['rps']:.0f}x" if nginx else "")
            )
        first = results[SEARCH, "Prongsai, first-time query"]
        print(
            "search, a query never asked before (nothing kept): Prongsai / plain Wagtail "
            f"throughput {first['rps'] / results[SEARCH, 'plain Wagtail']['rps']:.1f}x, "
            f"CPU per request {first['cpu_ms'] / results[SEARCH, 'plain Wagtail']['cpu_ms']:.1f}x"
            " the reference's"
        )
        print(
            "counting the visit (R10) costs "
            f"{results[NEWS, 'Prongsai, counted visit']['cpu_ms'] - results[NEWS, 'Prongsai']['cpu_ms']:.2f}"
            " ms CPU per news page"
        )
        load_after = os.getloadavg()
        print(
            f"\nload average at the end: {load_after[0]:.1f} (1 min). The client runs on the same "
            "cores; the nginx figures are bounded by it, so those ratios are lower bounds."
        )
    finally:
        for process in (app, ref, static):
            stop(process)
        shutil.rmtree(work, ignore_errors=True)


# --- the plain Wagtail reference site -------------------------------------------------------
# Written after `wagtail start refsite`: the idioms of Wagtail's bakerydemo (menu with a
# children check per item, breadcrumbs from get_ancestors, footer snippet, tags, StreamField).

REFERENCE_FILES = {
    "refsite/settings/local.py": """import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "reference-site-for-the-benchmark-only-" + "x" * 20
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["REFERENCE_DB"]}
}
# Only HTML is measured: no collectstatic, so no manifest.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WAGTAILADMIN_BASE_URL = "http://localhost"
""",
    "home/models.py": """from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.snippets.models import register_snippet


class HomePage(Page):
    introduction = models.TextField(blank=True)


class SectionPage(Page):
    introduction = models.TextField(blank=True)


class BlogIndexPage(Page):
    introduction = models.TextField(blank=True)

    def get_context(self, request):
        context = super().get_context(request)
        context["posts"] = BlogPage.objects.live().child_of(self).order_by("-date_published")
        return context


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey("BlogPage", related_name="tagged_items", on_delete=models.CASCADE)


class BlogPage(Page):
    subtitle = models.CharField(blank=True, max_length=255)
    introduction = models.TextField(blank=True)
    body = StreamField(
        [
            ("heading", blocks.CharBlock()),
            ("paragraph", blocks.RichTextBlock()),
            ("quote", blocks.BlockQuoteBlock()),
        ],
        blank=True,
    )
    date_published = models.DateField(null=True, blank=True)
    tags = ClusterTaggableManager(through=BlogPageTag, blank=True)

    def get_tags(self):
        tags = self.tags.all()
        base_url = self.get_parent().url
        for tag in tags:
            tag.url = f"{base_url}tags/{tag.slug}/"
        return tags


@register_snippet
class FooterText(models.Model):
    body = RichTextField()
    live = models.BooleanField(default=True)
""",
    "home/templatetags/__init__.py": "",
    "home/templatetags/navigation_tags.py": """from django import template
from wagtail.models import Page, Site

from home.models import FooterText

register = template.Library()


@register.simple_tag(takes_context=True)
def get_site_root(context):
    return Site.find_for_request(context["request"]).root_page


def has_menu_children(page):
    return page.get_children().live().in_menu().exists()


@register.inclusion_tag("home/tags/top_menu.html", takes_context=True)
def top_menu(context, parent, calling_page=None):
    menuitems = parent.get_children().live().in_menu()
    for menuitem in menuitems:
        menuitem.show_dropdown = has_menu_children(menuitem)
        menuitem.active = (
            calling_page.url_path.startswith(menuitem.url_path) if calling_page else False
        )
    return {"calling_page": calling_page, "menuitems": menuitems, "request": context["request"]}


@register.inclusion_tag("home/tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        ancestors = ()
    else:
        ancestors = Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1)
    return {"ancestors": ancestors, "request": context["request"]}


@register.inclusion_tag("home/tags/footer_text.html", takes_context=True)
def get_footer_text(context):
    instance = FooterText.objects.filter(live=True).first()
    return {"footer_text": instance.body if instance else ""}
""",
    "home/templates/home/tags/top_menu.html": """{% load wagtailcore_tags %}
<ul class="nav">
  {% for menuitem in menuitems %}
  <li class="{% if menuitem.show_dropdown %}has-submenu{% endif %}{% if menuitem.active %} active{% endif %}">
    <a href="{% pageurl menuitem %}">{{ menuitem.title }}</a>
  </li>
  {% endfor %}
</ul>
""",
    "home/templates/home/tags/breadcrumbs.html": """{% load wagtailcore_tags %}
{% if ancestors %}<nav aria-label="breadcrumb"><ol class="breadcrumb">
  {% for page in ancestors %}{% if page.is_root == False and page.url != "/" %}
  <li class="breadcrumb-item"><a href="{% pageurl page %}">{{ page.title }}</a></li>
  {% endif %}{% endfor %}
</ol></nav>{% endif %}
""",
    "home/templates/home/tags/footer_text.html": """{% load wagtailcore_tags %}
<div class="footer-text">{{ footer_text|richtext }}</div>
""",
    "refsite/templates/base.html": """{% load static wagtailcore_tags navigation_tags %}<!DOCTYPE html>
<html lang="th">
<head>
  <meta charset="utf-8">
  <title>{% block title %}{% if page.seo_title %}{{ page.seo_title }}{% else %}{{ page.title }}{% endif %}{% endblock %}{% wagtail_site as current_site %}{% if current_site and current_site.site_name %} - {{ current_site.site_name }}{% endif %}</title>
  {% if page.search_description %}<meta name="description" content="{{ page.search_description }}">{% endif %}
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="{% static 'css/refsite.css' %}">
</head>
<body class="{% block body_class %}{% endblock %}">
  <header>
    <a href="/">{% wagtail_site as current_site %}{{ current_site.site_name }}</a>
    {% get_site_root as site_root %}
    {% top_menu parent=site_root calling_page=page %}
    <form action="/search/" method="get"><input type="text" name="query"><button>Search</button></form>
  </header>
  {% block breadcrumbs %}{% breadcrumbs %}{% endblock %}
  <main>{% block content %}{% endblock %}</main>
  <footer>{% get_footer_text %}</footer>
  <script src="{% static 'js/refsite.js' %}"></script>
</body>
</html>
""",
    "home/templates/home/blog_page.html": """{% extends "base.html" %}
{% load wagtailcore_tags %}
{% block content %}
<div class="container">
  <h1>{{ page.title }}</h1>
  {% if page.subtitle %}<p class="blog__subtitle">{{ page.subtitle }}</p>{% endif %}
  {% if page.introduction %}<p class="blog__introduction">{{ page.introduction }}</p>{% endif %}
  {% if page.date_published %}<div class="blog__published">{{ page.date_published }}</div>{% endif %}
  <div class="blog__body">{% for block in page.body %}{% include_block block %}{% endfor %}</div>
  {% if page.get_tags %}<p>Tagged with:</p>
  {% for tag in page.get_tags %}<a href="{{ tag.url }}" class="btn">{{ tag }}</a> {% endfor %}{% endif %}
</div>
{% endblock %}
""",
    "home/templates/home/blog_index_page.html": """{% extends "base.html" %}
{% load wagtailcore_tags %}
{% block content %}
<h1>{{ page.title }}</h1>
{% if page.introduction %}<p>{{ page.introduction }}</p>{% endif %}
<ul>{% for post in posts %}
  <li><h2><a href="{% pageurl post %}">{{ post.title }}</a></h2>
  {% if post.introduction %}<p>{{ post.introduction|truncatechars:220 }}</p>{% endif %}
  <p>{{ post.date_published }}</p></li>
{% endfor %}</ul>
{% endblock %}
""",
    "home/templates/home/section_page.html": """{% extends "base.html" %}
{% block content %}<h1>{{ page.title }}</h1><p>{{ page.introduction }}</p>{% endblock %}
""",
    "home/templates/home/home_page.html": """{% extends "base.html" %}
{% block content %}<h1>{{ page.title }}</h1><p>{{ page.introduction }}</p>{% endblock %}
""",
    "populate.py": '''"""Content like Prongsai's demo: 11 menu sections, a blog of 20 posts, a footer text."""

import datetime as dt

from wagtail.models import Site

from home.models import BlogIndexPage, BlogPage, FooterText, HomePage, SectionPage

SECTIONS = [
    "ข้อมูลหน่วยงาน", "กฎหมายที่เกี่ยวข้อง", "ความรู้และสถิติ", "เว็บลิงก์",
    "ศูนย์ข้อมูลข่าวสาร", "คู่มือการปฏิบัติงาน", "คู่มือการให้บริการประชาชน",
    "บริการอิเล็กทรอนิกส์", "สถิติผู้เข้าชม", "ผู้บริหารเทคโนโลยีสารสนเทศระดับสูง",
]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def run():
    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    site.site_name = "หน่วยงานตัวอย่าง"
    site.save()
    for number, title in enumerate(SECTIONS):
        section = publish(home, SectionPage(title=title, slug=f"section-{number}",
                                            show_in_menus=True, introduction=title))
        if number % 2 == 0:
            publish(section, SectionPage(title=f"{title} ๑", slug="part-1", show_in_menus=True))
    blog = publish(home, BlogIndexPage(title="ข่าวประชาสัมพันธ์", slug="blog", show_in_menus=True))
    for number in range(20):
        slug = "dengue-campaign" if number == 0 else f"news-{number}"
        post = BlogPage(
            title="รณรงค์ป้องกันโรคไข้เลือดออกช่วงฤดูฝน" if number == 0 else f"ข่าวที่ {number}",
            slug=slug,
            introduction="ขอเชิญชวนประชาชนร่วมกำจัดแหล่งเพาะพันธุ์ยุงลายตามมาตรการ 3 เก็บ 3 โรค",
            date_published=dt.date(2026, 11, 1) - dt.timedelta(days=number),
            body=[("paragraph", "<p>ขอเชิญชวนประชาชนร่วมกำจัดแหล่งเพาะพันธุ์ยุงลายตามมาตรการ "
                                "3 เก็บ 3 โรค</p>")],
        )
        post.tags.add("สาธารณสุข", "ไข้เลือดออก")
        publish(blog, post)
    FooterText.objects.create(body="<p>หน่วยงานตัวอย่าง โทรศัพท์ 0 2000 0000</p>")
''',
}


if __name__ == "__main__":
    main()
