"""Load the demo agency. Safe to run again: nothing is duplicated, nothing fails.

With ``--profile NAME`` the demo is that agency instead (``make demo PROFILE=bang-mak``): the
app providing ``demo_profile`` loads the shipped profile, its people with demo passwords.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from prongsai.core.appmodules import app_modules


class Command(BaseCommand):
    help = "สร้างหน่วยงานตัวอย่าง เนื้อหาทุกหมวด และบัญชีเจ้าหน้าที่ตัวอย่าง (รันซ้ำได้)"

    def add_arguments(self, parser):
        parser.add_argument(
            "--profile",
            default="",
            help="โหลดโปรไฟล์หน่วยงานที่มากับระบบแทนหน่วยงานตัวอย่าง เช่น bang-mak, most-ops",
        )

    def handle(self, *args, profile="", **options):
        accounts_printed = []
        if profile:
            loaders = list(app_modules("demo_profile"))
            if not loaders:
                raise CommandError("no app provides demo profiles")
            for module in loaders:
                accounts_printed.extend(module.load(profile, self.stdout) or [])
        else:
            # Each app may ship a `demo` module with `load(stdout) -> list of (username, password, role)`.
            for module in app_modules("demo"):
                with transaction.atomic():
                    accounts_printed.extend(module.load(self.stdout) or [])
        self.stdout.write(self.style.SUCCESS("\nโหลดข้อมูลตัวอย่างเรียบร้อย / Demo data loaded."))
        if accounts_printed:
            # No address here: `run_demo` prints the one it really serves on.
            self.stdout.write("\nบัญชีเจ้าหน้าที่ตัวอย่าง (demo staff accounts) — เข้าที่ /admin/")
            self.stdout.write(f"{'username':<14} {'password':<22} role")
            must_change = set(
                get_user_model()
                .objects.filter(must_change_password=True)
                .values_list("username", flat=True)
            )
            for username, password, role in accounts_printed:
                note = "  * ต้องตั้งรหัสผ่านใหม่เมื่อเข้าครั้งแรก" if username in must_change else ""
                self.stdout.write(f"{username:<14} {password:<22} {role}{note}")
            if must_change:
                self.stdout.write(
                    "* เข้าครั้งแรกระบบจะให้ตั้งรหัสผ่านใหม่ก่อน (first sign-in asks for a new password)"
                )
