"""The parent body's collection of its member agencies' reports, by round and deadline (R36).

A province (or a provincial office) runs Prongsai; its member agencies report to it per round,
either through the round's form on the province's site or, when they run Prongsai themselves,
by pushing their approved round report to the province's API. Only ``services.py`` changes a
submission's state; ``tokens.py`` issues and revokes the API tokens.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class AgencyKind(models.TextChoices):
    PROVINCIAL = "provincial", _("ส่วนราชการประจำจังหวัด")
    DISTRICT = "district", _("ที่ทำการปกครองอำเภอ")
    LOCAL = "local", _("องค์กรปกครองส่วนท้องถิ่น")
    CENTRAL = "central", _("หน่วยงานส่วนกลางในจังหวัด")
    STATE_ENTERPRISE = "enterprise", _("รัฐวิสาหกิจ")
    HEALTH = "health", _("หน่วยบริการสาธารณสุข")
    OTHER = "other", _("อื่น ๆ")


class MemberAgency(models.Model):
    name = models.CharField(_("ชื่อหน่วยงาน"), max_length=255, unique=True)
    kind = models.CharField(
        _("ประเภท"), max_length=20, choices=AgencyKind, default=AgencyKind.OTHER
    )
    contact_name = models.CharField(_("ผู้ประสานงาน"), max_length=255, blank=True)
    contact_email = models.EmailField(_("อีเมลผู้ประสานงาน"), blank=True)
    contact_phone = models.CharField(_("โทรศัพท์"), max_length=50, blank=True)
    website = models.URLField(_("เว็บไซต์ของหน่วยงาน"), blank=True)
    runs_prongsai = models.BooleanField(
        _("ใช้ระบบ Prongsai"),
        default=False,
        help_text=_("หน่วยงานที่ใช้ Prongsai ส่งรายงานผ่าน API และระบบอ่านหน้า OIT ของหน่วยงานได้"),
    )
    oit_slug = models.SlugField(
        _("รหัสชุดข้อ OIT ของหน่วยงาน"),
        blank=True,
        help_text=_("เช่น oit-2570 ใช้อ่านไฟล์ส่งออก /oit/<รหัส>/export.csv ของหน่วยงาน"),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldRowPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")]
        ),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("runs_prongsai"), FieldPanel("oit_slug")]),
    ]

    class Meta:
        verbose_name = _("หน่วยงานในสังกัด")
        verbose_name_plural = _("หน่วยงานในสังกัด")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Reporter(models.Model):
    """A person who reports for exactly one member agency and sees only its submissions."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("บัญชีผู้ใช้"),
        on_delete=models.CASCADE,
        related_name="agency_reporter",
    )
    agency = models.ForeignKey(
        MemberAgency, verbose_name=_("หน่วยงาน"), on_delete=models.CASCADE, related_name="reporters"
    )

    class Meta:
        verbose_name = _("ผู้รายงานของหน่วยงาน")
        verbose_name_plural = _("ผู้รายงานของหน่วยงาน")

    def __str__(self) -> str:
        return f"{self.user} ({self.agency})"


class RoundKind(models.TextChoices):
    SIX_MONTHS = "r6", _("รอบ 6 เดือน")
    TWELVE_MONTHS = "r12", _("รอบ 12 เดือน")
    AD_HOC = "adhoc", _("รอบเฉพาะกิจ")


#: The round's headings when it names none: Phang Nga's guideline (004 §1.1–1.8).
DEFAULT_CATEGORIES = (
    "ข้อมูลหน่วยงาน (General Information)",
    "กฎหมาย ระเบียบ ข้อบังคับที่เกี่ยวข้องกับหน่วยงาน",
    "คลังความรู้ (Knowledge and Statistic)",
    "เว็บลิงก์ (Web Link)",
    "ข้อมูลข่าวสารที่จัดไว้ให้ประชาชนตรวจดูได้ตาม พ.ร.บ.ข้อมูลข่าวสารของราชการ มาตรา 9",
    "คู่มือสำหรับประชาชน (Service Information)",
    "ข่าวประชาสัมพันธ์ (Public Relations)",
    "ระบบให้บริการในรูปแบบอิเล็กทรอนิกส์ (e-Service)",
)


class ReportingRound(ClusterableModel):
    title = models.CharField(_("ชื่อรอบ"), max_length=255)
    fiscal_year = models.PositiveIntegerField(
        _("ปีงบประมาณ (ค.ศ.)"), help_text=_("ปี ค.ศ. ที่ปีงบประมาณสิ้นสุด เช่น 2027 = พ.ศ. 2570")
    )
    kind = models.CharField(_("ประเภทรอบ"), max_length=10, choices=RoundKind)
    opens_on = models.DateField(_("เปิดรับรายงานตั้งแต่"))
    closes_on = models.DateField(
        _("ปิดรับรายงานหลังวันที่"),
        help_text=_("รายงานที่ส่งหลังกำหนดส่งสุดท้ายแต่ไม่เกินวันนี้ รับไว้และทำเครื่องหมายว่าส่งช้า"),
    )
    categories = models.TextField(
        _("หมวดที่ให้รายงาน (บรรทัดละหนึ่งหมวด)"),
        blank=True,
        default="\n".join(DEFAULT_CATEGORIES),
        help_text=_("หน่วยงานตอบว่าเผยแพร่แล้วหรือยัง พร้อม URL ของแต่ละหมวด"),
    )
    reminder_days = models.PositiveSmallIntegerField(_("เตือนก่อนกำหนดส่ง (วัน)"), default=3)
    agencies = models.ManyToManyField(
        MemberAgency, verbose_name=_("หน่วยงานที่ต้องรายงาน"), related_name="rounds"
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
        InlinePanel("deadlines", heading=_("กำหนดส่ง"), label=_("กำหนดส่ง"), min_num=1),
        FieldPanel("reminder_days"),
        FieldPanel("categories"),
        MultiFieldPanel([FieldPanel("agencies")], heading=_("หน่วยงานที่ต้องรายงาน")),
    ]

    class Meta:
        verbose_name = _("รอบการรายงาน")
        verbose_name_plural = _("รอบการรายงาน")
        ordering = ["-opens_on", "title"]

    def __str__(self) -> str:
        return self.title

    def category_list(self) -> list[str]:
        return [line.strip() for line in self.categories.splitlines() if line.strip()]

    def ordered_deadlines(self) -> list:
        return sorted(self.deadlines.all(), key=lambda d: d.due_on)

    @property
    def final_deadline(self):
        deadlines = self.ordered_deadlines()
        return deadlines[-1].due_on if deadlines else self.closes_on

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class Deadline(Orderable):
    round = ParentalKey(ReportingRound, on_delete=models.CASCADE, related_name="deadlines")
    label = models.CharField(_("ชื่อกำหนดส่ง"), max_length=120, default=_("รายงานฉบับสมบูรณ์"))
    due_on = models.DateField(_("ภายในวันที่"))

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("due_on")])]

    class Meta(Orderable.Meta):
        verbose_name = _("กำหนดส่ง")

    def __str__(self) -> str:
        return f"{self.label} {self.due_on}"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("ฉบับร่าง")
    SUBMITTED = "submitted", _("ส่งแล้ว")
    LATE = "late", _("ส่งช้า")
    RETURNED = "returned", _("ส่งกลับให้แก้ไข")
    ACCEPTED = "accepted", _("รับรายงานแล้ว")


class Channel(models.TextChoices):
    FORM = "form", _("แบบฟอร์มบนเว็บไซต์จังหวัด")
    API = "api", _("ส่งจากระบบ Prongsai ของหน่วยงาน")


class Submission(models.Model):
    round = models.ForeignKey(
        ReportingRound, verbose_name=_("รอบ"), on_delete=models.CASCADE, related_name="submissions"
    )
    agency = models.ForeignKey(
        MemberAgency,
        verbose_name=_("หน่วยงาน"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    status = models.CharField(
        _("สถานะ"), max_length=12, choices=SubmissionStatus, default=SubmissionStatus.DRAFT
    )
    channel = models.CharField(_("ช่องทาง"), max_length=8, choices=Channel, default=Channel.FORM)
    answers = models.JSONField(_("คำตอบ"), default=dict, blank=True)
    is_late = models.BooleanField(_("ส่งหลังกำหนด"), default=False)
    submitted_at = models.DateTimeField(_("ส่งเมื่อ"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    return_reason = models.TextField(_("เหตุผลที่ส่งกลับครั้งล่าสุด"), blank=True)
    report_uuid = models.UUIDField(_("รหัสรายงานของหน่วยงาน"), null=True, blank=True, unique=True)
    token = models.ForeignKey(
        "ApiToken", null=True, blank=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    pdf = models.BinaryField(_("ไฟล์รายงาน PDF"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("รายงานของหน่วยงาน")
        verbose_name_plural = _("รายงานของหน่วยงาน")
        constraints = [
            models.UniqueConstraint(fields=["round", "agency"], name="parentbody_one_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.round}"

    @property
    def is_editable(self) -> bool:
        return self.status in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)

    def reported_urls(self) -> list[str]:
        urls = [c.get("url", "") for c in self.answers.get("categories", [])]
        urls += list(self.answers.get("urls", []))
        seen = []
        for url in urls:
            if url and url not in seen:
                seen.append(url)
        return seen


def _private_storage():
    from .uploads import attachment_storage

    return attachment_storage()


class Attachment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("ไฟล์"), upload_to="parentbody/%Y/%m/", storage=_private_storage)
    name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ไฟล์แนบ")

    def __str__(self) -> str:
        return self.name


class ApiToken(models.Model):
    """A province-issued key of one agency. Only a hash of its secret is kept (ADR 0190)."""

    agency = models.ForeignKey(
        MemberAgency, verbose_name=_("หน่วยงาน"), on_delete=models.CASCADE, related_name="tokens"
    )
    key_id = models.CharField(_("รหัสกุญแจ"), max_length=32, unique=True)
    secret_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("ออกเมื่อ"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("ยกเลิกเมื่อ"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("ใช้ล่าสุด"), null=True, blank=True)

    class Meta:
        verbose_name = _("กุญแจ API ของหน่วยงาน")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.key_id

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ApiCall(models.Model):
    """Every push the API received: which token sent what, and what the province answered."""

    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    key_id = models.CharField(max_length=64, blank=True)
    token = models.ForeignKey(ApiToken, null=True, on_delete=models.SET_NULL, related_name="calls")
    status_code = models.PositiveSmallIntegerField()
    outcome = models.CharField(max_length=40)
    message = models.TextField(blank=True)
    report_uuid = models.CharField(max_length=64, blank=True)
    submission = models.ForeignKey(
        Submission, null=True, on_delete=models.SET_NULL, related_name="api_calls"
    )
    remote_addr = models.GenericIPAddressField(null=True)
    body_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.received_at:%Y-%m-%d %H:%M} {self.key_id} {self.status_code}"


class Reminder(models.Model):
    """One reminder e-mail per agency and deadline, so the daily job never repeats itself."""

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="reminders")
    agency = models.ForeignKey(MemberAgency, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["deadline", "agency"], name="parentbody_remind_once")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.deadline}"


class LinkCheck(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="link_checks")
    url = models.URLField(max_length=2000)
    source = models.CharField(max_length=10, default="reported")  # reported | oit
    on_own_domain = models.BooleanField(default=True)
    status_code = models.PositiveSmallIntegerField(null=True)
    ok = models.BooleanField(default=False)
    error = models.CharField(max_length=255, blank=True)
    checked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["url"]

    def __str__(self) -> str:
        return self.url


class OutgoingPush(models.Model):
    """On an agency's site: its approved report on the way to the province, until acknowledged."""

    report = models.OneToOneField(
        "reports.Report", on_delete=models.CASCADE, related_name="province_push"
    )
    report_uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    last_tried_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return str(self.report_uuid)
