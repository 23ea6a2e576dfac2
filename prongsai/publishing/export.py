"""The request list as an XLSX workbook (R26, R43)."""

from django.utils import timezone

from prongsai.core.tabular import Sheet, workbook_bytes
from prongsai.policy.selectors import category_labels

#: Excel shows the year in the Buddhist era with "bbbb" (e.g. 1/12/2569).
DATE_FORMAT = "d/m/bbbb"
DATETIME_FORMAT = "d/m/bbbb hh:mm"


def _local(value):
    # Real date cells (sortable, filterable), in Bangkok time, without a time zone (Excel has none).
    if value is None:
        return None
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


HEADERS = [
    "เลขที่",
    "เรื่อง",
    "หน่วยงาน",
    "ผู้ขอ",
    "ประเภทข้อมูล",
    "หมวด",
    "สถานะ",
    "วันที่ยื่น",
    "วันที่อนุมัติ",
    "กำหนดเผยแพร่",
    "สถานะกำหนดเวลา",
    "วันที่เผยแพร่",
    "URL",
]


def _text(value) -> str:
    return "" if value is None else str(value)


def requests_workbook(queryset) -> bytes:
    labels = category_labels()  # one read of the policy, not one per row
    rows = (
        [
            _text(r.number),
            _text(r.title),
            _text(r.unit.name),
            _text(r.requester.display_name()),
            _text(r.information_class.name),
            _text(labels.get(r.category, r.category)),
            _text(r.get_status_display()),
            _local(r.submitted_at),
            _local(r.approved_at),
            r.due_date,
            _text(r.deadline_status_label()),
            _local(r.published_at),
            _text(r.public_url),
        ]
        for r in queryset
    )
    sheet = Sheet(
        "คำขอเผยแพร่",
        HEADERS,
        rows,
        widths=(10, 50, 30, 24, 24, 24, 20, 18, 18, 18, 18, 18, 50),
        number_formats={
            8: DATETIME_FORMAT,
            9: DATETIME_FORMAT,
            10: DATE_FORMAT,
            12: DATETIME_FORMAT,
        },
    )
    return workbook_bytes([sheet])
