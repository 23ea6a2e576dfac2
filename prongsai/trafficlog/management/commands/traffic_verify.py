import json
from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError

from prongsai.trafficlog import attest
from prongsai.trafficlog.accessaudit import verify_access_audit
from prongsai.trafficlog.records import BANGKOK
from prongsai.trafficlog.verify import verify_all


def _date(text: str, *, end: bool) -> datetime:
    try:
        day = datetime.strptime(text, "%Y-%m-%d").date()  # noqa: DTZ007 - a calendar date
    except ValueError as exc:
        raise CommandError(f"วันที่ไม่ถูกต้อง: {text!r} (ใช้รูปแบบ YYYY-MM-DD ปีคริสต์ศักราช)") from exc
    return datetime.combine(day, time.max if end else time.min, tzinfo=BANGKOK)


class Command(BaseCommand):
    help = "ตรวจความครบถ้วนของข้อมูลจราจร (ลูกโซ่แฮชและจุดตรวจสอบ) และรายงานจุดแรกที่เสียหาย"

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="YYYY-MM-DD")
        parser.add_argument(
            "--check-result",
            metavar="FILE",
            help="ตรวจลายมือชื่อของไฟล์ผลการตรวจที่ดาวน์โหลดจากหน้าจอ (ไม่ตรวจข้อมูลจราจรซ้ำ)",
        )

    def handle(self, *args, start=None, end=None, check_result=None, **options):
        if check_result:
            self._check_result(check_result)
            return
        result = verify_all(
            _date(start, end=False) if start else None, _date(end, end=True) if end else None
        )
        audit = verify_access_audit()
        for segment in result.segments:
            for note in segment.notes:
                self.stdout.write(f"หมายเหตุ {segment.name}: {note}")
        if result.ok and audit.ok:
            self.stdout.write(
                f"ถูกต้อง: {len(result.segments)} ส่วนข้อมูล, {result.records} รายการ; "
                f"บันทึกการเข้าถึง {audit.entries} รายการ"
            )
            return
        broken = [segment for segment in result.segments if segment.problem]
        if result.checkpoint_problem:
            self.stderr.write(f"เสียหาย: {result.checkpoint_problem}")
        for segment in broken:
            self.stderr.write(f"เสียหาย: {segment.name}: {segment.problem}")
        for problem in audit.problems:
            self.stderr.write(f"บันทึกการเข้าถึงเสียหาย: {problem}")
        raise SystemExit(1)

    def _check_result(self, path: str) -> None:
        try:
            with open(path, encoding="utf-8") as handle:
                signed = json.load(handle)
        except (OSError, ValueError) as exc:
            raise CommandError(f"อ่านไฟล์ผลการตรวจไม่ได้: {exc}") from exc
        if not attest.check(signed):
            self.stderr.write("ลายมือชื่อไม่ถูกต้อง: ไฟล์ถูกแก้ไข หรือไม่ได้ออกโดยระบบนี้")
            raise SystemExit(1)
        result = signed["result"]
        verdict = "ถูกต้อง" if result["ok"] else "พบความเสียหาย"
        self.stdout.write(
            f"ลายมือชื่อถูกต้อง: ตรวจเมื่อ {result['run_at']} โดย {result['run_by']}; "
            f"ผลการตรวจ: {verdict} ({result['segments']} ส่วนข้อมูล, {result['records']} รายการ)"
        )
