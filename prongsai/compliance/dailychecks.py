"""Daily check (R32): every current gap against the active catalogues, the new ones marked.

Every run lists all gaps, so a re-run shows what the scheduled run showed and the sign-off is
recorded against the full list; gaps not seen by an earlier check are marked as new.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from prongsai.core.dailycheck import Finding, register

from .selectors import Status, active_catalogues, catalogue_completeness, site_content
from .services import record_gaps


@register("compliance-gaps", title="ข้อที่ขาดหรือไม่เป็นปัจจุบันตามเกณฑ์ ITA/OIT มาตรฐานเว็บไซต์ และมาตรา 7/9")
def compliance_gaps(*, today) -> list[Finding]:
    findings = []
    catalogues = list(active_catalogues())
    for site in Site.objects.select_related("root_page"):
        # The site's pages and documents are read once for every catalogue (they were read
        # again per catalogue: most of the daily check's time at 10,000 pages).
        content = site_content(site, today)
        for catalogue in catalogues:
            report = catalogue_completeness(catalogue, site, today, content=content)
            new = {result.item.pk for result in record_gaps(report)}
            for result in report.gaps:
                mark = " " + _("(พบใหม่)") if result.item.pk in new else ""
                findings.append(
                    Finding(
                        summary=f"{catalogue.title}: ข้อ {result.item.code} {result.status_label}{mark}",
                        detail=f"{result.item.title_th} — {result.reason}",
                        url=reverse("compliance_admin:detail", args=(catalogue.slug,)),
                        severity="error" if result.status == Status.MISSING else "warning",
                    )
                )
    return findings
