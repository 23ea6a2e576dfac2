"""The fault harness's load and mail server (bench/faults.py): what citizens and staff do, over
loopback, and an SMTP server that keeps every message it accepts.

Citizens ask questions and answer the survey as visitors do: the form is fetched first, and
the arithmetic challenge it shows near the rate limit is read from the page and answered (the
signed single-use token travels back with the answer). Each simulated citizen has its own
address (``X-Forwarded-For`` from loopback, which the app trusts as its reverse proxy, as behind
nginx) and posts at most RATE_LIMIT times, so no protection is turned off or raised. Staff (a
data owner and an approver, signed in once with their passwords) file publish requests and
approve them; a decision counts as a success only when the page after it says so.
"""

import email
import email.policy
import http.client
import itertools
import re
import socketserver
import threading
import time
import urllib.parse
from pathlib import Path

THAI_NUMBERS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
RATE_LIMIT = 5  # PRONGSAI_FEEDBACK_RATE_LIMIT's default: posts per citizen address and window
APPROVED = "บันทึกการอนุมัติแล้ว"


class Http:
    def __init__(self, port, timeout):
        self.port, self.timeout = port, timeout

    def __call__(self, method, path, *, headers=None, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
            response = conn.getresponse()
            return response.status, response.msg, response.read()
        finally:
            conn.close()


# The production settings name the session and CSRF cookies ``__Host-…`` (ADR 0256); the load
# reads them by their plain names and sends them back under the names the server gave.
_SENT_NAMES: dict[str, str] = {}


def cookies_from(headers) -> dict:
    found = {}
    for line in headers.get_all("Set-Cookie") or []:
        name, _sep, rest = line.partition("=")
        name = name.strip()
        plain = name.removeprefix("__Host-")
        _SENT_NAMES[plain] = name
        found[plain] = rest.split(";", 1)[0]
    return found


def cookie_header(cookies: dict) -> str:
    return "; ".join(f"{_SENT_NAMES.get(name, name)}={value}" for name, value in cookies.items())


def form_post(fields: dict, cookies: dict, extra=None) -> dict:
    return {
        "body": urllib.parse.urlencode(fields),
        "headers": {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(cookies),
            **(extra or {}),
        },
    }


def hidden_value(html: str, name: str) -> str | None:
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"[^>]*name="{name}"', html
    )
    return match.group(1) if match else None


def solve_challenge(html: str) -> dict:
    """The fields of the arithmetic challenge the page shows, answered; {} when there is none."""
    token = hidden_value(html, "challenge_token")
    if token is None:
        return {}
    words = "|".join(THAI_NUMBERS)
    first, second = re.search(rf"({words}) บวก ({words}) เท่ากับ", html).groups()
    answer = THAI_NUMBERS.index(first) + THAI_NUMBERS.index(second)
    return {"challenge_token": token, "challenge_answer": str(answer)}


class Citizens:
    """Addresses for simulated citizens: each is used for at most RATE_LIMIT posts."""

    def __init__(self, label):
        self.lock = threading.Lock()
        self.numbers = itertools.count(1)
        self.current, self.used = None, RATE_LIMIT
        self.label = label

    def next(self) -> str:
        with self.lock:
            if self.used >= RATE_LIMIT:
                number = next(self.numbers)
                # 198.18.0.0/15 is set aside for benchmarks: never a real visitor, never contacted
                self.current = f"198.18.{number // 250}.{number % 250 + 1}"
                self.used = 0
            self.used += 1
            return self.current


class Submissions:
    """One citizen's or staff member's action: a form fetched (when the site has one), posted."""

    def __init__(self, http, label, information_class, staff):
        self.http, self.label = http, label
        self.information_class = information_class
        self.staff = staff  # {"owner": cookies, "approver": cookies}
        self.citizens = Citizens(label)
        self.pending = []  # publish requests waiting for the approver
        self.lock = threading.Lock()
        self.counter = itertools.count(1)
        self.refusals = []  # (what, status, the page's first error message) of refused posts

    def refused(self, what, status, body) -> None:
        html = body.decode("utf-8", "replace")
        error = re.search(r'class="[^"]*error[^"]*"[^>]*>\s*(?:<[^>]+>\s*)*([^<]{3,120})', html)
        with self.lock:
            self.refusals.append((what, status, error.group(1).strip() if error else ""))

    def marker(self, kind) -> str:
        return f"faults-{self.label}-{kind}-{next(self.counter)}"

    def _citizen_form(self, path, record):
        address = self.citizens.next()
        status, headers, body = record("GET", path, headers={"X-Forwarded-For": address})
        html = body.decode("utf-8", "replace")
        cookies = cookies_from(headers)
        if status != 200 or "csrftoken" not in cookies:
            return None
        return address, html, cookies

    def question(self, record):
        form = self._citizen_form("/questions/ask/", record)
        if form is None:
            return None
        address, html, cookies = form
        marker = self.marker("question")
        fields = {
            "csrfmiddlewaretoken": cookies["csrftoken"],
            "title": f"สอบถามเรื่องวัคซีน {marker}",
            "body": "อยากทราบวันและเวลาที่รับวัคซีนได้ที่โรงพยาบาลส่งเสริมสุขภาพตำบล",
            "asker_name": "ประชาชนทดสอบ",
            "asker_email": f"{marker}@example.go.th",
            "email_consent": "on",
            "website": "",
            **solve_challenge(html),
        }
        status, headers, body = record(
            "POST", "/questions/ask/", **form_post(fields, cookies, {"X-Forwarded-For": address})
        )
        ok = status == 302 and "/track/" in headers.get("Location", "")
        if status in (200, 400, 403):
            self.refused("question", status, body)
        return ("question", marker, ok)

    def survey(self, record):
        form = self._citizen_form("/survey/", record)
        if form is None:
            return None
        address, html, cookies = form
        marker = self.marker("survey")
        fields = {"csrfmiddlewaretoken": cookies["csrftoken"], "website": "", "comment": marker}
        for name in dict.fromkeys(re.findall(r'name="(q\d+)"', html)):
            fields[name] = "5"
        fields.update(solve_challenge(html))
        status, headers, body = record(
            "POST", "/survey/", **form_post(fields, cookies, {"X-Forwarded-For": address})
        )
        ok = status == 302 and "/survey/thanks/" in headers.get("Location", "")
        if status in (200, 400, 403):
            self.refused("survey", status, body)
        return ("survey", marker, ok)

    def publish_request(self, record):
        cookies = self.staff["owner"]
        marker = self.marker("request")
        fields = {
            "csrfmiddlewaretoken": cookies["csrftoken"],
            "title": f"ประชาสัมพันธ์กิจกรรม {marker}",
            "summary": "เชิญชวนประชาชนร่วมกิจกรรม",
            "category": "news",
            "content": "สำนักงานขอเชิญชวนประชาชนร่วมกิจกรรมรณรงค์ป้องกันโรคไข้เลือดออก",
            "source": "กลุ่มงานทดสอบความทนทาน",
            "info_period_start": "2026-12-01",
            "information_class": str(self.information_class),
            "urgency": "normal",
        }
        status, headers, body = record(
            "POST", "/admin/publish-requests/new/", **form_post(fields, cookies)
        )
        if status in (200, 400, 403):
            self.refused("request", status, body)
        match = re.search(r"/admin/publish-requests/(\d+)/$", headers.get("Location", ""))
        ok = status == 302 and match is not None
        if ok:
            with self.lock:
                self.pending.append(int(match.group(1)))
        return ("request", marker, ok)

    def decision(self, record):
        with self.lock:
            if not self.pending:
                return None
            pk = self.pending.pop(0)
        cookies = dict(self.staff["approver"])
        path = f"/admin/publish-requests/{pk}/"
        fields = {"csrfmiddlewaretoken": cookies["csrftoken"], "decision": "approve", "reason": ""}
        status, headers, body = record("POST", path + "decide/", **form_post(fields, cookies))
        if status != 302:
            if status < 500:
                self.refused("decision", status, body)
            return ("decision", pk, False)
        # The outcome is in the message the next page shows (cookie-stored messages).
        cookies.update(cookies_from(headers))
        status, _headers, body = record("GET", path, headers={"Cookie": cookie_header(cookies)})
        if status != 200:
            return ("decision", pk, None)  # decided or not: the answer never came back
        approved = APPROVED in body.decode("utf-8", "replace")
        if not approved:
            self.refused("decision", status, body)
        return ("decision", pk, approved)


def sign_in(http, username, password) -> dict:
    status, headers, _body = http("GET", "/admin/login/")
    cookies = cookies_from(headers)
    fields = {
        "username": username,
        "password": password,
        "csrfmiddlewaretoken": cookies["csrftoken"],
    }
    status, headers, _body = http("POST", "/admin/login/", **form_post(fields, cookies))
    cookies.update(cookies_from(headers))
    if status != 302 or "sessionid" not in cookies:
        raise RuntimeError(f"staff sign-in failed for {username} ({status})")
    return cookies


def signed_in(http, cookies) -> bool:
    status, headers, _body = http(
        "GET", "/admin/publish-requests/", headers={"Cookie": cookie_header(cookies)}
    )
    return status == 200


# --- the mail server ---


class MailSink(socketserver.ThreadingTCPServer):
    """Enough SMTP for Django's SMTP backend: each accepted message is one file in ``folder``.
    ``delay`` seconds pass before the server agrees to take a message's data, so a task worker
    is usually killed while sending rather than between two e-mails."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port, folder: Path, delay=0.3):
        self.folder, self.delay = folder, delay
        self.counter = itertools.count(1)
        self.lock = threading.Lock()
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(("127.0.0.1", port), SmtpSession)

    def store(self, data: bytes) -> None:
        with self.lock:
            number = next(self.counter)
        (self.folder / f"{number:06d}.eml").write_bytes(data)

    def messages(self) -> list:
        found = []
        for path in sorted(self.folder.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            found.append((str(message["Message-ID"]), str(message["To"])))
        return found


class SmtpSession(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 faults-sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("ascii", "replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 faults-sink")
            elif command.startswith("DATA"):
                time.sleep(self.server.delay)
                self.reply("354 end with <CRLF>.<CRLF>")
                data = []
                for body_line in iter(self.rfile.readline, b""):
                    if body_line in (b".\r\n", b".\n"):
                        break
                    data.append(body_line[1:] if body_line.startswith(b"..") else body_line)
                else:
                    return  # the client went away mid-message: nothing was accepted
                self.server.store(b"".join(data))
                self.reply("250 accepted")
            elif command.startswith("QUIT"):
                self.reply("221 bye")
                return
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 ok")
