"""`manage.py search_vocabulary`: rebuild the words "did you mean" suggests from (ADR 0270)."""

import time

from django.core.management.base import BaseCommand
from wagtail.models import Site

from prongsai.search.services import rebuild_vocabulary


class Command(BaseCommand):
    help = "สร้างรายการคำของแต่ละเว็บไซต์ใหม่ (ใช้เสนอคำที่สะกดถูก “คุณหมายถึง”)"

    def handle(self, *args, **options):
        for site in Site.objects.order_by("pk"):
            started = time.perf_counter()
            words = rebuild_vocabulary(site)
            self.stdout.write(
                f"{site.hostname}: {words} คำ ใน {time.perf_counter() - started:.1f} วินาที"
            )
