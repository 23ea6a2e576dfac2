"""Serve the demo site, with the background worker and scheduler in the same process."""

import importlib

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "เปิดเว็บไซต์ตัวอย่างพร้อมงานเบื้องหลัง (worker และ scheduler) ในโปรเซสเดียว"

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        # Apps that need background threads in the demo expose `demo_background.start()`.
        for app in settings.PRONGSAI_APPS:
            try:
                module = importlib.import_module(f"{app}.demo_background")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app}.demo_background":
                    raise
                continue
            module.start(self.stdout)
        self.stdout.write(f"Prongsai demo: http://{addrport}/  (admin: http://{addrport}/admin/)")
        call_command("runserver", addrport, use_reloader=False)
