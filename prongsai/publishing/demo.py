"""Demo information classes, approval routes and requests in every state (R21–R25).

Idempotent: classes are found by code and requests by title; nothing is created twice.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from prongsai.accounts.models import Unit
from prongsai.accounts.roles import Role
from prongsai.core.workdays import add_working_days

from . import services
from .models import (
    DIRECT_PUBLISH_ROLES,
    ApprovalRoute,
    InformationClass,
    PublishRequest,
    RequestEvent,
    RouteKind,
    RouteStep,
    Urgency,
    VerbalApproval,
)
from .workflows import sync_route_workflow

ROUTES = [
    # class code, class name, route name, kind, steps [(name, role, unit code)]
    (
        "executive",
        "ข้อมูลที่ต้องได้รับอนุมัติจากผู้บริหาร (ประกาศ คำสั่ง แผนงบประมาณ)",
        "ผู้บริหารสูงสุดหรือผู้ได้รับมอบหมายอนุมัติ",
        RouteKind.EXECUTIVE,
        [("ผู้บริหารสูงสุดหรือผู้ได้รับมอบหมายอนุมัติ", Role.EXECUTIVE, None)],
    ),
    (
        "prior",
        "ข้อมูลที่ได้รับอนุมัติแล้ว (มติที่ประชุม หนังสือสั่งการ)",
        "อนุมัติแล้วจากที่อื่น",
        RouteKind.PRIOR_APPROVAL,
        [],
    ),
    (
        "general",
        "ข่าวประชาสัมพันธ์และข้อมูลทั่วไป",
        "ตรวจสอบโดยหัวหน้าหน่วยงาน/ประชาสัมพันธ์",
        RouteKind.COMMUNICATIONS,
        [("ตรวจสอบเนื้อหาก่อนเผยแพร่", Role.APPROVER, None)],
    ),
    ("routine", "ข้อมูลประจำ (สถิติรายเดือน ปฏิทินกิจกรรม)", "งานประจำ", RouteKind.EXEMPT, []),
]


#: Activity calendars (news), the web-link list and the visitor statistics page.
DEMO_DIRECT_CATEGORIES = ("news", "links", "statistics")


def _classes() -> dict[str, InformationClass]:
    result = {}
    for order, (code, name, route_name, kind, steps) in enumerate(ROUTES):
        existing = InformationClass.objects.filter(code=code).first()
        if existing:
            result[code] = existing
            continue
        route = ApprovalRoute.objects.create(name=route_name, kind=kind)
        for index, (step_name, role, unit_code) in enumerate(steps):
            RouteStep.objects.create(
                route=route,
                sort_order=index,
                name=step_name,
                approver_role=role.value,
                approver_unit=Unit.objects.filter(code=unit_code).first() if unit_code else None,
            )
        result[code] = InformationClass.objects.create(
            code=code, name=name, route=route, sort_order=order
        )
    # The demo agency's direct-publication policy (docs/adr/0080): routine items in these
    # sections may be published straight from the page editor by a publisher or webmaster.
    routine = result["routine"]
    if not routine.direct_publish_categories:
        routine.direct_publish_categories = list(DEMO_DIRECT_CATEGORIES)
        routine.direct_publish_roles = list(DIRECT_PUBLISH_ROLES)
        routine.full_clean()
        routine.save(update_fields=["direct_publish_categories", "direct_publish_roles"])
    # Each route's Wagtail workflow (Settings → Workflows), so reviewers moderate in Wagtail.
    for information_class in result.values():
        sync_route_workflow(information_class.route)
    return result


def _data(information_class, title, **extra):
    data = {
        "title": title,
        "summary": extra.pop("summary", ""),
        "category": "news",
        "content": extra.pop("content", "สำนักงานสาธารณสุขจังหวัดขอประชาสัมพันธ์ให้ประชาชนทราบโดยทั่วกัน"),
        "source": "กลุ่มงานควบคุมโรคติดต่อ",
        "info_period_start": timezone.localdate() - dt.timedelta(days=7),
        "information_class": information_class,
    }
    data.update(extra)
    return data


def _move_history(publish_request, ago: dt.timedelta) -> None:
    """Move a demo request's whole history `ago` into the past, keeping its order.

    The services stamp everything "now"; moving only one timestamp (the approval) would leave
    an approval before its submission, or a verbal approval recorded days before the request.
    The deadline is worked out again from the moved approval, as the service would have.
    """
    shift = {"submitted_at": F("submitted_at") - ago}
    for field in ("approved_at", "published_at"):
        shift[field] = F(field) - ago
    PublishRequest.objects.filter(pk=publish_request.pk).update(**shift)
    RequestEvent.objects.filter(request=publish_request).update(created_at=F("created_at") - ago)
    VerbalApproval.objects.filter(request=publish_request).update(
        approved_at=F("approved_at") - ago,
        recorded_at=F("recorded_at") - ago,
        confirmed_at=F("confirmed_at") - ago,
    )
    publish_request.refresh_from_db()
    if publish_request.approved_at and publish_request.due_date:
        publish_request.due_date = add_working_days(
            timezone.localdate(publish_request.approved_at), services.deadline_working_days()
        )
        publish_request.save(update_fields=["due_date"])
    page = publish_request.target_page
    if page is not None and publish_request.published_at:
        Page.objects.filter(pk=page.pk).update(
            first_published_at=F("first_published_at") - ago,
            last_published_at=F("last_published_at") - ago,
        )
    if page is not None:
        PageLogEntry.objects.filter(page=page).update(timestamp=F("timestamp") - ago)
        Revision.page_revisions.filter(object_id=str(page.pk)).update(
            created_at=F("created_at") - ago
        )


def load(stdout) -> list:
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["owner", "approver", "publisher"])
    }
    classes = _classes()
    if len(users) < 3 or PublishRequest.objects.exists():
        stdout.write("publishing: information classes ready; demo requests already present\n")
        return []
    owner, approver, publisher = users["owner"], users["approver"], users["publisher"]

    services.request_submit(
        owner,
        data=_data(classes["general"], "เชิญชวนประชาชนรับวัคซีนไข้หวัดใหญ่ประจำปี 2569"),
    )
    overdue = services.request_submit(
        owner, data=_data(classes["routine"], "สถิติผู้ป่วยโรคไข้เลือดออกประจำเดือน")
    )
    # Approved (routine, exempt) two weeks ago and still not published: past its deadline.
    _move_history(overdue, dt.timedelta(days=14))
    rejected = services.request_submit(
        owner, data=_data(classes["executive"], "ร่างแผนปฏิบัติการควบคุมโรค ปี 2570")
    )
    services.request_reject(
        approver, rejected, reason="แผนยังไม่ผ่านคณะกรรมการ โปรดยื่นใหม่หลังการประชุมเดือนหน้า"
    )
    published = services.request_submit(
        owner, data=_data(classes["general"], "ประกาศวันหยุดให้บริการคลินิกพิเศษ")
    )
    services.request_approve(approver, published)
    services.request_publish(publisher, published, files_checked=True, category_checked=True)
    urgent = services.request_submit(
        owner,
        data=_data(classes["general"], "แจ้งเตือนด่วน: งดรับประทานเห็ดป่าที่ไม่รู้จัก", urgency=Urgency.URGENT),
    )
    # Submitted, then approved by telephone, then recorded by the publisher.
    _move_history(urgent, dt.timedelta(minutes=40))
    services.verbal_approval_record(
        publisher,
        urgent,
        approver=approver,
        approved_at=timezone.now() - dt.timedelta(minutes=30),
        method="phone",
        urgency_reason="มีผู้ป่วยจากการรับประทานเห็ดพิษในพื้นที่ ต้องแจ้งเตือนทันที",
        files_checked=True,
        category_checked=True,
    )
    # Recorded, and so published, right after the call ten days ago.
    _move_history(urgent, dt.timedelta(days=10))
    stdout.write("publishing: 5 demo publish requests in different states\n")
    return []
