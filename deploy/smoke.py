"""Smoke test of the running loopback stack (deploy/stack.sh up; make stack-smoke).

Through nginx, over HTTPS: a page is served from the cache; a publish purges it and the new
text is visible within a second; an expired item answers 410 through the cache; a staff
sign-in and the pages a signed-in person sees are never cached; afterwards the nginx log is
ingested, the traffic chain verifies, every nginx-served request of this run is in it, and
every counted page view of this run is counted once.

    PRONGSAI_STACK_DIR=/tmp/prongsai-stack .venv/bin/python deploy/smoke.py
"""

import http.client
import os
import re
import ssl
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

APP_DIR = Path(__file__).resolve().parent.parent
STACK_DIR = Path(os.environ.get("PRONGSAI_STACK_DIR", "/tmp/prongsai-stack"))  # noqa: S108 - the stack's own folder
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36"
PUBLISH_VISIBLE_SECONDS = 1.0


def load_stack_env() -> dict[str, str]:
    values = {}
    for line in (STACK_DIR / "env").read_text().splitlines():
        key, _eq, value = line.partition("=")
        values[key] = value
    os.environ.update(values)
    return values


ENV = load_stack_env()
HTTPS_PORT = int(ENV["WAGTAILADMIN_BASE_URL"].rsplit(":", 1)[1])
sys.path.insert(0, str(APP_DIR))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from prongsai.sitepages.models import NewsPage  # noqa: E402


class Client:
    """HTTPS to nginx on loopback, with the stack's own certificate, keeping cookies."""

    def __init__(self):
        self.context = ssl.create_default_context(cafile=str(STACK_DIR / "tls" / "cert.pem"))
        self.cookies: dict[str, str] = {}
        self.request_ids: list[str] = []

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPSConnection("127.0.0.1", HTTPS_PORT, context=self.context)
        headers = {"User-Agent": BROWSER, "Accept-Language": "th", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for value in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(value)
            self.cookies.update({key: morsel.value for key, morsel in cookie.items()})
        self.request_ids.append(response.headers.get("X-Request-ID", ""))
        connection.close()
        return response.status, response.headers, text

    def get(self, path):
        return self.request("GET", path)


def check(condition, message):
    if not condition:
        raise SystemExit(f"SMOKE FAILED: {message}")
    print(f"ok  {message}")


def manage(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(APP_DIR / ".venv/bin/python"), "manage.py", *args],
        cwd=APP_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def counted_views() -> int:
    from django.db.models import Sum

    from prongsai.analytics.models import DailySummary

    return DailySummary.objects.filter(day=timezone.localdate()).aggregate(n=Sum("views"))["n"] or 0


def main() -> int:
    anonymous = Client()
    manage("count_visits")  # whatever the stack's start-up produced is counted before we begin
    views_before = counted_views()
    expected_views = 0

    news = NewsPage.objects.live().order_by("pk").first()
    path = news.url_path.removeprefix(news.get_site().root_page.url_path).join("//")
    path = "/" + path.strip("/") + "/"
    status, headers, _ = anonymous.get(path)
    status2, headers2, text = anonymous.get(path)
    expected_views += 2
    check(status == status2 == 200, f"{path} answers 200")
    check(headers2.get("X-Cache") == "HIT", f"the second request is served from cache ({path})")
    check("public" in headers2.get("Cache-Control", ""), "the page says it may be shared")
    for compressible in (path, "/static/core/css/site.css"):
        status, headers, _ = anonymous.request(
            "GET", compressible, headers={"Accept-Encoding": "gzip"}
        )
        expected_views += compressible == path
        check(
            status == 200 and headers.get("Content-Encoding") == "gzip",
            f"{compressible} is sent compressed",
        )

    # Bad input does not poison the cache for others: a forged cookie, a huge query string, an
    # odd Host. Each is answered without being stored; visitors still get the shared copy.
    forged = Client()
    forged.cookies[settings.SESSION_COOKIE_NAME] = "forged"
    status, headers, _ = forged.get(path)
    expected_views += status == 200
    check(headers.get("X-Cache") == "BYPASS", "a forged session cookie bypasses the cache")
    status, headers, _ = anonymous.get(path + "?q=" + "%E0%B8%81" * 3000)
    expected_views += status == 200
    check(status == 414, f"a huge query string is refused by nginx ({status})")
    odd = http.client.HTTPSConnection("127.0.0.1", HTTPS_PORT, context=anonymous.context)
    try:
        odd.request("GET", path, headers={"Host": "evil.example", "User-Agent": BROWSER})
        odd_answer = odd.getresponse().status
    except (http.client.HTTPException, OSError):
        odd_answer = None
    check(odd_answer is None, "a request for another Host gets no answer")
    status, headers, _ = anonymous.get(path)
    expected_views += 1
    check(headers.get("X-Cache") == "HIT", "and visitors still get the shared copy")

    # Publish: the cached copy is purged and the new title shows within a second. Three tries:
    # on a machine shared with other work one render can be slow; the best must make it.
    timings = []
    for attempt in range(3):
        new_title = f"{news.title.split(' (')[0]} (ปรับปรุง {attempt} {time.time():.0f})"
        news.title = new_title
        news.save_revision().publish()
        published = time.monotonic()
        while True:
            status, headers, text = anonymous.get(path)
            expected_views += 1
            if new_title in text or time.monotonic() - published > 10:
                break
            time.sleep(0.02)
        check(new_title in text, "the published change is served")
        timings.append(time.monotonic() - published)
        anonymous.get(path)  # back in the cache before the next try
        expected_views += 1
    best = min(timings)
    shown = ", ".join(f"{value * 1000:.0f}" for value in timings)
    check(
        best <= PUBLISH_VISIBLE_SECONDS,
        f"publish-to-visible {best * 1000:.0f} ms ≤ {PUBLISH_VISIBLE_SECONDS * 1000:.0f} ms "
        f"(tries: {shown} ms)",
    )

    # Expiry: the window closes, the scheduler's job runs, the URL answers 410 via the cache.
    expiring = NewsPage.objects.live().exclude(pk=news.pk).order_by("pk").first()
    expiring_path = (
        "/"
        + expiring.url_path.removeprefix(expiring.get_site().root_page.url_path).strip("/")
        + "/"
    )
    anonymous.get(expiring_path)
    status, headers, _ = anonymous.get(expiring_path)
    expected_views += 2
    check(headers.get("X-Cache") == "HIT", f"{expiring_path} is in the cache before it expires")
    expiring.expire_at = timezone.now() + timezone.timedelta(seconds=2)
    expiring.save_revision().publish()
    time.sleep(2.2)
    from prongsai.monitoring.windows import run_scheduled_publishing

    run_scheduled_publishing()
    status, headers, text = anonymous.get(expiring_path)
    status2, headers2, _ = anonymous.get(expiring_path)
    check(status == 410, f"the expired item answers 410 through nginx (got {status})")
    check(status2 == 410, f"and again from the cache ({headers2.get('X-Cache')})")

    # Staff: the sign-in page and everything a signed-in person gets bypass the cache.
    staff = Client()
    status, headers, text = staff.get("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
    check(status == 200 and token, "the sign-in page answers with a form")
    check(headers.get("X-Cache") in (None, "BYPASS", "MISS"), "the sign-in page is not cached")
    status, headers, _ = staff.request(
        "POST",
        "/admin/login/",
        body=urlencode(
            {
                "username": "publisher",
                "password": "Prongsai-Pub-2569",
                "csrfmiddlewaretoken": token.group(1),
                "next": "/admin/",
            }
        ),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"https://127.0.0.1:{HTTPS_PORT}/admin/login/",
        },
    )
    check(
        status == 302 and settings.SESSION_COOKIE_NAME in staff.cookies,
        f"staff sign in ({settings.SESSION_COOKIE_NAME} cookie set)",
    )
    status, headers, text = staff.get(path)
    check(headers.get("X-Cache") == "BYPASS", "a signed-in person's page view bypasses the cache")
    check("public" not in headers.get("Cache-Control", ""), "and is not marked shareable")
    status, headers, _ = anonymous.get(path)
    expected_views += 1
    check(headers.get("X-Cache") == "HIT", "visitors still get the shared copy afterwards")

    # Traffic data and counting from nginx's logs (what logrotate's hook runs).
    time.sleep(1.1)  # nginx writes its log lines when each response is done
    log_dir = STACK_DIR / "log"
    ingest = manage("traffic_ingest_nginx", str(log_dir / "prongsai.access.log"))
    check(ingest.returncode == 0, f"nginx log ingested: {ingest.stdout.strip()}")
    verify = manage("traffic_verify")
    check(verify.returncode == 0, f"the traffic chain verifies: {verify.stdout.strip()[-120:]}")
    from prongsai.trafficlog import store

    stored = "".join(
        info.path.read_text(encoding="utf-8", errors="replace")
        for info in store.list_segments()
        if info.name.endswith("-nginx.seg")
    )
    ids = [rid for rid in anonymous.request_ids + staff.request_ids if rid]
    missing = [rid for rid in ids if f'"nginx","{rid}"' not in stored]
    check(not missing, f"all {len(ids)} requests of this run are nginx traffic records")
    counted = manage("count_visits")
    check(counted.returncode == 0, f"visits counted: {counted.stdout.strip()}")
    got = counted_views() - views_before
    check(got == expected_views, f"{got} page views counted = {expected_views} served to visitors")
    print("SMOKE OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
