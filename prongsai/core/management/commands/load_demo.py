"""Load the demo agency. Safe to run again: nothing is duplicated, nothing fails."""

from django.core.management.base import BaseCommand
from django.db import transaction

from prongsai.core.appmodules import app_modules


class Command(BaseCommand):
    help = "สร้างหน่วยงานตัวอย่าง เนื้อหาทุกหมวด และบัญชีเจ้าหน้าที่ตัวอย่าง (รันซ้ำได้)"

    def handle(self, *args, **options):
        accounts_printed = []
        # Each app may ship a `demo` module with `load(stdout) -> list of (username, password, role)`.
        for module in app_modules("demo"):
            with transaction.atomic():
                accounts_printed.extend(module.load(self.stdout) or [])
        self.stdout.write(self.style.SUCCESS("\nโหลดข้อมูลตัวอย่างเรียบร้อย / Demo data loaded."))
        if accounts_printed:
            self.stdout.write(
                "\nบัญชีเจ้าหน้าที่ตัวอย่าง (demo staff accounts) — http://127.0.0.1:8000/admin/"
            )
            self.stdout.write(f"{'username':<14} {'password':<22} role")
            for username, password, role in accounts_printed:
                self.stdout.write(f"{username:<14} {password:<22} {role}")
