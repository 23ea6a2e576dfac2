"""Search findings on the webmasters' daily check (R32)."""

from django.urls import reverse

from prongsai.core.dailycheck import Finding, register

from .selectors import documents_needing_attention, objects_missing_from_the_index


@register("search-unreadable-documents", title="เอกสารที่ค้นหาจากเนื้อหาไม่ได้")
def unreadable_documents(*, today) -> list[Finding]:
    """Documents whose file gave no text: found only by title and metadata."""
    url = reverse("search_admin:documents")
    return [
        Finding(
            summary=f"ค้นหาจากเนื้อหาไม่ได้: {record.document.title}",
            detail=record.error,
            url=url,
            severity="warning",
        )
        for record in documents_needing_attention()[:50]
    ]


@register("search-index-behind", title="ดัชนีการค้นหาไม่ครบ")
def index_behind(*, today) -> list[Finding]:
    """Live pages or documents the site search cannot find: their index entry is missing."""
    missing = objects_missing_from_the_index()
    if not any(missing.values()):
        return []
    return [
        Finding(
            summary=(
                f"หน้าเว็บที่เผยแพร่ {missing['pages']} หน้า และเอกสาร {missing['documents']} "
                "รายการ ยังค้นหาไม่พบ (ไม่มีในดัชนีการค้นหา)"
            ),
            detail="ให้ผู้ดูแลระบบสั่ง manage.py thai_reindex และตรวจสอบว่าระบบงานเบื้องหลังทำงาน",
            severity="warning",
        )
    ]
