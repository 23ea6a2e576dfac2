"""Demo traffic coordinator and one example hold (safe to run again).

The coordinator enrols an authenticator app at first sign-in, like the demo webmasters
(ADR 0010: no pre-enrolled secrets printed on a console). The traffic-data pages need a
verified second factor even when the demo runs with PRONGSAI_REQUIRE_2FA=false, unless it is
also started with TRAFFIC_REQUIRE_2FA=false.
"""

from datetime import timedelta

from django.utils import timezone

from prongsai.accounts.models import Unit, User
from prongsai.accounts.role_sync import role_group
from prongsai.accounts.roles import Role

from .models import Hold
from .services import create_hold

USERNAME = "coordinator"
# Exists only in the demo database; printed by `make demo`.
PASSWORD = "Prongsai-Coord-2569"  # noqa: S105
ROLE_LABEL = "ผู้ประสานข้อมูลจราจร (traffic coordinator)"
DEMO_ORDER_REFERENCE = "ตัวอย่าง ดศ 0001/2569"

TWO_FACTOR_NOTE = (
    "\nผู้ประสานข้อมูลจราจร (coordinator): ตั้งค่าแอปยืนยันตัวตนเมื่อเข้าสู่ระบบครั้งแรก แล้วเปิด"
    "\n/staff/traffic-data/ (ค้นหาและส่งออก) และ /staff/traffic-data/holds/ (คำสั่งให้เก็บข้อมูล)."
    "\nThe traffic-data pages always need a verified second factor (TRAFFIC_REQUIRE_2FA)."
)


def load(stdout):
    user, created = User.objects.get_or_create(username=USERNAME)
    user.first_name, user.last_name = "ปกรณ์", "ประสานงาน"
    user.position = "นักวิชาการคอมพิวเตอร์ปฏิบัติการ"
    user.unit = Unit.objects.filter(code="ict").first()
    user.email = f"{USERNAME}@example.go.th"
    user.is_staff = True
    if created:
        user.set_password(PASSWORD)
    user.save()
    user.groups.add(role_group(Role.TRAFFIC_COORDINATOR))
    if not Hold.objects.filter(order_reference=DEMO_ORDER_REFERENCE).exists():
        now = timezone.localtime()
        create_hold(
            user,
            order_reference=DEMO_ORDER_REFERENCE,
            reason="ตัวอย่าง: พนักงานเจ้าหน้าที่ตาม พ.ร.บ.คอมพิวเตอร์ฯ สั่งให้เก็บรักษาข้อมูลจราจร"
            "ช่วงเวลานี้ไว้เพื่อการสอบสวน",
            range_start=(now - timedelta(days=30)).replace(
                hour=0, minute=0, second=0, microsecond=0
            ),
            range_end=now.replace(hour=23, minute=59, second=0, microsecond=0),
            keep_until=now.date() + timedelta(days=365),
        )
    stdout.write(TWO_FACTOR_NOTE)
    return [(USERNAME, PASSWORD, ROLE_LABEL)]
