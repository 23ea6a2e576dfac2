"""R36 end to end: a province and an agency, two Prongsai sites running at once on loopback,
each with its own database.

The agency approves its 6-month report and its site pushes it to the province; the province's
board shows it submitted. A second agency reports through the province's form (with one
planted broken URL, which the website check finds), a third gets the reminder, a fourth
reports late and is marked late. A wrong and a revoked token get 403 and are recorded; a
replayed push is stored once.
"""

import json
import re
import tempfile
from pathlib import Path

import pytest
import requests

from e2e.twosites import AGENCY_PORT, migrated_pair
from prongsai.parentbody import tokens

PROVINCE_SETUP = """
import datetime as dt, json
from django.utils import timezone
from prongsai.accounts.models import User
from prongsai.parentbody import services, tokens
from prongsai.parentbody.models import Deadline, MemberAgency, ReportingRound
today = timezone.localdate()
def person(name, email):
    user = User.objects.create(username=name, email=email, is_staff=True)
    user.set_password("Correct-Horse-Battery-9"); user.save(); return user
coordinator = person("coordinator", "coord@phangnga.example")
coordinator.groups.add(services.coordinator_group())
agency_site = "http://127.0.0.1:AGENCY_PORT"
other_site = "http://localhost:AGENCY_PORT"
a = MemberAgency.objects.create(name="สำนักงานสาธารณสุขจังหวัดพังงา", website=agency_site,
    runs_prongsai=True, oit_slug="oit", contact_email="a@phangnga.example")
b = MemberAgency.objects.create(name="สำนักงานพัฒนาสังคมฯ จังหวัดพังงา", website=other_site,
    contact_email="b@phangnga.example")
c = MemberAgency.objects.create(name="ที่ทำการปกครองอำเภอตะกั่วป่า", website="http://127.0.0.3:9",
    contact_email="c@phangnga.example")
d = MemberAgency.objects.create(name="สำนักงานเกษตรจังหวัดพังงา", website="http://127.0.0.4:9",
    contact_email="d@phangnga.example")
services.add_reporter(coordinator, b, person("reporter-b", "rb@phangnga.example"))
services.add_reporter(coordinator, d, person("reporter-d", "rd@phangnga.example"))
r6 = ReportingRound.objects.create(title="รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2569", fiscal_year=2026,
    kind="r6", opens_on=today - dt.timedelta(days=10), closes_on=today + dt.timedelta(days=30),
    categories="ข้อมูลหน่วยงาน\\nข่าวประชาสัมพันธ์", reminder_days=3)
Deadline.objects.create(round=r6, label="รายงานครั้งที่ 1", due_on=today + dt.timedelta(days=2))
Deadline.objects.create(round=r6, label="รายงานฉบับสมบูรณ์", due_on=today + dt.timedelta(days=20))
r6.agencies.set([a, b, c])
adhoc = ReportingRound.objects.create(title="รอบเฉพาะกิจ", fiscal_year=2026, kind="adhoc",
    opens_on=today - dt.timedelta(days=30), closes_on=today + dt.timedelta(days=5),
    categories="ข้อมูลหน่วยงาน")
Deadline.objects.create(round=adhoc, label="รายงาน", due_on=today - dt.timedelta(days=1))
adhoc.agencies.set([d])
print(json.dumps({"token": tokens.issue_token(coordinator, a), "r6": r6.pk, "adhoc": adhoc.pk}))
""".replace("AGENCY_PORT", str(AGENCY_PORT))

AGENCY_APPROVE = """
import json
from prongsai.accounts.models import User
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.reports import services
from prongsai.reports.periods import Period
from wagtail.models import Site
site = Site.objects.get(is_default_site=True)
webmaster = give_role(User.objects.create(username="webmaster", email="w@a.example"), Role.WEBMASTER)
boss = give_role(User.objects.create(username="boss", first_name="นายแพทย์สมชาย",
    last_name="ใจดี", email="boss@a.example"), Role.EXECUTIVE)
report = services.open_report(site=site, period=Period(2026, "r6"), user=webmaster)
services.save_written(webmaster, report, data={"results": "เผยแพร่ข้อมูลครบทุกหมวด",
    "problems": "เจ้าหน้าที่ไม่พอ"})
services.submit_report(webmaster, report)
services.approve_report(boss, report)
push = report.__class__.objects.get(pk=report.pk).province_push
push.refresh_from_db()
print(json.dumps({"report": report.pk, "acknowledged": push.acknowledged_at is not None,
    "attempts": push.attempts, "error": push.last_error}))
"""

AGENCY_PUSH_AGAIN = """
import json
from prongsai.parentbody import sender
from prongsai.parentbody.models import OutgoingPush
row = OutgoingPush.objects.get()
OutgoingPush.objects.filter(pk=row.pk).update(acknowledged_at=None)  # the answer was lost
ok = sender.push(row.report_id)
row.refresh_from_db()
print(json.dumps({"ok": ok, "attempts": row.attempts, "error": row.last_error}))
"""

PROVINCE_STATE = """
import json
from prongsai.parentbody.models import ApiCall, Submission
print(json.dumps({
    "submissions": [[s.agency.name, s.status, s.channel, s.is_late,
        s.token.key_id if s.token else None] for s in Submission.objects.order_by("pk")],
    "calls": [[c.status_code, c.outcome, c.key_id] for c in ApiCall.objects.order_by("pk")],
    "broken": sorted(c.url for c in __import__("prongsai.parentbody.models", fromlist=["x"])
        .LinkCheck.objects.filter(ok=False)),
}))
"""

PROVINCE_REMIND = """
import json
from django.core import mail
from prongsai.parentbody.jobs import remind_before_deadlines
counts = remind_before_deadlines()
print(json.dumps({"counts": counts, "to": sorted(a for m in mail.outbox for a in m.to),
    "subjects": [m.subject for m in mail.outbox]}))
"""


def _login(base: str, username: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/admin/login/", timeout=20)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{base}/admin/login/",
        data={
            "username": username,
            "password": "Correct-Horse-Battery-9",
            "csrfmiddlewaretoken": token,
        },
        timeout=20,
    )
    assert "/admin/login/" not in response.url, response.text[:500]
    return session


def _submit_form(session, base: str, round_pk: int, data: dict):
    url = f"{base}/admin/province/my/{round_pk}/"
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', session.get(url, timeout=20).text
    )
    return session.post(url, data={**data, "csrfmiddlewaretoken": token.group(1)}, timeout=60)


@pytest.fixture(scope="module")
def sites():
    folder = Path(tempfile.mkdtemp(prefix="prongsai-two-sites-"))
    province, agency = migrated_pair(folder)
    setup = province.shell(PROVINCE_SETUP)
    province.start()
    agency.start({"PRONGSAI_PROVINCE_URL": province.url, "PRONGSAI_PROVINCE_TOKEN": setup["token"]})
    yield province, agency, setup
    agency.stop()
    province.stop()


def test_r36_two_sites_end_to_end(sites):
    province, agency, setup = sites

    # 1. The agency approves its report: its own site pushes it; the province stores it.
    pushed = agency.shell(AGENCY_APPROVE)
    assert pushed["acknowledged"], pushed
    state = province.shell(PROVINCE_STATE)
    key_id = setup["token"].split(".")[0]
    assert state["submissions"] == [["สำนักงานสาธารณสุขจังหวัดพังงา", "submitted", "api", False, key_id]]

    # 2. A replayed push (the acknowledgement was lost) is acknowledged and stored once.
    again = agency.shell(AGENCY_PUSH_AGAIN)
    assert again["ok"] and again["attempts"] == 2
    state = province.shell(PROVINCE_STATE)
    assert len(state["submissions"]) == 1
    assert [c[1] for c in state["calls"]] == ["stored", "duplicate"]

    # 3. A wrong token and then the revoked one: 403, recorded with the key that was used.
    body = json.dumps({"report_uuid": "0" * 32, "fiscal_year": 2026, "round": "r6"}).encode()
    wrong = requests.post(
        f"{province.url}/api/parentbody/v1/reports/",
        data=body,
        headers=tokens.signed_headers(f"{key_id}.wrong-secret", body),
        timeout=20,
    )
    assert wrong.status_code == 403 and "กุญแจ API" in wrong.json()["message"]
    province.shell(
        "import json\nfrom prongsai.parentbody.models import ApiToken\n"
        "from django.utils import timezone\n"
        f"ApiToken.objects.filter(key_id='{key_id}').update(revoked_at=timezone.now())\n"
        "print(json.dumps(1))"
    )
    revoked = agency.shell(AGENCY_PUSH_AGAIN)
    assert not revoked["ok"] and revoked["error"].startswith("403")
    calls = province.shell(PROVINCE_STATE)["calls"]
    assert calls[-2:] == [[403, "bad_signature", key_id], [403, "revoked_token", key_id]]

    # 4. A second agency reports through the form, one URL planted broken.
    reporter_b = _login(province.url, "reporter-b")
    other = f"http://localhost:{AGENCY_PORT}"
    response = _submit_form(
        reporter_b,
        province.url,
        setup["r6"],
        {
            "cat_0_published": "on",
            "cat_0_url": f"{other}/admin/login/",
            "cat_1_published": "on",
            "cat_1_url": f"{other}/planted-broken-page/",
            "results": "เผยแพร่แล้ว 2 หมวด",
            "problems": "ไม่มีเจ้าหน้าที่ไอที",
            "head_name": "นายสมศักดิ์ ใจงาม",
            "head_position": "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพังงา",
            "action": "submit",
        },
    )
    assert "ส่งรายงานแล้ว" in response.text
    state = province.shell(PROVINCE_STATE)
    assert state["submissions"][1][1:3] == ["submitted", "form"]
    assert state["broken"] == [f"{other}/planted-broken-page/"]

    # 5. A fourth agency reports after its round's deadline: accepted and marked late.
    reporter_d = _login(province.url, "reporter-d")
    late = _submit_form(
        reporter_d,
        province.url,
        setup["adhoc"],
        {
            "results": "ดำเนินการแล้ว",
            "head_name": "นายเกษม นาดี",
            "head_position": "เกษตรจังหวัด",
            "action": "submit",
        },
    )
    assert "ส่งหลังกำหนด" in late.text
    assert province.shell(PROVINCE_STATE)["submissions"][2][1:4] == ["late", "form", True]

    # 6. The third agency has not reported: the reminder goes to it alone.
    reminded = province.shell(PROVINCE_REMIND)
    assert reminded["counts"] == {"reminded": 1} and reminded["to"] == ["c@phangnga.example"]

    # 7. The province's board shows it all.
    coordinator = _login(province.url, "coordinator")
    board = coordinator.get(f"{province.url}/admin/province/rounds/{setup['r6']}/", timeout=30).text
    states = dict(re.findall(r'data-agency="([^"]+)" data-state="([^"]+)"', board))
    assert states == {
        "สำนักงานสาธารณสุขจังหวัดพังงา": "submitted",
        "สำนักงานพัฒนาสังคมฯ จังหวัดพังงา": "submitted",
        "ที่ทำการปกครองอำเภอตะกั่วป่า": "not_yet",
    }
    assert f"{other}/planted-broken-page/" in board
