"""The report as an A4 PDF and as an XLSX (R35): from the frozen snapshot once approved."""

import datetime as dt

from django.template.loader import render_to_string

from prongsai.core.models import AgencySettings
from prongsai.core.pdf import PDF_FONT_FAMILY, font_face_css
from prongsai.core.tabular import workbook_bytes
from prongsai.core.thaidate import thai_date, thai_datetime

from .charts import report_charts
from .selectors import figures_for
from .tables import period_line, report_tables


def _fixed_moment(report) -> dt.datetime:
    """The PDF's and XLSX's metadata time: the approval (or the period's end for a draft)."""
    if report.approved_at:
        return report.approved_at.replace(microsecond=0)
    return dt.datetime.combine(report.period_end, dt.time(23, 59), tzinfo=dt.UTC)


def report_context(report, figures: dict | None = None) -> dict:
    figures = figures or figures_for(report)
    return {
        "report": report,
        "f": figures,
        "agency": AgencySettings.for_site(report.site),
        "tables": report_tables(figures),
        "charts": report_charts(figures),
        "period_line": period_line(figures),
        "as_of": thai_date(dt.date.fromisoformat(figures["as_of"])),
        "approved_on": thai_datetime(report.approved_at) if report.approved_at else "",
        "moment": _fixed_moment(report).isoformat(),
        "font_css": font_face_css(),
        "font_family": PDF_FONT_FAMILY,
    }


def render_report_html(report, figures: dict | None = None) -> str:
    return render_to_string("reports/report_pdf.html", report_context(report, figures))


def render_report_pdf(report, figures: dict | None = None) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_report_html(report, figures)).write_pdf()


def render_report_xlsx(report, figures: dict | None = None) -> bytes:
    figures = figures or figures_for(report)
    sheets = [
        (
            "รายงาน",
            ["หัวข้อ", "ข้อความ"],
            [
                ["รอบรายงาน", report.label],
                ["ช่วงเวลา", period_line(figures)],
                *[[label, text] for label, text in report.written()],
            ],
        ),
        *[(table.title, table.header, table.rows) for table in report_tables(figures)],
    ]
    return workbook_bytes(sheets, created=_fixed_moment(report).replace(tzinfo=None))
