"""The request's life cycle and who may do what (R21–R24)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from prongsai.publishing import services
from prongsai.publishing.models import Action, PublishRequest, RequestEvent, Status, Urgency

from .conftest import fake_pdf_upload, pdf_upload, request_data, xlsx_upload

pytestmark = pytest.mark.django_db


def submit(people, information_class, **overrides):
    return services.request_submit(
        people["owner"], data=request_data(information_class, **overrides)
    )


def test_r21_request_goes_through_approval_to_a_live_page_and_the_owner_gets_the_url(
    people, classes, news_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_submit(
            people["owner"], data=request_data(classes["general"]), files=[pdf_upload()]
        )
    assert request.status == Status.PENDING
    assert [m.to for m in mail.outbox] == [[people["approver"].email]]

    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_approve(people["approver"], request)
    assert request.status == Status.APPROVED and request.due_date is not None

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_publish(
            people["publisher"], request, files_checked=True, category_checked=True
        )
    page = request.target_page.specific
    assert page.live and page.get_parent().specific == news_index
    assert page.owner_unit == people["unit"] and page.source == "กลุ่มงานควบคุมโรคติดต่อ"
    assert len(page.attachments) == 1
    assert request.public_url == page.full_url and request.public_url.startswith("http")
    owner_mail = [m for m in mail.outbox if m.to == [people["owner"].email]]
    assert owner_mail and request.public_url in owner_mail[0].body
    assert [e.action for e in request.events.all()] == [
        Action.SUBMITTED,
        Action.APPROVED,
        Action.PUBLISHED,
    ]
    assert ModelLogEntry.objects.filter(action="prongsai.publishing.published").exists()


def test_r23_executive_class_needs_both_steps_in_order(people, classes):
    request = submit(people, classes["executive"])
    with pytest.raises(ValidationError, match="ไม่มีสิทธิ์"):
        services.request_approve(people["executive"], request)
    request = services.request_approve(people["approver"], request)
    assert request.status == Status.PENDING and request.pending_step().name == "ผู้บริหารสูงสุดอนุมัติ"
    with pytest.raises(ValidationError):
        services.request_approve(people["approver"], request)
    request = services.request_approve(people["executive"], request)
    assert request.status == Status.APPROVED


def test_r23_prior_approval_class_needs_the_document_number_and_skips_approval(people, classes):
    with pytest.raises(ValidationError) as error:
        submit(people, classes["prior"])
    assert "prior_approval_number" in error.value.message_dict
    assert not PublishRequest.objects.exists()
    request = submit(
        people,
        classes["prior"],
        prior_approval_number="สธ 0032/ว 123",
        prior_approval_date=dt.date(2026, 4, 20),
    )
    assert request.status == Status.APPROVED
    event = request.events.get(action=Action.APPROVED)
    assert "สธ 0032/ว 123" in event.reason and event.channel == "prior"


def test_r23_routine_class_is_exempt_from_approval(people, classes):
    assert submit(people, classes["exempt"]).status == Status.APPROVED


def test_r23_general_information_is_checked_by_the_communications_unit(people, classes):
    classes["general"].route.steps.update(approver_unit=people["pr_unit"])
    request = submit(people, classes["general"])
    with pytest.raises(ValidationError):
        services.request_approve(people["approver"], request)  # approver, but not in PR unit
    assert services.request_approve(people["pr_checker"], request).status == Status.APPROVED


def test_r24_data_owner_cannot_approve_own_request(people, classes):
    people["owner"].groups.add(*people["approver"].groups.all())
    request = submit(people, classes["general"])
    with pytest.raises(ValidationError, match="ผู้ยื่นคำขอนี้เอง"):
        services.request_approve(people["owner"], request)
    request.refresh_from_db()
    assert request.status == Status.PENDING and request.events.count() == 1


def test_r24_each_role_can_do_only_its_steps(people, classes):
    with pytest.raises(ValidationError, match="เฉพาะเจ้าของข้อมูล"):
        services.request_submit(people["publisher"], data=request_data(classes["general"]))
    request = submit(people, classes["general"])
    for outsider in ("publisher", "other_owner", "webmaster"):
        with pytest.raises(ValidationError):
            services.request_approve(people[outsider], request)
    request = services.request_approve(people["approver"], request)
    for outsider in ("approver", "owner"):
        with pytest.raises(ValidationError, match="เฉพาะผู้เผยแพร่"):
            services.request_publish(
                people[outsider], request, files_checked=True, category_checked=True
            )


def test_r24_publisher_cannot_publish_an_unapproved_request(people, classes, news_index):
    request = submit(people, classes["general"])
    with pytest.raises(ValidationError, match="ยังไม่ได้รับอนุมัติ"):
        services.request_publish(
            people["publisher"], request, files_checked=True, category_checked=True
        )
    request.refresh_from_db()
    assert request.status == Status.PENDING and not request.target_page.live


def test_r24_nobody_can_change_a_decision_after_the_fact(people, classes):
    request = submit(people, classes["general"])
    request = services.request_reject(people["approver"], request, reason="ข้อมูลไม่ครบถ้วน")
    with pytest.raises(ValidationError, match="ไม่สามารถเปลี่ยนการตัดสินใจได้"):
        services.request_approve(people["approver"], request)
    with pytest.raises(ValidationError):
        services.request_return_for_correction(people["approver"], request, reason="แก้")
    event = request.events.get(action=Action.REJECTED)
    event.reason = "แก้ไขภายหลัง"
    with pytest.raises(ValidationError):
        event.save()
    assert RequestEvent.objects.get(pk=event.pk).reason == "ข้อมูลไม่ครบถ้วน"


def test_r24_rejection_needs_a_reason_and_tells_requester_and_earlier_participants(
    people, classes, django_capture_on_commit_callbacks
):
    request = submit(people, classes["executive"])
    request = services.request_approve(people["approver"], request)
    with pytest.raises(ValidationError, match="กรุณาระบุเหตุผลที่ไม่อนุมัติ"):
        services.request_reject(people["executive"], request, reason="  ")
    request.refresh_from_db()
    assert request.status == Status.PENDING
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_reject(people["executive"], request, reason="ยังไม่ถึงเวลาประกาศ")
    recipients = {address for m in mail.outbox for address in m.to}
    assert recipients == {people["owner"].email, people["approver"].email}
    assert all("ยังไม่ถึงเวลาประกาศ" in m.body for m in mail.outbox)


def test_r24_return_for_correction_then_resubmit_keeps_the_same_request_and_history(
    people, classes, django_capture_on_commit_callbacks
):
    request = submit(people, classes["general"])
    with pytest.raises(ValidationError, match="สิ่งที่ต้องแก้ไข"):
        services.request_return_for_correction(people["approver"], request, reason="")
    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_return_for_correction(
            people["approver"], request, reason="แนบภาพประกอบด้วย"
        )
    assert request.status == Status.RETURNED
    assert "แนบภาพประกอบด้วย" in mail.outbox[-1].body
    with pytest.raises(ValidationError):
        services.request_resubmit(people["other_owner"], request, data={})
    again = services.request_resubmit(
        people["owner"], request, data={"title": "ชื่อเรื่องที่แก้ไขแล้ว"}, files=[xlsx_upload()]
    )
    assert again.pk == request.pk and again.status == Status.PENDING
    assert again.title == "ชื่อเรื่องที่แก้ไขแล้ว" and again.attachments.count() == 1
    assert [e.action for e in again.events.all()] == [
        Action.SUBMITTED,
        Action.RETURNED,
        Action.RESUBMITTED,
    ]


def test_r24_empty_title_is_refused_in_thai_and_nothing_is_saved(people, classes):
    with pytest.raises(ValidationError) as error:
        submit(people, classes["general"], title="   ")
    assert error.value.message_dict["title"] == ["กรุณาระบุเรื่องที่ขอเผยแพร่"]
    assert not PublishRequest.objects.exists()


def test_r21_file_whose_content_does_not_match_its_extension_is_refused(people, classes):
    with pytest.raises(ValidationError) as error:
        services.request_submit(
            people["owner"], data=request_data(classes["general"]), files=[fake_pdf_upload()]
        )
    assert "ไม่ตรงกับนามสกุล .pdf" in error.value.messages[0]
    assert not PublishRequest.objects.exists()


def test_r21_word_excel_pdf_and_images_are_accepted(people, classes):
    import io

    import docx
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    document, buffer = docx.Document(), io.BytesIO()
    document.add_paragraph("ทดสอบ")
    document.save(buffer)
    image = io.BytesIO()
    Image.new("RGB", (4, 4)).save(image, "PNG")
    files = [
        pdf_upload(),
        xlsx_upload(),
        SimpleUploadedFile("บันทึก.docx", buffer.getvalue()),
        SimpleUploadedFile("ภาพ.png", image.getvalue()),
    ]
    request = services.request_submit(
        people["owner"], data=request_data(classes["general"]), files=files
    )
    assert request.attachments.count() == 4


def test_r24_publisher_must_confirm_files_and_category_or_send_back(people, classes, news_index):
    request = services.request_approve(people["approver"], submit(people, classes["general"]))
    with pytest.raises(ValidationError) as error:
        services.request_publish(
            people["publisher"], request, files_checked=False, category_checked=False
        )
    assert len(error.value.messages) == 2
    with pytest.raises(ValidationError, match="เหตุผลที่ส่งกลับ"):
        services.request_send_back(people["publisher"], request, reason="")
    request = services.request_send_back(people["publisher"], request, reason="ไฟล์แนบเปิดไม่ได้")
    assert request.status == Status.RETURNED and request.due_date is None


def test_r22_verbal_approval_publishes_urgent_request_and_is_confirmed_by_the_approver(
    people, classes, news_index, django_capture_on_commit_callbacks
):
    request = submit(people, classes["general"], urgency=Urgency.URGENT)
    spoken_at = timezone.now() - dt.timedelta(minutes=10)
    with django_capture_on_commit_callbacks(execute=True):
        request = services.verbal_approval_record(
            people["publisher"],
            request,
            approver=people["approver"],
            approved_at=spoken_at,
            method="phone",
            urgency_reason="แจ้งเตือนพายุเข้าภายในคืนนี้",
            files_checked=True,
            category_checked=True,
        )
    assert request.status == Status.PUBLISHED and request.target_page.live
    assert any(m.to == [people["approver"].email] and "โปรดยืนยัน" in m.subject for m in mail.outbox)
    verbal = request.verbal_approval
    assert verbal.approver == people["approver"] and not verbal.is_confirmed
    with pytest.raises(ValidationError, match="เฉพาะผู้อนุมัติ"):
        services.verbal_approval_confirm(people["executive"], request)
    services.verbal_approval_confirm(people["approver"], request)
    verbal.refresh_from_db()
    assert verbal.confirmed_by == people["approver"]
    with pytest.raises(ValidationError, match="ยืนยันแล้ว"):
        services.verbal_approval_confirm(people["approver"], request)


def test_r22_verbal_route_only_for_urgent_requests_with_a_reason(people, classes, news_index):
    normal = submit(people, classes["general"])
    kwargs = {
        "approver": people["approver"],
        "approved_at": timezone.now(),
        "method": "phone",
        "urgency_reason": "ด่วน",
        "files_checked": True,
        "category_checked": True,
    }
    with pytest.raises(ValidationError, match="เฉพาะคำขอเร่งด่วน"):
        services.verbal_approval_record(people["publisher"], normal, **kwargs)
    urgent = submit(people, classes["general"], urgency=Urgency.URGENT)
    with pytest.raises(ValidationError, match="เหตุผลความเร่งด่วน"):
        services.verbal_approval_record(
            people["publisher"], urgent, **{**kwargs, "urgency_reason": ""}
        )
    with pytest.raises(ValidationError, match="ไม่ใช่ผู้ยื่นคำขอ"):
        services.verbal_approval_record(
            people["publisher"], urgent, **{**kwargs, "approver": people["owner"]}
        )
    with pytest.raises(ValidationError, match="ไม่มีสิทธิ์อนุมัติ"):
        services.verbal_approval_record(
            people["publisher"], urgent, **{**kwargs, "approver": people["webmaster"]}
        )
    urgent.refresh_from_db()
    assert urgent.status == Status.PENDING and not hasattr(urgent, "verbal_approval")
