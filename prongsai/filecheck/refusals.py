"""Why an upload was refused: a reason code for the audit log and a Thai message for staff.

Messages say what is accepted and what to do; they never echo parser errors or internals.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

NAME = "name"
EMPTY = "empty"
EXTENSION = "extension"
SIZE = "size"
MISMATCH = "mismatch"
ACTIVE = "active-content"
UNSAFE = "unsafe-structure"
PIXELS = "pixels"
VIRUS = "virus"
SCANNER = "scanner-unavailable"


class Refused(Exception):
    """Raised by the content checks; turned into an ``UploadRefused`` with the file's name."""

    def __init__(self, reason: str, **detail):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


class UploadRefused(ValidationError):
    def __init__(self, message: str, reason: str):
        super().__init__(message, code=reason)
        self.reason = reason


def message(reason: str, *, name: str, extension: str, accepted: list[str], **detail) -> str:
    listed = " ".join(f".{ext}" for ext in accepted)
    values = {"name": name, "ext": extension, "accepted": listed, **detail}
    if reason == NAME:
        text = _(
            "ชื่อไฟล์ %(name)s มีอักขระที่ไม่รับ (อักขระควบคุม อักขระกลับทิศ หรือนามสกุลซ้อน) "
            "กรุณาเปลี่ยนชื่อไฟล์แล้วแนบใหม่"
        )
    elif reason == EMPTY:
        text = _("ไฟล์ %(name)s ว่างเปล่า กรุณาตรวจสอบไฟล์แล้วแนบใหม่")
    elif reason == EXTENSION:
        text = _("ไฟล์ %(name)s เป็นชนิดที่ไม่รับ รับเฉพาะไฟล์ %(accepted)s")
    elif reason == SIZE:
        text = _("ไฟล์ %(name)s ใหญ่เกิน %(limit)s MB ซึ่งเป็นขนาดสูงสุดของไฟล์ .%(ext)s")
    elif reason == MISMATCH:
        text = _(
            "เนื้อหาของไฟล์ %(name)s ไม่ตรงกับนามสกุล .%(ext)s "
            "กรุณาตรวจสอบไฟล์แล้วแนบใหม่ (รับเฉพาะไฟล์ %(accepted)s)"
        )
    elif reason == ACTIVE:
        text = _(
            "ไฟล์ %(name)s มีมาโคร สคริปต์ คำสั่งเปิดโปรแกรม หรือไฟล์ฝังอยู่ ซึ่งไม่รับเพื่อความปลอดภัย "
            "กรุณาบันทึกเป็นไฟล์ที่ไม่มีมาโคร (เช่น .docx .xlsx หรือ PDF ธรรมดา) แล้วแนบใหม่"
        )
    elif reason == PIXELS:
        text = _("รูปภาพ %(name)s มีขนาดเกิน %(megapixels)s ล้านพิกเซล กรุณาย่อขนาดรูปแล้วแนบใหม่")
    elif reason == VIRUS:
        text = _("ไฟล์ %(name)s ไม่ผ่านการตรวจไวรัส จึงไม่รับไฟล์นี้")
    elif reason == SCANNER:
        text = _("ระบบตรวจไวรัสไม่พร้อมใช้งานในขณะนี้ จึงยังไม่รับไฟล์ %(name)s กรุณาลองใหม่ภายหลัง")
    else:
        text = _(
            "ไฟล์ %(name)s เสียหายหรือมีโครงสร้างที่ไม่ปลอดภัย (เช่น บีบอัดซ้อนหรือมีเส้นทางไฟล์ผิดปกติ) "
            "กรุณาบันทึกไฟล์ใหม่จากโปรแกรมต้นฉบับแล้วแนบอีกครั้ง"
        )
    return text % values
