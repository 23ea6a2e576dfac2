"""Demo organisation tree and staff accounts for the demo agency."""

from .models import Unit, UnitKind, User
from .role_sync import sync_roles
from .roles import Role

DEMO_UNITS = [
    # code, name, name_en, kind, parent code
    (
        "office",
        "สำนักงานสาธารณสุขจังหวัดตัวอย่าง",
        "Example Provincial Health Office",
        UnitKind.AGENCY,
        None,
    ),
    ("admin", "กลุ่มงานบริหารทั่วไป", "General Administration", UnitKind.GROUP, "office"),
    ("strategy", "กลุ่มงานพัฒนายุทธศาสตร์สาธารณสุข", "Health Strategy", UnitKind.GROUP, "office"),
    ("disease", "กลุ่มงานควบคุมโรคติดต่อ", "Communicable Disease Control", UnitKind.GROUP, "office"),
    (
        "consumer",
        "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข",
        "Consumer Protection",
        UnitKind.GROUP,
        "office",
    ),
    ("law", "กลุ่มกฎหมาย", "Legal Affairs", UnitKind.GROUP, "office"),
    ("ict", "ศูนย์เทคโนโลยีสารสนเทศ", "ICT Centre", UnitKind.CENTRE, "strategy"),
    ("pr", "งานประชาสัมพันธ์", "Public Relations", UnitKind.SECTION, "admin"),
]

# Who is in which role group, which unit each heads and which units each publishes for.
DEMO_ROLES = {
    "admin": [Role.ADMINISTRATOR],
    "webmaster1": [Role.WEBMASTER],
    "webmaster2": [Role.WEBMASTER],
    "approver": [Role.APPROVER, Role.EXECUTIVE],
    "publisher": [Role.PUBLISHER],
    "owner": [Role.DATA_OWNER],
}
DEMO_HEADS = {"office": "approver", "ict": "webmaster1"}
DEMO_PUBLISHERS = {"publisher": "*", "webmaster1": ["ict", "strategy"]}

TWO_FACTOR_NOTE = (
    "\nการยืนยันตัวตนสองขั้นตอน: บัญชี admin, webmaster1, webmaster2 ต้องตั้งค่าแอปยืนยันตัวตน"
    "\nเมื่อเข้าสู่ระบบครั้งแรก (สแกนคิวอาร์โค้ด หรือพิมพ์รหัสลับที่แสดงลงในแอป เช่น Google"
    "\nAuthenticator / FreeOTP / `oathtool --totp -b <รหัสลับ>`)."
    "\nTwo-factor: admin and webmaster accounts enrol an authenticator app at first sign-in."
    "\nTo try the demo without one, start it with PRONGSAI_REQUIRE_2FA=false."
)

# Demo passwords are printed by `make demo`; they exist only in the demo database.
DEMO_USERS = [
    # username, password, first, last, position, unit, role label, superuser
    (
        "admin",
        "Prongsai-Admin-2569",
        "สมชาย",
        "ผู้ดูแลระบบ",
        "นักวิชาการคอมพิวเตอร์ชำนาญการ",
        "ict",
        "ผู้ดูแลระบบ (administrator)",
        True,
    ),
    (
        "webmaster1",
        "Prongsai-Web1-2569",
        "วิภาวรรณ",
        "ใจดี",
        "นักวิชาการคอมพิวเตอร์",
        "ict",
        "ผู้ดูแลเว็บไซต์ (webmaster)",
        False,
    ),
    (
        "webmaster2",
        "Prongsai-Web2-2569",
        "ธนากร",
        "รักษ์ดี",
        "เจ้าพนักงานเครื่องคอมพิวเตอร์",
        "ict",
        "ผู้ดูแลเว็บไซต์ (webmaster)",
        False,
    ),
    (
        "approver",
        "Prongsai-Appr-2569",
        "ประเสริฐ",
        "มั่นคง",
        "นายแพทย์สาธารณสุขจังหวัด",
        "office",
        "ผู้อนุมัติ (approver)",
        False,
    ),
    (
        "publisher",
        "Prongsai-Pub-2569",
        "อรอุมา",
        "สุขใจ",
        "นักประชาสัมพันธ์",
        "pr",
        "ผู้เผยแพร่ (publisher)",
        False,
    ),
    (
        "owner",
        "Prongsai-Owner-2569",
        "กมลชนก",
        "ศรีสุข",
        "นักวิชาการสาธารณสุขชำนาญการ",
        "disease",
        "เจ้าของข้อมูล (data owner)",
        False,
    ),
]


def load(stdout):
    groups = sync_roles()
    units = {}
    for code, name, name_en, kind, parent in DEMO_UNITS:
        unit, _ = Unit.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "kind": kind, "parent": units.get(parent)},
        )
        units[code] = unit
    printed = []
    for username, password, first, last, position, unit, role, superuser in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.position = first, last, position
        user.unit = units[unit]
        user.email = f"{username}@example.go.th"
        user.is_staff = True
        user.is_superuser = superuser
        if created:
            user.set_password(password)
            user.must_change_password = username == "approver"  # shows the first-sign-in change
        user.save()
        user.groups.add(*(groups[role] for role in DEMO_ROLES[username]))
        printed.append((username, password, role))
    _assign_heads_and_publishers(units)
    stdout.write(f"หน่วยงานภายใน {len(units)} หน่วย, บัญชีเจ้าหน้าที่ {len(printed)} บัญชี")
    stdout.write(TWO_FACTOR_NOTE)
    return printed


def _assign_heads_and_publishers(units):
    for code, username in DEMO_HEADS.items():
        Unit.objects.filter(pk=units[code].pk).update(head=User.objects.get(username=username))
    for username, codes in DEMO_PUBLISHERS.items():
        publisher = User.objects.get(username=username)
        for code in units if codes == "*" else codes:
            units[code].publishers.add(publisher)
