from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from prongsai.analytics.services import count_visit_logs
from prongsai.analytics.tasks import configured_logs


class Command(BaseCommand):
    help = "นับการเปิดหน้าจากบันทึกการเข้าชม (ของ nginx หรือของระบบ) นับซ้ำได้โดยไม่นับเพิ่ม"

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="*", type=Path, help="ไม่ระบุ = ไฟล์ตาม PRONGSAI_VISITS_LOGS"
        )

    def handle(self, *args, files, **options):
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"ไม่พบไฟล์: {', '.join(missing)}")
        summary = count_visit_logs(files or configured_logs())
        for where in summary.malformed[:50]:
            self.stderr.write(f"บรรทัดผิดรูปแบบ {where}")
        self.stdout.write(
            f"นับการเปิดหน้า {summary.counted} ครั้งจาก {summary.files} ไฟล์; "
            f"ไม่นับ (บอต/HEAD/304) {summary.ignored}; บรรทัดผิดรูปแบบ {len(summary.malformed)}"
        )
        if summary.malformed:
            raise SystemExit(2)  # cron and monitoring notice; everything else was counted
