"""Search findings on the webmasters' daily check (R32)."""

from django.urls import reverse

from prongsai.core.dailycheck import Finding, register

from .selectors import documents_needing_attention


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
