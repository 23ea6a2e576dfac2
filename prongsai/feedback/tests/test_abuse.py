"""R9, R10: abuse resistance of the public forms."""

import json
import multiprocessing
import os
import re

import pytest
from django.db import connection, connections
from django.test import Client

from prongsai.feedback.models import Question, RateLimitBucket


def _ask(client, ip, n=0, **extra):
    data = {"title": f"คำถามที่ {n}", "body": "รายละเอียด"}
    data.update(extra)
    return client.post("/questions/ask/", data, REMOTE_ADDR=ip)


def _solve(html: str) -> dict:
    numbers = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
    first, second = re.search(r"([\u0e00-\u0e7f]+) บวก ([\u0e00-\u0e7f]+) เท่ากับ", html).groups()
    token = re.search(r'name="challenge_token" value="([^"]+)"', html).group(1)
    return {
        "challenge_token": token,
        "challenge_answer": str(numbers.index(first) + numbers.index(second)),
    }


def test_r9_burst_beyond_limit_gets_429_in_thai_while_another_client_is_fine(
    client, home_page, settings
):
    settings.PRONGSAI_FEEDBACK_RATE_LIMIT = 5
    settings.PRONGSAI_FEEDBACK_CHALLENGE_AFTER = 100  # challenge tested separately
    codes = [_ask(client, "198.51.100.1", n).status_code for n in range(5)]
    assert codes == [302] * 5
    refused = _ask(client, "198.51.100.1", 6)
    assert refused.status_code == 429
    assert "ท่านส่งข้อมูลบ่อยเกินไป" in refused.content.decode()
    assert refused["Retry-After"]
    assert _ask(Client(), "198.51.100.2", 7).status_code == 302
    assert Question.objects.count() == 6
    # The client is a keyed hash; the IP address is not stored.
    assert "198.51.100.1" not in str(list(RateLimitBucket.objects.values()))


def test_r9_challenge_appears_near_the_limit_and_must_be_solved(client, home_page, settings):
    settings.PRONGSAI_FEEDBACK_RATE_LIMIT = 10
    settings.PRONGSAI_FEEDBACK_CHALLENGE_AFTER = 1
    assert _ask(client, "198.51.100.3", 1).status_code == 302
    form = client.get("/questions/ask/", REMOTE_ADDR="198.51.100.3").content.decode()
    assert "บวก" in form
    unsolved = _ask(client, "198.51.100.3", 2)
    assert unsolved.status_code == 400
    assert "คำตอบคำถามยืนยันไม่ถูกต้อง" in unsolved.content.decode()
    solved = _ask(client, "198.51.100.3", 3, **_solve(unsolved.content.decode()))
    assert solved.status_code == 302
    assert Question.objects.count() == 2


def test_r9_a_refused_post_shows_the_challenge_the_next_post_will_need(client, home_page, settings):
    """The page after a refused post showed no challenge although the next post needed one, so
    the visitor was refused again for a question never shown (seen in the browser walk)."""
    settings.PRONGSAI_FEEDBACK_RATE_LIMIT = 10
    settings.PRONGSAI_FEEDBACK_CHALLENGE_AFTER = 1
    refused = _ask(client, "198.51.100.8", 1, title="")  # attempt 1: no challenge yet
    assert refused.status_code == 400
    assert "บวก" in refused.content.decode()  # attempt 2 will need it: shown now
    assert _ask(client, "198.51.100.8", 2, **_solve(refused.content.decode())).status_code == 302


def test_r9_a_solved_challenge_token_cannot_be_replayed(client, home_page, settings):
    """Issue 12: the signed token was reusable, so one solved sum let a bot post until the
    limit. Each token now counts once, right or wrong."""
    settings.PRONGSAI_FEEDBACK_RATE_LIMIT = 10
    settings.PRONGSAI_FEEDBACK_CHALLENGE_AFTER = 1
    assert _ask(client, "198.51.100.6", 1).status_code == 302
    form = client.get("/questions/ask/", REMOTE_ADDR="198.51.100.6").content.decode()
    answer = _solve(form)
    assert _ask(client, "198.51.100.6", 2, **answer).status_code == 302
    replay = _ask(client, "198.51.100.6", 3, **answer)
    assert replay.status_code == 400
    assert "คำตอบคำถามยืนยันไม่ถูกต้อง" in replay.content.decode()
    assert Question.objects.count() == 2


def test_r9_direction_override_characters_are_refused_in_questions(client, home_page):
    """Issue 12: U+202E in a title made it read differently to the moderator and the public."""
    response = _ask(client, "198.51.100.7", title="คำถาม \u202egnp.exe")
    assert response.status_code == 400
    assert "อักขระควบคุมทิศทาง" in response.content.decode()
    assert not Question.objects.exists()


def test_r9_honeypot_submission_is_silently_dropped(client, home_page):
    response = _ask(client, "198.51.100.4", website="http://spam.example")
    assert response.status_code == 302
    assert not Question.objects.exists()


def test_r9_forms_require_csrf_token(home_page):
    strict = Client(enforce_csrf_checks=True)
    assert _ask(strict, "198.51.100.5").status_code == 403
    assert strict.post("/survey/", {}).status_code == 403
    assert not Question.objects.exists()


def _burst(ip: str, attempts: int, sqlite_file: str | None, result_file: str) -> None:
    code = 1
    try:
        conn = connections["default"]
        conn.connection = None
        if sqlite_file:
            # A file database configured as production SQLite is (config/env.py).
            conn.settings_dict["NAME"] = sqlite_file
            conn.settings_dict["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
        client = Client()
        statuses = [_ask(client, ip, n).status_code for n in range(attempts)]
        with open(result_file, "w") as out:
            json.dump(statuses, out)
        conn.close()
        code = 0
    finally:
        os._exit(code)


@pytest.mark.django_db(transaction=True)
def test_r9_rate_limit_holds_across_worker_processes(home_page, settings, tmp_path):
    import sqlite3

    settings.PRONGSAI_FEEDBACK_RATE_LIMIT = 6
    settings.PRONGSAI_FEEDBACK_CHALLENGE_AFTER = 100
    sqlite_file = None
    if connection.vendor == "sqlite":
        sqlite_file = str(tmp_path / "shared.sqlite3")
        connection.ensure_connection()
        with sqlite3.connect(sqlite_file) as target:
            connection.connection.backup(target)
    connections.close_all()
    context = multiprocessing.get_context("fork")
    files = [str(tmp_path / f"result-{n}.json") for n in range(3)]
    workers = [
        context.Process(target=_burst, args=("192.0.2.9", 4, sqlite_file, name)) for name in files
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)
    assert [process.exitcode for process in workers] == [0, 0, 0]
    results = [json.load(open(name)) for name in files]  # noqa: SIM115
    statuses = sorted(code for result in results for code in result)
    # 12 attempts from one client in three processes: exactly the limit of 6 get through.
    assert statuses == [302] * 6 + [429] * 6


def test_r9_rate_limit_uses_client_address_behind_trusted_proxy(client, home_page, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.PRONGSAI_FEEDBACK_RATE_LIMIT = 1
    settings.PRONGSAI_FEEDBACK_CHALLENGE_AFTER = 100

    def via_proxy(visitor, n):
        data = {"title": f"คำถาม {n}", "body": "รายละเอียด"}
        return client.post(
            "/questions/ask/", data, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=visitor
        )

    assert via_proxy("203.0.113.1", 1).status_code == 302
    assert via_proxy("203.0.113.1", 2).status_code == 429
    # A spoofed left-most entry does not make a new client; a different real client is fine.
    assert via_proxy("1.2.3.4, 203.0.113.1", 3).status_code == 429
    assert via_proxy("203.0.113.2", 4).status_code == 302
