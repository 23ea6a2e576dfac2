"""R36: the reporter's form submission through the services: draft, submit, late, closed,
missing answers, bad attachments, return and accept, one agency never acting for another."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from prongsai.parentbody import services
from prongsai.parentbody.models import Attachment, Submission, SubmissionStatus

from .conftest import answers, at

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _actions(submission):
    return list(
        ModelLogEntry.objects.filter(object_id=str(submission.pk), content_type__model="submission")
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_r36_draft_then_submit_on_time(
    round_, agencies, reporters, coordinator, in_round, django_capture_on_commit_callbacks
):
    a = agencies["a"]
    pdf = SimpleUploadedFile("แผนงาน.pdf", PDF, content_type="application/pdf")
    draft = services.save_draft(
        reporters["a"], round_, a, answers={"results": "ยังเขียนไม่จบ"}, files=[pdf]
    )
    assert draft.status == SubmissionStatus.DRAFT and draft.attachments.count() == 1
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.submit(reporters["a"], round_, a, answers=answers())
    assert sent.pk == draft.pk
    assert sent.status == SubmissionStatus.SUBMITTED and not sent.is_late
    assert _actions(sent) == ["prongsai.parentbody.draft_saved", "prongsai.parentbody.submitted"]
    assert [m.to for m in mail.outbox] == [["coord@phangnga.go.th"]]


def test_r36_submission_after_the_final_deadline_is_accepted_and_marked_late(
    round_, agencies, reporters
):
    with time_machine.travel(at(2027, 5, 24, 0, 5), tick=False):
        sent = services.submit(reporters["b"], round_, agencies["b"], answers=answers())
    assert sent.status == SubmissionStatus.LATE and sent.is_late


def test_r36_deadline_day_in_bangkok_is_still_on_time(round_, agencies, reporters):
    # 23:59 on 23 May in Bangkok is 16:59 UTC: on time; a UTC-day comparison would agree here
    # but 00:05 on 24 May (17:05 UTC on the 23rd) must already be late (previous test).
    with time_machine.travel(at(2027, 5, 23, 23, 59), tick=False):
        sent = services.submit(reporters["b"], round_, agencies["b"], answers=answers())
    assert sent.status == SubmissionStatus.SUBMITTED


def test_r36_submission_after_the_round_closed_is_refused(round_, agencies, reporters):
    with (
        time_machine.travel(at(2027, 6, 1, 9), tick=False),
        pytest.raises(ValidationError, match="ปิดรับรายงานแล้ว"),
    ):
        services.submit(reporters["a"], round_, agencies["a"], answers=answers())
    assert not Submission.objects.exists()


def test_r36_missing_required_answers_are_refused_and_nothing_is_stored(
    round_, agencies, reporters, in_round
):
    incomplete = answers(results="", head_name="")
    incomplete["categories"][0]["url"] = ""
    with pytest.raises(ValidationError) as refused:
        services.submit(reporters["a"], round_, agencies["a"], answers=incomplete)
    message = refused.value.messages[0]
    assert "ผลการดำเนินงาน" in message and "ชื่อหัวหน้าหน่วยงาน" in message
    assert "URL ของหมวด “ข้อมูลพื้นฐานของหน่วยงาน”" in message
    assert not Submission.objects.exists()


def test_r36_attachment_failing_the_upload_check_is_refused_nothing_half_stored(
    round_, agencies, reporters, in_round
):
    good = SimpleUploadedFile("ok.pdf", PDF)
    renamed_exe = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    with pytest.raises(ValidationError, match="ไม่ตรงกับนามสกุล"):
        services.submit(
            reporters["a"], round_, agencies["a"], answers=answers(), files=[good, renamed_exe]
        )
    assert not Submission.objects.exists() and not Attachment.objects.exists()


def test_r36_reporter_of_one_agency_cannot_submit_for_another(
    round_, agencies, reporters, in_round
):
    with pytest.raises(ValidationError, match="เฉพาะในนามหน่วยงานของท่าน"):
        services.submit(reporters["a"], round_, agencies["b"], answers=answers())
    assert not Submission.objects.exists()


def test_r36_return_with_reason_then_resubmit_then_accept(
    round_, agencies, reporters, coordinator, in_round, django_capture_on_commit_callbacks
):
    sent = services.submit(reporters["a"], round_, agencies["a"], answers=answers())
    with pytest.raises(ValidationError, match="เหตุผล"):
        services.return_submission(coordinator, sent, reason="  ")
    with pytest.raises(ValidationError, match="ผู้ประสานการรายงานของจังหวัด"):
        services.return_submission(reporters["a"], sent, reason="ตัวเองส่งกลับ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        returned = services.return_submission(coordinator, sent, reason="URL หมวดจัดซื้อจัดจ้างไม่ครบ")
    assert returned.status == SubmissionStatus.RETURNED
    assert "URL หมวดจัดซื้อจัดจ้างไม่ครบ" in mail.outbox[0].body
    assert set(mail.outbox[0].to) == {"a@example.go.th", "reporter-a@example.go.th"}
    again = services.submit(reporters["a"], round_, agencies["a"], answers=answers())
    assert again.status == SubmissionStatus.SUBMITTED
    accepted = services.accept_submission(coordinator, again)
    assert accepted.status == SubmissionStatus.ACCEPTED
    with pytest.raises(ValidationError, match="ไม่ได้รอการพิจารณา"):
        services.accept_submission(coordinator, accepted)
    with pytest.raises(ValidationError, match="ส่งแล้ว"):
        services.submit(reporters["a"], round_, agencies["a"], answers=answers())
    assert _actions(accepted)[-2:] == [
        "prongsai.parentbody.submitted",
        "prongsai.parentbody.accepted",
    ]


def test_r36_a_round_not_applying_to_the_agency_refuses_it(round_, agencies, reporters, in_round):
    round_.agencies.remove(agencies["c"])
    with pytest.raises(ValidationError, match="ไม่ได้กำหนดให้"):
        services.submit(reporters["c"], round_, agencies["c"], answers=answers())


def test_r36_a_person_reports_for_one_agency_only(agencies, reporters, coordinator):
    with pytest.raises(ValidationError, match="เป็นผู้รายงานของ"):
        services.add_reporter(coordinator, agencies["b"], reporters["a"])


def test_r36_before_the_round_opens_is_refused(round_, agencies, reporters):
    with (
        time_machine.travel(dt.datetime(2027, 3, 31, 12, tzinfo=dt.UTC), tick=False),
        pytest.raises(ValidationError, match="ยังไม่เปิดรับ"),
    ):
        services.save_draft(reporters["a"], round_, agencies["a"], answers={})
