"""Demo information requests (R16): the e-service page, one request being worked on and one
refused with its legal reason. Idempotent."""

import datetime as dt

from django.utils import timezone

from prongsai.accounts.roles import Role, users_with_role
from prongsai.sitepages.demo import add_eservice_link

from .models import InfoRequest, InfoRequestEvent
from .services import response_days


def _eservice_link():
    add_eservice_link(
        "information-requests",
        "ขอข้อมูลข่าวสารของราชการ",
        "<p>ขอข้อมูลข่าวสารที่อยู่ในความครอบครองของหน่วยงานตามมาตรา 11 "
        "แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 ได้ทางออนไลน์ "
        "ได้รับเลขที่คำขอและติดตามผลได้ทันที</p>"
        '<p><a href="/information-requests/">ยื่นคำขอข้อมูลข่าวสาร</a></p>',
    )


def _request(reference, days_ago, status, handler, **fields):
    if InfoRequest.objects.filter(reference=reference).exists():
        return
    submitted = timezone.now() - dt.timedelta(days=days_ago)
    info_request = InfoRequest.objects.create(
        reference=reference,
        submitted_at=submitted,
        due_date=timezone.localdate(submitted) + dt.timedelta(days=response_days()),
        **fields,
    )
    InfoRequestEvent.objects.create(
        info_request=info_request, at=submitted, status=InfoRequest.Status.RECEIVED
    )
    if status != InfoRequest.Status.RECEIVED:
        decided = submitted + dt.timedelta(days=3)
        info_request.status = status
        if status not in InfoRequest.OPEN:
            info_request.decided_by, info_request.decided_at = handler, decided
        info_request.save()
        InfoRequestEvent.objects.create(
            info_request=info_request,
            at=decided,
            status=status,
            note=info_request.decision_reason,
            user=handler,
        )


def load(stdout):
    _eservice_link()
    handler = users_with_role(Role.WEBMASTER).order_by("pk").first()
    _request(
        "IR2570-00001",
        5,
        InfoRequest.Status.IN_PROGRESS,
        handler,
        requester_name="สมศรี รักษ์ดี",
        requester_email="somsri@example.com",
        subject="ผลการจัดซื้อเครื่องกระตุกหัวใจไฟฟ้า (AED) ปีงบประมาณ 2569",
        details="ขอสำเนาสรุปผลการพิจารณาและราคาที่ตกลงซื้อ",
    )
    _request(
        "IR2570-00002",
        20,
        InfoRequest.Status.REFUSED,
        handler,
        requester_name="ประยุทธ มั่นคง",
        requester_phone="081 234 5678",
        subject="รายชื่อผู้ป่วยไข้เลือดออกในตำบลบ้านใหม่",
        decision_reason="ไม่เปิดเผยตามมาตรา 15 (5) เป็นรายงานการแพทย์และข้อมูลข่าวสารส่วนบุคคล "
        "ซึ่งการเปิดเผยจะเป็นการรุกล้ำสิทธิส่วนบุคคลโดยไม่สมควร "
        "หน่วยงานเปิดเผยจำนวนผู้ป่วยรายสัปดาห์ในหน้าสถิติแทน",
    )
    stdout.write("คำขอข้อมูลข่าวสารตัวอย่าง")
    return []
