"""R36: the screens: a reporter sees only their agency (404 for another's), the form saves and
submits, the coordinator's board shows every state, the governor's aggregate as PDF and XLSX."""

import io
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from prongsai.accounts.tests.factories import UserFactory
from prongsai.parentbody import services
from prongsai.parentbody.models import Submission

from .conftest import answers

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"


@pytest.fixture
def sent_by_b(round_, agencies, reporters, in_round):
    return services.submit(
        reporters["b"], round_, agencies["b"], answers=answers("http://127.0.0.2:18409")
    )


def test_r36_reporter_of_a_asking_for_b_submission_gets_404(client, reporters, sent_by_b):
    client.force_login(reporters["a"])
    for name in ("parentbody_admin:submission", "parentbody_admin:submission-pdf"):
        assert client.get(reverse(name, args=[sent_by_b.pk])).status_code == 404
    action = reverse("parentbody_admin:submission-action", args=[sent_by_b.pk])
    assert client.post(action, {"action": "accept"}).status_code == 404
    client.force_login(reporters["b"])
    assert (
        client.get(reverse("parentbody_admin:submission", args=[sent_by_b.pk])).status_code == 200
    )


def test_r36_reporter_cannot_open_a_round_form_of_a_round_not_theirs(
    client, round_, agencies, reporters
):
    round_.agencies.remove(agencies["c"])
    client.force_login(reporters["c"])
    assert client.get(reverse("parentbody_admin:form", args=[round_.pk])).status_code == 404


def test_r36_reporter_attachment_of_another_agency_is_404(
    client, round_, agencies, reporters, in_round
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    submission = services.save_draft(
        reporters["b"],
        round_,
        agencies["b"],
        answers={},
        files=[SimpleUploadedFile("x.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    attachment = submission.attachments.get()
    client.force_login(reporters["a"])
    url = reverse("parentbody_admin:attachment", args=[attachment.pk])
    assert client.get(url).status_code == 404
    client.force_login(reporters["b"])
    assert client.get(url).status_code == 200


def test_r36_staff_without_the_coordinator_role_cannot_see_the_board(client, reporters, round_):
    client.force_login(reporters["a"])
    response = client.get(reverse("parentbody_admin:board"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    outsider = UserFactory(username="outsider")
    client.force_login(outsider)
    assert client.get(reverse("parentbody_admin:round", args=[round_.pk])).status_code == 302


def test_r36_reporter_saves_a_draft_then_submits_through_the_form(
    client, round_, agencies, reporters, in_round
):
    client.force_login(reporters["a"])
    url = reverse("parentbody_admin:form", args=[round_.pk])
    page = client.get(url).content.decode()
    assert "ข้อมูลพื้นฐานของหน่วยงาน" in page and 'name="attachments"' in page
    data = {"results": "ครึ่งทาง", "action": "save"}
    assert client.post(url, data).status_code == 302
    assert Submission.objects.get().status == "draft"
    full = {
        "cat_0_published": "on",
        "cat_0_url": "http://127.0.0.1:18409/about/",
        "results": "ครบแล้ว",
        "head_name": "นายหัวหน้า",
        "head_position": "ผู้อำนวยการ",
        "action": "submit",
    }
    response = client.post(url, full, follow=True)
    assert "ส่งรายงานแล้ว" in response.content.decode()
    assert Submission.objects.get().status == "submitted"


def test_r36_form_missing_answers_shows_the_thai_message_and_stores_nothing(
    client, round_, reporters, in_round
):
    client.force_login(reporters["a"])
    url = reverse("parentbody_admin:form", args=[round_.pk])
    response = client.post(url, {"action": "submit", "results": ""}, follow=True)
    assert "กรุณากรอกข้อมูลให้ครบ" in response.content.decode()
    assert not Submission.objects.exists()


def test_r36_board_shows_each_agency_state_and_the_aggregate_exports(
    client, coordinator, round_, agencies, reporters, sent_by_b
):
    services.save_draft(reporters["a"], round_, agencies["a"], answers={})
    client.force_login(coordinator)
    page = client.get(reverse("parentbody_admin:round", args=[round_.pk])).content.decode()
    assert 'data-state="submitted"' in page and page.count('data-state="not_yet"') == 2
    pdf = client.get(reverse("parentbody_admin:round-pdf", args=[round_.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "parentbody-aggregate.pdf").write_bytes(pdf.content)  # for a look by eye
    pages = PdfReader(io.BytesIO(pdf.content)).pages
    text = "".join(p.extract_text() for p in pages).replace("\n", "")  # cells wrap long names
    assert "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพังงา" in text
    assert "ขาดบุคลากรดูแลเว็บไซต์" in text
    xlsx = client.get(reverse("parentbody_admin:round-xlsx", args=[round_.pk]))
    book = load_workbook(io.BytesIO(xlsx.content))
    counts = {row[0].value: row[1].value for row in book["สรุปสถานะ"].iter_rows(min_row=2)}
    assert counts["ส่งแล้ว"] == 1 and counts["ยังไม่ส่ง"] == 2
    answers_sheet = [[c.value for c in row] for row in book["คำตอบ"].iter_rows()]
    assert answers_sheet[0][0] == "คำถาม" and len(answers_sheet[0]) == 4


def test_r36_coordinator_returns_a_submission_with_a_reason_on_the_screen(
    client, coordinator, sent_by_b
):
    client.force_login(coordinator)
    url = reverse("parentbody_admin:submission-action", args=[sent_by_b.pk])
    client.post(url, {"action": "return", "reason": ""})
    sent_by_b.refresh_from_db()
    assert sent_by_b.status == "submitted"
    client.post(url, {"action": "return", "reason": "แนบหลักฐานไม่ครบ"})
    sent_by_b.refresh_from_db()
    assert sent_by_b.status == "returned" and sent_by_b.return_reason == "แนบหลักฐานไม่ครบ"


def test_r36_token_issued_once_on_the_screen_and_revoked(client, coordinator, agencies):
    client.force_login(coordinator)
    board = client.get(reverse("parentbody_admin:board")).content.decode()
    assert reverse("parentbody_admin:agency-access", args=[agencies["c"].pk]) in board
    url = reverse("parentbody_admin:agency-access", args=[agencies["a"].pk])
    page = client.post(url, {"action": "issue"}).content.decode()
    assert 'id="new-token"' in page
    token = agencies["a"].tokens.get()
    assert 'id="new-token"' not in client.get(url).content.decode()
    client.post(url, {"action": "revoke", "token": token.pk})
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_r36_reporter_group_reaches_the_admin_and_nothing_else(client, reporters, round_, in_round):
    from prongsai.parentbody.services import REPORTER_GROUP

    person = reporters["a"]
    group = person.groups.get(name=REPORTER_GROUP)
    assert list(group.permissions.values_list("codename", flat=True)) == ["access_admin"]
    client.force_login(person)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "province-my-reports" in home  # the menu items' names
    assert "province-board" not in home and "parentbody_agency" not in home
    mine = client.get(reverse("parentbody_admin:mine")).content.decode()
    assert round_.title in mine
