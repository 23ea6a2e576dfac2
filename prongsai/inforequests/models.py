"""Requests for official information (R16, OIA section 11): what a citizen asked, the
agency's decision with its legal reason, and every step on the way."""

import os
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prongsai.publishing.uploads import private_storage

SUBJECT_MAX = 200
DETAILS_MAX = 4000
NAME_MAX = 120


def new_tracking_token() -> str:
    return secrets.token_urlsafe(16)


def attachment_path(instance, filename: str) -> str:
    """A name nobody can guess or be embarrassed by: the citizen's own file name is kept only in
    ``attachment_name`` (shown to the officer), never in the path on disk."""
    extension = os.path.splitext(filename)[1].lower()
    return (
        f"information-requests/{timezone.localdate():%Y/%m}/"
        f"{instance.reference}-{secrets.token_hex(8)}{extension}"
    )


class InfoRequest(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("รับคำขอแล้ว")
        IN_PROGRESS = "in_progress", _("อยู่ระหว่างดำเนินการ")
        PROVIDED = "provided", _("เปิดเผยข้อมูลแล้ว")
        PARTLY_PROVIDED = "partly", _("เปิดเผยข้อมูลบางส่วน")
        REFUSED = "refused", _("ไม่เปิดเผยข้อมูล")
        NOT_HELD = "not_held", _("หน่วยงานไม่มีข้อมูลที่ขอ")
        TRANSFERRED = "transferred", _("ส่งต่อให้หน่วยงานที่ควบคุมข้อมูล")

    class Format(models.TextChoices):
        ELECTRONIC = "electronic", _("ไฟล์อิเล็กทรอนิกส์ทางอีเมล")
        COPY = "copy", _("สำเนาเอกสาร (รับด้วยตนเองหรือทางไปรษณีย์)")
        INSPECT = "inspect", _("ขอตรวจดูที่หน่วยงาน")

    OPEN = (Status.RECEIVED, Status.IN_PROGRESS)

    reference = models.CharField(_("เลขที่คำขอ"), max_length=20, unique=True)
    tracking_token = models.CharField(max_length=32, default=new_tracking_token, editable=False)
    requester_name = models.CharField(_("ชื่อผู้ขอ"), max_length=NAME_MAX)
    requester_email = models.EmailField(_("อีเมล"), blank=True)
    requester_phone = models.CharField(_("โทรศัพท์"), max_length=30, blank=True)
    requester_address = models.TextField(_("ที่อยู่สำหรับติดต่อ"), max_length=500, blank=True)
    subject = models.CharField(_("ข้อมูลข่าวสารที่ขอ"), max_length=SUBJECT_MAX)
    details = models.TextField(_("รายละเอียด"), max_length=DETAILS_MAX, blank=True)
    preferred_format = models.CharField(
        _("รูปแบบที่ต้องการ"), max_length=20, choices=Format.choices, default=Format.ELECTRONIC
    )
    submitted_at = models.DateTimeField(_("วันที่ยื่นคำขอ"))
    due_date = models.DateField(_("กำหนดแจ้งผล"))
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    decision_reason = models.TextField(_("เหตุผลของคำวินิจฉัย"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้วินิจฉัย"),
    )
    decided_at = models.DateTimeField(_("วันที่แจ้งผล"), null=True, blank=True)
    # One optional file that helps identify the information asked for (a letter, a copy of a
    # document). Private: outside the public media folder, served only to the request's
    # handlers by ``admin_views.attachment_download``.
    attachment = models.FileField(
        _("ไฟล์แนบ"),
        upload_to=attachment_path,
        storage=private_storage,
        max_length=255,
        blank=True,
    )
    attachment_name = models.CharField(_("ชื่อไฟล์แนบ"), max_length=255, blank=True)
    attachment_size = models.PositiveBigIntegerField(_("ขนาดไฟล์แนบ (ไบต์)"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("คำขอข้อมูลข่าวสาร")
        verbose_name_plural = _("คำขอข้อมูลข่าวสาร")
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self):
        return f"{self.reference} {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def attachment_type_label(self) -> str:
        """The kind shown beside the file, from its extension (its content was checked to
        match it when the file was received)."""
        return os.path.splitext(self.attachment.name or "")[1].lstrip(".").upper()

    @property
    def was_refused(self) -> bool:
        return self.status in (self.Status.REFUSED, self.Status.PARTLY_PROVIDED)


class InfoRequestEvent(models.Model):
    """The request's history as the requester and an assessor read it."""

    info_request = models.ForeignKey(InfoRequest, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=InfoRequest.Status.choices)
    note = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.info_request.reference} {self.get_status_display()}"
