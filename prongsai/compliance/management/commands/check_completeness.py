"""Print a site's completeness against a catalogue; exit 1 when any item is missing (monitoring)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Site

from prongsai.compliance.export import base_url
from prongsai.compliance.selectors import Status, catalogue_by_slug, catalogue_completeness


class Command(BaseCommand):
    help = (
        "ตรวจความครบถ้วนของเว็บไซต์ตามรายการ เช่น --catalogue ita-oit-2569 (ออกด้วยรหัส 1 เมื่อมีข้อที่ยังไม่มี)"
    )

    def add_arguments(self, parser):
        parser.add_argument("--catalogue", required=True, help="slug ของรายการ เช่น ita-oit-2569")
        parser.add_argument("--format", choices=("table", "json"), default="table")
        parser.add_argument("--site", help="hostname ของเว็บไซต์ (ค่าเริ่มต้น: เว็บไซต์หลัก)")

    def handle(self, *args, catalogue, format, site, **options):
        found = catalogue_by_slug(catalogue)
        if found is None:
            raise CommandError(f"ไม่พบรายการ '{catalogue}'")
        site_obj = (
            Site.objects.filter(hostname=site).first()
            if site
            else Site.objects.filter(is_default_site=True).first()
        )
        if site_obj is None:
            raise CommandError("ไม่พบเว็บไซต์")
        report = catalogue_completeness(found, site_obj, timezone.localdate())
        if format == "json":
            self.stdout.write(
                json.dumps(_as_json(report, base_url(site_obj)), ensure_ascii=False, indent=2)
            )
        else:
            self._table(report)
        if report.tally.missing:
            sys.exit(1)

    def _table(self, report):
        self.stdout.write(f"{report.catalogue.title}")
        self.stdout.write(f"ปีงบประมาณ พ.ศ. {report.fiscal_year_be} · คะแนน {report.score}%")
        for result in report.results:
            self.stdout.write(
                f"{result.item.code:<10} {result.status_label:<16} {result.item.title_th[:60]}"
            )
            self.stdout.write(f"{'':<10} {result.reason}")
        tally = report.tally
        self.stdout.write(
            f"ครบถ้วน {tally.met} · ไม่เป็นปัจจุบัน {tally.outdated} · ยังไม่มี {tally.missing} · "
            f"ไม่เกี่ยวข้อง {tally.not_applicable}"
        )


def _as_json(report, base: str) -> dict:
    return {
        "catalogue": report.catalogue.slug,
        "fiscal_year_be": report.fiscal_year_be,
        "checked_on": report.today.isoformat(),
        "score": report.score,
        "counts": report.counts,
        "items": [
            {
                "code": r.item.code,
                "title_th": r.item.title_th,
                "group": r.item.group,
                "status": r.status,
                "reason": r.reason,
                "urls": [base + e.url for e in r.evidence],
                "unverified": r.item.unverified,
            }
            for r in report.results
        ],
        "statuses": list(Status.values),
    }
