"""Daily check (R32): information requests past the date the agency must answer by (R16)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.dailycheck import Finding, register
from prongsai.core.thaidate import thai_date

from .models import InfoRequest


@register("inforequest-overdue", title="คำขอข้อมูลข่าวสารที่เกินกำหนดแจ้งผล")
def overdue_info_requests(*, today) -> list[Finding]:
    overdue = InfoRequest.objects.filter(status__in=InfoRequest.OPEN, due_date__lt=today)
    return [
        Finding(
            summary=_("คำขอข้อมูลข่าวสารเลขที่ %(ref)s เกินกำหนดแจ้งผล (%(due)s)")
            % {"ref": info_request.reference, "due": thai_date(info_request.due_date)},
            detail=info_request.subject,
            url=reverse("inforequests_admin_detail", args=[info_request.pk]),
        )
        for info_request in overdue.order_by("due_date")
    ]
