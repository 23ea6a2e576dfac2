from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from prongsai.trafficlog.syslog import forward_new_records


class Command(BaseCommand):
    help = "ส่งข้อมูลจราจรที่เพิ่มขึ้นไปยังเซิร์ฟเวอร์ syslog กลาง (RFC 5424 ผ่าน TCP)"

    def handle(self, *args, **options):
        if not settings.TRAFFIC_SYSLOG_HOST:
            raise CommandError("ยังไม่ได้ตั้งค่า TRAFFIC_SYSLOG_HOST")
        try:
            sent = forward_new_records()
        except OSError as exc:
            raise CommandError(f"ส่งไปยัง syslog ไม่สำเร็จ: {exc}") from exc
        self.stdout.write(f"ส่งแล้ว {sent} รายการ")
