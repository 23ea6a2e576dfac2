"""The project's audit vocabulary: every action name Prongsai writes to Wagtail's log.

One prefix (``prongsai.``), one table, registered once with Wagtail (``core/wagtail_hooks.py``)
so each entry shows its Thai label in the admin's log views. Services write through
:func:`log`, which refuses a name that is not in the table: a typo cannot create an entry that
no screen can label. Names written before this table (``prongsai_accounts.``,
``prongsai_traffic.``, ``prongsai_publishing.``) are renamed by ``core`` migration 0004.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log as wagtail_log

PREFIX = "prongsai."

# (full label, short label); the short one is Wagtail's "message" column in compact lists.
ACTIONS = {
    # accounts
    "prongsai.account.coordinator_proposed": _("เสนอแต่งตั้ง/ถอดถอนผู้ประสานงานข้อมูลจราจร"),
    "prongsai.account.coordinator_granted": _("แต่งตั้งผู้ประสานงานข้อมูลจราจร (ยืนยันแล้ว)"),
    "prongsai.account.coordinator_revoked": _("ถอดถอนผู้ประสานงานข้อมูลจราจร (ยืนยันแล้ว)"),
    "prongsai.account.coordinator_cancelled": _("ยกเลิกข้อเสนอผู้ประสานงานข้อมูลจราจร"),
    "prongsai.account.coordinator_refused": _("ปฏิเสธการแต่งตั้ง/ยืนยันผู้ประสานงานข้อมูลจราจร"),
    "prongsai.account.sign_in_unlocked": _("ผู้ดูแลระบบปลดการระงับการเข้าสู่ระบบ"),
    "prongsai.account.signed_in": _("เข้าสู่ระบบ"),
    "prongsai.account.sign_in_failed": _("เข้าสู่ระบบไม่สำเร็จ (รหัสผ่านไม่ถูกต้อง)"),
    "prongsai.account.locked_out": _("ระงับการเข้าสู่ระบบชั่วคราว (กรอกรหัสผ่านผิดหลายครั้ง)"),
    "prongsai.account.password_change_required": _("กำหนดให้เปลี่ยนรหัสผ่าน"),
    "prongsai.account.password_changed": _("เปลี่ยนรหัสผ่าน"),
    "prongsai.account.two_factor_enrolled": _("เปิดใช้การยืนยันตัวตนสองขั้นตอน"),
    "prongsai.account.two_factor_verified": _("ยืนยันตัวตนขั้นที่สองสำเร็จ"),
    "prongsai.account.two_factor_replaced": _("เปลี่ยนอุปกรณ์ยืนยันตัวตนสองขั้นตอน"),
    "prongsai.account.two_factor_enrol_refused": _(
        "ปฏิเสธการตั้งค่าอุปกรณ์ยืนยันตัวตน (ยังไม่ได้ยืนยันตัวตนหรือเข้าสู่ระบบนานเกินไป)"
    ),
    "prongsai.account.two_factor_reset": _("ผู้ดูแลระบบล้างอุปกรณ์ยืนยันตัวตนสองขั้นตอน"),
    "prongsai.account.two_factor_failed": _("ยืนยันตัวตนขั้นที่สองไม่สำเร็จ"),
    # staff sessions (ADR 0258)
    "prongsai.account.session_ended": _("ออกจากระบบอุปกรณ์หนึ่งจากหน้าการเข้าสู่ระบบของฉัน"),
    "prongsai.account.other_sessions_ended": _("ออกจากระบบอุปกรณ์อื่นทั้งหมด"),
    "prongsai.account.sessions_ended": _("ระบบยุติการเข้าสู่ระบบทั้งหมดของบัญชี"),
    "prongsai.account.sessions_ended_by_administrator": _("ผู้ดูแลระบบยุติการเข้าสู่ระบบทั้งหมดของผู้ใช้"),
    "prongsai.account.session_limit_reached": _("ยุติการเข้าสู่ระบบที่เก่าที่สุด (เกินจำนวนที่อนุญาตพร้อมกัน)"),
    "prongsai.account.reauthentication_failed": _("ยืนยันตัวตนซ้ำไม่สำเร็จ"),
    # publishing (the request's history, R26); the values of publishing.models.Action
    "prongsai.publishing.submitted": _("ยื่นคำขอ"),
    "prongsai.publishing.approved": _("อนุมัติ"),
    "prongsai.publishing.rejected": _("ไม่อนุมัติ"),
    "prongsai.publishing.returned": _("ส่งกลับให้แก้ไข"),
    "prongsai.publishing.resubmitted": _("ยื่นคำขอใหม่หลังแก้ไข"),
    "prongsai.publishing.published": _("เผยแพร่"),
    "prongsai.publishing.sent-back": _("ผู้เผยแพร่ส่งกลับ"),
    "prongsai.publishing.verbal-recorded": _("บันทึกการอนุมัติด้วยวาจา"),
    "prongsai.publishing.verbal-confirmed": _("ยืนยันการอนุมัติด้วยวาจา"),
    "prongsai.publishing.revision-unrouted": _("บันทึกร่างเพื่อปรับปรุง (ยังไม่ได้ตั้งค่าประเภทข้อมูล)"),
    # monitoring
    "prongsai.document.expired": _("เอกสารหมดระยะเผยแพร่"),
    "prongsai.review.confirmed": _("ยืนยันความถูกต้องของเนื้อหา"),
    "prongsai.review.revise_requested": _("ขอแก้ไขจากการทบทวน"),
    "prongsai.review.escalated": _("แจ้งหัวหน้าหน่วยงาน: ค้างทบทวน"),
    "prongsai.review.interval_changed": _("เปลี่ยนรอบการทบทวน"),
    "prongsai.dailycheck.webmaster_shortage": _("ผู้ดูแลเว็บไซต์น้อยกว่าขั้นต่ำ"),
    "prongsai.dailycheck.signed": _("ลงนามการตรวจประจำวัน"),
    # feedback
    "prongsai.qa.edit": _("แก้ไขฉบับเผยแพร่ของคำถาม"),
    "prongsai.qa.publish": _("ตอบและเผยแพร่คำถาม"),
    "prongsai.qa.reject": _("ไม่เผยแพร่คำถาม"),
    "prongsai.qa.merge": _("รวมคำถามที่ซ้ำ"),
    # reports
    "prongsai.report.opened": _("เปิดร่างรายงานผลการดำเนินงาน"),
    "prongsai.report.edited": _("แก้ไขรายงานผลการดำเนินงาน"),
    "prongsai.report.submitted": _("เสนอรายงานผลการดำเนินงาน"),
    "prongsai.report.returned": _("ส่งรายงานผลการดำเนินงานกลับให้แก้ไข"),
    "prongsai.report.approved": _("อนุมัติรายงานผลการดำเนินงาน"),
    "prongsai.report.published": _("เผยแพร่รายงานผลการดำเนินงานบนเว็บไซต์"),
    # inforequests (official information requests)
    "prongsai.inforequest.submit": _("รับคำขอข้อมูลข่าวสาร"),
    "prongsai.inforequest.start": _("เริ่มดำเนินการคำขอข้อมูลข่าวสาร"),
    "prongsai.inforequest.decide": _("แจ้งผลคำขอข้อมูลข่าวสาร"),
    # policy (the agency's policy per site) and profiles
    "prongsai.policy.changed": _("แก้ไขนโยบายเว็บไซต์ของหน่วยงาน"),
    "prongsai.profile.loaded": _("โหลดโปรไฟล์หน่วยงาน"),
    # parentbody (R36): the province's collection of its agencies' reports
    "prongsai.parentbody.draft_saved": _("บันทึกร่างรายงานต่อจังหวัด"),
    "prongsai.parentbody.submitted": _("ส่งรายงานต่อจังหวัดผ่านแบบฟอร์ม"),
    "prongsai.parentbody.received": _("รับรายงานจากระบบ Prongsai ของหน่วยงาน"),
    "prongsai.parentbody.returned": _("ส่งรายงานของหน่วยงานกลับให้แก้ไข"),
    "prongsai.parentbody.accepted": _("รับรายงานของหน่วยงาน"),
    "prongsai.parentbody.token_issued": _("ออกกุญแจ API ให้หน่วยงาน"),
    "prongsai.parentbody.token_revoked": _("ยกเลิกกุญแจ API ของหน่วยงาน"),
    "prongsai.parentbody.reporter_added": _("เพิ่มผู้รายงานของหน่วยงาน"),
    # filecheck (R42): an upload refused by its content, nothing stored
    "prongsai.upload.refused": _("ปฏิเสธไฟล์ที่อัปโหลด"),
    # trafficlog (R40): every look at the data, allowed or refused
    "prongsai.traffic.search.allowed": _("ค้นหาข้อมูลจราจร"),
    "prongsai.traffic.export.allowed": _("ส่งออกข้อมูลจราจร"),
    "prongsai.traffic.search.denied": _("ถูกปฏิเสธการค้นหาข้อมูลจราจร"),
    "prongsai.traffic.export.denied": _("ถูกปฏิเสธการส่งออกข้อมูลจราจร"),
    "prongsai.traffic.holds.denied": _("ถูกปฏิเสธการเข้าหน้าคำสั่งเก็บข้อมูลจราจร"),
    "prongsai.traffic.verify.allowed": _("ตรวจความครบถ้วนของข้อมูลจราจร"),
    "prongsai.traffic.verify.denied": _("ถูกปฏิเสธการตรวจความครบถ้วนของข้อมูลจราจร"),
    "prongsai.traffic.accesses.allowed": _("ดูบันทึกการเข้าถึงข้อมูลจราจร"),
    "prongsai.traffic.accesses.denied": _("ถูกปฏิเสธการดูบันทึกการเข้าถึงข้อมูลจราจร"),
    "prongsai.traffic.hold.create": _("สั่งเก็บข้อมูลจราจรนานกว่ากำหนด"),
    "prongsai.traffic.hold.end": _("ยกเลิกคำสั่งเก็บข้อมูลจราจร"),
    # operations: a task whose worker died mid-task is put back in the queue (issue 17)
    "prongsai.operations.task_requeued": _("นำงานเบื้องหลังที่ค้างจาก worker ที่หยุดไปกลับเข้าคิว"),
}

# Names written before the one prefix; migration 0004 renames recorded entries.
OLD_PREFIXES = {
    "prongsai_accounts.": "prongsai.account.",
    "prongsai_traffic.": "prongsai.traffic.",
    "prongsai_publishing.": "prongsai.publishing.",
}


def log(instance, action: str, **kwargs):
    """Wagtail's ``log()`` for a name in the vocabulary (or one of Wagtail's own)."""
    if action.startswith(PREFIX) and action not in ACTIONS:
        raise KeyError(f"audit action not in prongsai.core.audit.ACTIONS: {action}")
    return wagtail_log(instance=instance, action=action, **kwargs)


def register(actions) -> None:
    """Called once by core's ``register_log_actions`` hook."""
    for name, label in ACTIONS.items():
        actions.register_action(name, label, label)
