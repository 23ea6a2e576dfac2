"""Visitor statistics (R10). Nothing here identifies a person: see docs/analytics.md."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailySalt(models.Model):
    """The random salt of one day. Yesterday's row is deleted when today's is made, so a
    visitor hash can no longer be recomputed from an IP address once the day is over."""

    day = models.DateField(unique=True)
    salt = models.CharField(max_length=64)

    def __str__(self):
        return str(self.day)


class DailyVisitor(models.Model):
    """One salted hash per visitor per day, kept only to count each visitor once a day."""

    day = models.DateField()
    visitor_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "visitor_hash"], name="analytics_visitor_once")
        ]

    def __str__(self):
        return f"{self.day} {self.visitor_hash[:8]}"


class DailySummary(models.Model):
    day = models.DateField(_("วันที่"), unique=True)
    views = models.PositiveBigIntegerField(_("จำนวนการเปิดหน้า"), default=0)
    visitors = models.PositiveBigIntegerField(_("จำนวนผู้เข้าชม"), default=0)

    class Meta:
        ordering = ["day"]
        verbose_name = _("สถิติรายวัน")

    def __str__(self):
        return f"{self.day}: {self.views}/{self.visitors}"


class PageViewCounts(models.Model):
    """Views of one page in one period; the day's and the month's tables share these fields."""

    path = models.CharField(_("ที่อยู่หน้า"), max_length=255)
    section = models.CharField(_("หมวด"), max_length=100, blank=True)
    title = models.CharField(_("ชื่อหน้า"), max_length=255, blank=True)
    views = models.PositiveBigIntegerField(_("จำนวนการเปิดหน้า"), default=0)

    class Meta:
        abstract = True


class DailyPageViews(PageViewCounts):
    day = models.DateField(_("วันที่"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "path"], name="analytics_page_day_once")
        ]
        indexes = [models.Index(fields=["day", "section"])]
        verbose_name = _("สถิติการเปิดหน้ารายวัน")

    def __str__(self):
        return f"{self.day} {self.path}: {self.views}"


class VisitLogPosition(models.Model):
    """How far a visits log has been counted. ``key`` is the SHA-256 of the file's first line,
    so a rotated, renamed or compressed file is still known; moved in the same transaction as
    the counts it adds."""

    key = models.CharField(max_length=64, unique=True)
    path = models.CharField(max_length=500)
    offset = models.PositiveBigIntegerField(default=0)
    line = models.PositiveBigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.path} @ {self.offset}"


class MonthlyPageViews(PageViewCounts):
    """A closed month's page views per path: what ``DailyPageViews`` holds, summed per month.

    Written by the daily roll-up job (``rollup.roll_up_page_views``) for months that have
    ended, so a year of statistics reads twelve rows per page instead of 365 (issue 21).
    """

    month = models.DateField(_("เดือน"))  # its first day

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month", "path"], name="analytics_page_month_once")
        ]
        indexes = [models.Index(fields=["month", "section"])]
        verbose_name = _("สถิติการเปิดหน้ารายเดือน")

    def __str__(self):
        return f"{self.month:%Y-%m} {self.path}: {self.views}"


class RolledUpMonth(models.Model):
    """A month whose ``MonthlyPageViews`` are complete: readers use them instead of days."""

    month = models.DateField(unique=True)
    rolled_up_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("เดือนที่สรุปสถิติแล้ว")

    def __str__(self):
        return f"{self.month:%Y-%m}"
