"""R36: reminders before each deadline to the agencies that have not submitted, once; and the
website check of a submission against a real HTTP server on loopback."""

import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.core import mail

from prongsai.parentbody import checks, services
from prongsai.parentbody.jobs import remind_before_deadlines
from prongsai.parentbody.models import LinkCheck, Reminder
from prongsai.parentbody.selectors import board, broken_links

from .conftest import answers, at

pytestmark = pytest.mark.django_db
PORT = 18410
OIT_CSV = (
    "\ufeffรหัสข้อ,หมวด/ตัวชี้วัด,ชื่อข้อ,สถานะ,URL หลักฐาน,คำอธิบาย\n"
    'o1,,โครงสร้าง,ครบ,"http://127.0.0.1:18410/ok\nhttp://127.0.0.1:18410/oit-gone",\n'
).encode()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path in ("/ok", "/about/"):
            self._reply(200, b"<html>ok</html>")
        elif self.path == "/oit/oit-2570/export.csv":
            self._reply(200, OIT_CSV)
        else:
            self._reply(404, b"not found")

    def _reply(self, status, content):
        self.send_response(status)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, *args):
        pass


@pytest.fixture
def agency_server(settings):
    # The test-only allowlist (ADR 0250): the outbound guard refuses loopback otherwise.
    settings.PRONGSAI_OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8", "::1/128"]
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{PORT}"
    server.shutdown()
    server.server_close()


def test_r36_reminder_n_days_before_each_deadline_to_those_not_submitted_once(
    round_, agencies, reporters, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(2027, 4, 20), tick=False):
        services.submit(reporters["a"], round_, agencies["a"], answers=answers())
        services.save_draft(reporters["b"], round_, agencies["b"], answers={})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_before_deadlines(dt.date(2027, 4, 26)) == {"reminded": 0}  # 4 days early
        assert remind_before_deadlines(dt.date(2027, 4, 27)) == {"reminded": 2}
        assert remind_before_deadlines(dt.date(2027, 4, 28)) == {"reminded": 0}  # never twice
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == sorted(
        [
            "b@example.go.th",
            "reporter-b@example.go.th",
            "c@example.go.th",
            "reporter-c@example.go.th",
        ]
    )
    assert "30 เมษายน 2570" in mail.outbox[0].body
    # Before the final deadline: those still silent are reminded again, for that deadline.
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_before_deadlines(dt.date(2027, 5, 21)) == {"reminded": 2}
    assert Reminder.objects.count() == 4


def test_r36_reminder_job_is_registered_as_a_periodic_job():
    from prongsai.monitoring.jobrunner import JOB_SPECS
    from prongsai.parentbody import tasks  # noqa: F401  (registers on import)

    assert {"parentbody_reminders", "parentbody_push_retry"} <= set(JOB_SPECS)


def test_r36_domain_rule():
    assert checks.on_domain("https://www.a.go.th/x", "https://a.go.th")
    assert checks.on_domain("https://news.a.go.th/x", "https://www.a.go.th")
    assert not checks.on_domain("https://a.go.th.evil.example/x", "https://a.go.th")
    assert not checks.on_domain("https://facebook.com/a", "https://a.go.th")


def test_r36_website_check_finds_the_broken_and_foreign_links(
    round_, agencies, reporters, coordinator, agency_server, in_round
):
    agency = agencies["a"]
    agency.website, agency.runs_prongsai, agency.oit_slug = agency_server, True, "oit-2570"
    agency.save()
    given = answers(agency_server)
    given["categories"][0]["url"] = f"{agency_server}/ok"
    given["categories"][1] = {
        "title": "การจัดซื้อจัดจ้าง",
        "published": True,
        "url": f"{agency_server}/planted-broken",
    }
    given["urls"] = [f"http://localhost:{PORT}/ok"]  # answers, but not on the agency's domain
    submission = services.submit(reporters["a"], round_, agency, answers=given)
    results = {c.url: c for c in checks.check_submission(submission)}
    assert results[f"{agency_server}/ok"].ok and results[f"{agency_server}/ok"].on_own_domain
    assert results[f"{agency_server}/planted-broken"].status_code == 404
    assert not results[f"http://localhost:{PORT}/ok"].on_own_domain
    assert results[f"{agency_server}/oit-gone"].source == "oit"
    broken = {c.url for c in broken_links(submission)}
    assert broken == {
        f"{agency_server}/planted-broken",
        f"http://localhost:{PORT}/ok",
        f"{agency_server}/oit-gone",
    }
    row = next(r for r in board(round_) if r.agency == agency)
    assert {c.url for c in row.broken} == broken
    checks.check_submission(submission)  # checking again replaces, never piles up
    assert LinkCheck.objects.filter(submission=submission).count() == 4


def test_r36_website_check_is_bounded(
    round_, agencies, reporters, agency_server, in_round, monkeypatch
):
    monkeypatch.setattr(checks, "MAX_URLS", 3)
    monkeypatch.setattr(checks, "MAX_BYTES", 10)
    given = answers()
    given["urls"] = [f"{agency_server}/ok?n={n}" for n in range(10)]
    submission = services.submit(reporters["a"], round_, agencies["a"], answers=given)
    assert len(checks.check_submission(submission)) == 3
    status, body, _error = checks._fetch(f"{agency_server}/ok")
    assert status == 200 and len(body) <= 10
    assert checks._fetch("file:///etc/passwd") == (None, b"", "scheme")
