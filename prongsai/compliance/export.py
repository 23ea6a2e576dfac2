"""The OIT URL list as XLSX and CSV: absolute URLs on the agency's main domain (for ITAS)."""

from prongsai.core.tabular import Sheet, csv_bytes, workbook_bytes
from prongsai.core.thaidate import thai_date

from .selectors import CompletenessReport, ItemResult

HEADERS = [
    "รหัสข้อ",
    "หมวด/ตัวชี้วัด",
    "ชื่อข้อ",
    "สถานะ",
    "URL หลักฐาน",
    "คำอธิบาย",
]


def base_url(site) -> str:
    """https://<main domain> from the agency settings, else the Wagtail site's own root URL."""
    from prongsai.core.models import AgencySettings

    domain = (AgencySettings.for_site(site).main_domain or "").strip().rstrip("/")
    if domain:
        return domain if domain.startswith(("http://", "https://")) else f"https://{domain}"
    return site.root_url.rstrip("/")


def evidence_urls(result: ItemResult, base: str) -> list[str]:
    return [base + evidence.url for evidence in result.evidence]


def _explanation(result: ItemResult) -> str:
    parts = []
    for evidence in result.evidence:
        text = evidence.title
        if evidence.note:
            text += f" ({evidence.note})"
        parts.append(text)
    if not parts:
        parts.append(result.reason)
    return "; ".join(parts)


def rows(report: CompletenessReport) -> list[list[str]]:
    base = base_url(report.site)
    return [
        [
            result.item.code,
            result.item.group or "",
            result.item.title_th,
            str(result.status_label),
            "\n".join(evidence_urls(result, base)),
            _explanation(result),
        ]
        for result in report.results
    ]


def _title(report: CompletenessReport) -> str:
    return (
        f"{report.catalogue.title} — ตรวจเมื่อ {thai_date(report.today)} "
        f"(ปีงบประมาณ พ.ศ. {report.fiscal_year_be})"
    )


def to_csv(report: CompletenessReport) -> bytes:
    return csv_bytes(HEADERS, rows(report))


def to_xlsx(report: CompletenessReport) -> bytes:
    sheet = Sheet(
        report.catalogue.slug,
        HEADERS,
        rows(report),
        caption=_title(report),
        widths=(10, 28, 50, 14, 60, 50),
    )
    return workbook_bytes([sheet])
