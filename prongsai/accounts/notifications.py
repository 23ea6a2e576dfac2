"""Thai e-mails about a person's own account, sent only after the transaction commits.

They tell the owner that something security-relevant happened to their account, so a change
they did not make is noticed; they never carry a secret (no code, no key, no link that signs
anyone in)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core import notify
from prongsai.core.thaidate import thai_datetime


def admin_home_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")


def _mail(users, subject: str, lines: list[str]) -> None:
    notify.send_later(
        users,
        _("[บัญชีผู้ใช้] %(subject)s") % {"subject": subject},
        [*lines, "", _("ระบบเว็บไซต์ของหน่วยงาน: %(url)s") % {"url": admin_home_url()}],
    )


def _unexpected() -> str:
    return _("หากคุณไม่ได้เป็นผู้ทำรายการนี้ กรุณาแจ้งผู้ดูแลระบบของหน่วยงานทันที")


def device_replaced(user) -> None:
    _mail(
        [user],
        _("มีการเปลี่ยนอุปกรณ์ยืนยันตัวตนสองขั้นตอน"),
        [
            _("เรียน %(name)s") % {"name": user.display_name()},
            "",
            _(
                "บัญชี %(username)s ได้ตั้งค่าแอปยืนยันตัวตนเครื่องใหม่เมื่อ %(when)s "
                "อุปกรณ์เดิมและรหัสสำรองเดิมใช้ไม่ได้อีกแล้ว"
            )
            % {"username": user.get_username(), "when": thai_datetime(timezone.now())},
            _unexpected(),
        ],
    )


def devices_reset(user, *, by, reason: str) -> None:
    _mail(
        [user],
        _("ผู้ดูแลระบบล้างอุปกรณ์ยืนยันตัวตนสองขั้นตอนของคุณ"),
        [
            _("เรียน %(name)s") % {"name": user.display_name()},
            "",
            _(
                "%(admin)s ได้ล้างอุปกรณ์ยืนยันตัวตนและรหัสสำรองของบัญชี %(username)s "
                "เมื่อ %(when)s ด้วยเหตุผล: %(reason)s"
            )
            % {
                "admin": by.display_name(),
                "username": user.get_username(),
                "when": thai_datetime(timezone.now()),
                "reason": reason,
            },
            _("เมื่อเข้าสู่ระบบครั้งถัดไป ระบบจะให้ตั้งค่าแอปยืนยันตัวตนใหม่"),
            _unexpected(),
        ],
    )


def coordinator_changed(change, users) -> None:
    account = change.account
    verb = _("ได้รับแต่งตั้งเป็น") if change.grant else _("ถูกถอดถอนจากการเป็น")
    _mail(
        users,
        _("การเปลี่ยนแปลงผู้ประสานงานข้อมูลจราจรทางคอมพิวเตอร์"),
        [
            _("%(name)s (%(username)s) %(verb)sผู้ประสานงานข้อมูลจราจรทางคอมพิวเตอร์ เมื่อ %(when)s")
            % {
                "name": account.display_name(),
                "username": account.get_username(),
                "verb": verb,
                "when": thai_datetime(change.decided_at),
            },
            _("เสนอโดย %(proposer)s ยืนยันโดย %(confirmer)s เหตุผล: %(reason)s")
            % {
                "proposer": change.proposed_by.display_name(),
                "confirmer": change.decided_by.display_name(),
                "reason": change.reason,
            },
            _unexpected(),
        ],
    )
