"""Serve the demo site, with the background worker and scheduler in the same process."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from prongsai.core.appmodules import app_modules


class Command(BaseCommand):
    help = "เปิดเว็บไซต์ตัวอย่างพร้อมงานเบื้องหลัง (worker และ scheduler) ในโปรเซสเดียว"

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        # Apps that need background threads in the demo expose `demo_background.start()`.
        for module in app_modules("demo_background"):
            module.start(self.stdout)
        self.stdout.write(f"Prongsai demo: http://{addrport}/  (admin: http://{addrport}/admin/)")
        call_command("runserver", addrport, use_reloader=False)
