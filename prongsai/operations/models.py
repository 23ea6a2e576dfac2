from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TrafficWriteFailure(models.Model):
    """Requests refused on one day because their traffic record could not be stored (R40)."""

    day = models.DateField(_("วันที่"), unique=True)
    count = models.PositiveIntegerField(_("จำนวนคำขอที่ถูกปฏิเสธ"), default=0)
    first = models.DateTimeField(_("ครั้งแรก"), default=timezone.now)
    last = models.DateTimeField(_("ครั้งล่าสุด"), default=timezone.now)
    error = models.TextField(_("ข้อผิดพลาดล่าสุด"), blank=True)

    class Meta:
        verbose_name = _("การบันทึกข้อมูลจราจรล้มเหลว")
        verbose_name_plural = _("การบันทึกข้อมูลจราจรล้มเหลว")
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.day}: {self.count}"
