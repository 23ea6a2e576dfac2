"""R16 with issue 19's "Bad input": a citizen may attach one file (a letter, a copy of a document)
to an information request. It is checked by its content, stored outside the public media folder
and opened only by the staff who handle requests; a refused file leaves nothing behind."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry, Site

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.filecheck.policy import MB
from prongsai.inforequests.models import InfoRequest

pytestmark = pytest.mark.django_db

FORM = {
    "subject": "สำเนาสัญญาจ้างเหมาทำความสะอาด ปีงบประมาณ 2569",
    "details": "ตามหนังสือที่แนบ",
    "preferred_format": "electronic",
    "requester_name": "สมศรี มีสุข",
    "requester_email": "somsri@example.com",
    "requester_phone": "",
    "requester_address": "",
    "consent": "on",
}


def real_pdf(name="หนังสือขอข้อมูล.pdf"):
    from weasyprint import HTML

    return SimpleUploadedFile(
        name, HTML(string="<p>ขอสำเนาสัญญา</p>").write_pdf(), "application/pdf"
    )


@pytest.fixture(autouse=True)
def private_folder(monkeypatch, tmp_path):
    """Each test its own private folder: tests on the other worker store attachments at the
    same time, and a shared folder made "nothing was stored" fail at random."""
    storage = InfoRequest._meta.get_field("attachment").storage
    monkeypatch.setattr(storage, "location", str(tmp_path / "private-media"))


def stored_files() -> list[Path]:
    storage = InfoRequest._meta.get_field("attachment").storage
    folder = Path(storage.location) / "information-requests"
    return sorted(path for path in folder.rglob("*") if path.is_file())


@pytest.fixture
def agency_site(home_page):
    Site.objects.filter(is_default_site=True).update(hostname="www.agency.go.th", port=443)
    return home_page


@pytest.fixture
def webmaster(db):
    return give_role(UserFactory(username="webmaster", email="web@example.go.th"), Role.WEBMASTER)


def _ask(client, attachment, **changes):
    return client.post("/information-requests/", {**FORM, **changes, "attachment": attachment})


def test_r16_the_form_offers_one_optional_attachment_of_pdf_word_or_image(client, agency_site):
    html = client.get("/information-requests/").content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file" name="attachment"' in html
    assert 'accept=".doc,.docx,.gif,.jpeg,.jpg,.odt,.pdf,.png,.webp"' in html
    assert "ไม่เกิน 20 MB" in html
    # Without a file the request goes through as before.
    assert client.post("/information-requests/", FORM).status_code == 302
    assert not InfoRequest.objects.get().attachment


def test_r16_accepted_pdf_is_stored_privately_and_shown_to_the_officer(
    client, agency_site, webmaster, django_capture_on_commit_callbacks
):
    before = stored_files()
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(client, real_pdf())
    assert response.status_code == 302
    info_request = InfoRequest.objects.get()
    assert info_request.attachment_name == "หนังสือขอข้อมูล.pdf"
    assert info_request.attachment_size == info_request.attachment.size > 0

    # Outside the public media folder, under a name that says nothing about the citizen.
    path = Path(info_request.attachment.path).resolve()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.name.startswith(info_request.reference) and path.suffix == ".pdf"
    assert "หนังสือ" not in str(path)
    assert stored_files() == sorted([*before, path])
    with pytest.raises(ValueError):
        info_request.attachment.url  # noqa: B018 - a private file has no public address
    assert client.get(f"/media/{info_request.attachment.name}").status_code == 404

    # The tracking page names the file and its size, and offers no way to open it.
    tracking = client.get(response["Location"]).content.decode()
    assert "หนังสือขอข้อมูล.pdf" in tracking and " KB)" in tracking
    assert "/attachment/" not in tracking

    # The officer sees it with its type and size, and opens it.
    staff_mail = next(m for m in mail.outbox if m.to == ["web@example.go.th"])
    assert "หนังสือขอข้อมูล.pdf" in staff_mail.body and not staff_mail.attachments
    client.force_login(webmaster)
    detail = client.get(f"/admin/information-requests/{info_request.pk}/").content.decode()
    url = f"/admin/information-requests/{info_request.pk}/attachment/"
    assert f'href="{url}"' in detail and "(PDF, " in detail
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert "attachment;" in download["Content-Disposition"]
    assert {"private", "no-store"} <= set(download["Cache-Control"].split(", "))
    assert download["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("สำเนาใหญ่.pdf", b"%PDF-1.7\n" + b"0" * (20 * MB)),
            "ไฟล์ สำเนาใหญ่.pdf ใหญ่เกิน 20 MB",
        ),
        (
            SimpleUploadedFile(
                "หนังสือ.pdf",
                b"<html><body><script>alert(1)</script></body></html>",
                "application/pdf",
            ),
            "เนื้อหาของไฟล์ หนังสือ.pdf ไม่ตรงกับนามสกุล .pdf",
        ),
        (SimpleUploadedFile("ตาราง.xlsx", b"PK\x03\x04"), "ไฟล์ ตาราง.xlsx เป็นชนิดที่ไม่รับ"),
        (SimpleUploadedFile("ว่าง.pdf", b""), "ไฟล์ ว่าง.pdf ว่างเปล่า"),
    ],
    ids=["oversize", "html-named-pdf", "spreadsheet", "empty"],
)
def test_r16_refused_attachment_is_explained_in_thai_and_nothing_is_saved(
    client, agency_site, upload, message
):
    before = stored_files()
    response = _ask(client, upload)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not InfoRequest.objects.exists()
    assert stored_files() == before
    assert not mail.outbox
    # The refusal itself is on the record, as for every upload path.
    assert ModelLogEntry.objects.filter(action="prongsai.upload.refused").count() == 1
    assert not ModelLogEntry.objects.filter(action="prongsai.inforequest.submit").exists()


def test_r16_a_request_refused_for_its_contact_keeps_no_file(client, agency_site):
    before = stored_files()
    response = _ask(client, real_pdf(), requester_email="")
    assert response.status_code == 400 and "ช่องทางติดต่อ" in response.content.decode()
    assert not InfoRequest.objects.exists()
    assert stored_files() == before


def test_r16_r41_only_request_handlers_open_the_attachment(client, agency_site):
    _ask(client, real_pdf())
    info_request = InfoRequest.objects.get()
    url = f"/admin/information-requests/{info_request.pk}/attachment/"

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    for role in (Role.DATA_OWNER, Role.APPROVER, Role.PUBLISHER, Role.EXECUTIVE):
        client.force_login(give_role(UserFactory(), role))
        response = client.get(url)
        assert response.status_code in (302, 403), role
        assert not getattr(response, "streaming", False), role
    moderator = give_role(UserFactory(), Role.MODERATOR)
    client.force_login(moderator)
    assert client.get(url).status_code == 200
    # A request without a file: nothing to open.
    client.post("/information-requests/", FORM)
    without = InfoRequest.objects.exclude(pk=info_request.pk).get()
    assert client.get(f"/admin/information-requests/{without.pk}/attachment/").status_code == 404
