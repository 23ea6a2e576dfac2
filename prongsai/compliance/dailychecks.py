"""Daily check (R32): gaps against the active catalogues that appeared since the last check."""

from django.urls import reverse
from wagtail.models import Site

from prongsai.core.dailycheck import Finding, register

from .selectors import Status, active_catalogues, catalogue_completeness
from .services import record_gaps


@register("compliance-gaps", title="ข้อที่ขาดหรือไม่เป็นปัจจุบันตามเกณฑ์ ITA/OIT มาตรฐานเว็บไซต์ และมาตรา 7/9")
def new_compliance_gaps(*, today) -> list[Finding]:
    findings = []
    for site in Site.objects.all():
        for catalogue in active_catalogues():
            report = catalogue_completeness(catalogue, site, today)
            for result in record_gaps(report):
                findings.append(
                    Finding(
                        summary=f"{catalogue.title}: ข้อ {result.item.code} {result.status_label}",
                        detail=f"{result.item.title_th} — {result.reason}",
                        url=reverse("compliance_admin:detail", args=(catalogue.slug,)),
                        severity="error" if result.status == Status.MISSING else "warning",
                    )
                )
    return findings
