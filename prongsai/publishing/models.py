"""Publish requests (R21–R26): what a data owner asks to publish, who decided, and when.

Only the functions in ``services.py`` change a request's state; views and commands call them.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Task, TaskState

from prongsai.accounts.roles import Role, user_has_role
from prongsai.core.categories import CATEGORIES, CATEGORY_CHOICES
from prongsai.policy.selectors import category_choices, category_label
from prongsai.sitepages.models.knowledge import KnowledgeKind
from prongsai.sitepages.models.laws import LawKind
from prongsai.sitepages.oia_items import OIA_ITEM_CHOICES

from .uploads import private_storage, validate_upload


class RouteKind(models.TextChoices):
    EXECUTIVE = "executive", _("ต้องได้รับอนุมัติจากผู้บริหารสูงสุดหรือผู้ได้รับมอบหมาย")
    PRIOR_APPROVAL = "prior", _("ได้รับอนุมัติจากที่อื่นแล้ว (อ้างเลขที่หนังสือและวันที่)")
    COMMUNICATIONS = "communications", _("ข้อมูลทั่วไป ตรวจโดยหน่วยงานประชาสัมพันธ์")
    UNIT = "unit", _("ผู้อำนวยการหรือหัวหน้าหน่วยงานเจ้าของข้อมูลให้ความเห็นชอบ")
    EXEMPT = "exempt", _("งานประจำ ไม่ต้องขออนุมัติ")


STEP_ROLES = [
    (Role.APPROVER.value, Role.APPROVER.label),
    (Role.EXECUTIVE.value, Role.EXECUTIVE.label),
    (Role.WEBMASTER.value, Role.WEBMASTER.label),
]


class ApprovalRoute(ClusterableModel):
    """The steps a request of some information class goes through before publication (R23)."""

    name = models.CharField(_("ชื่อเส้นทางอนุมัติ"), max_length=255)
    kind = models.CharField(_("ลักษณะ"), max_length=20, choices=RouteKind)
    workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        verbose_name=_("Workflow ใน Wagtail"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="approval_route",
        help_text=_("สร้างและปรับให้ตรงกับขั้นตอนโดยอัตโนมัติ"),
    )

    panels = [FieldPanel("name"), FieldPanel("kind"), InlinePanel("steps", label=_("ขั้นตอน"))]

    class Meta:
        verbose_name = _("เส้นทางการอนุมัติ")
        verbose_name_plural = _("เส้นทางการอนุมัติ")

    def __str__(self) -> str:
        return self.name

    @property
    def needs_prior_reference(self) -> bool:
        return self.kind == RouteKind.PRIOR_APPROVAL

    def ordered_steps(self) -> list["RouteStep"]:
        # Prior approvals and routine items need no approval step, whatever was configured.
        if self.kind in (RouteKind.PRIOR_APPROVAL, RouteKind.EXEMPT):
            return []
        return list(self.steps.order_by("sort_order", "pk"))

    def clean(self) -> None:
        super().clean()


#: The capacity in which the head of the requesting unit decides (history, policy page).
UNIT_HEAD_LABEL = _("หัวหน้าหน่วยงานเจ้าของข้อมูล")


class DecidedBy(models.TextChoices):
    """Who decides a route step: holders of a role, or the head of the requesting unit."""

    ROLE = "role", _("ผู้มีบทบาทผู้อนุมัติตามที่กำหนด (บทบาทและหน่วยงานด้านล่าง)")
    UNIT_HEAD = "unit-head", _("หัวหน้าหน่วยงานเจ้าของข้อมูล (หัวหน้าหน่วยงานของผู้ขอ)")


class RouteStep(Orderable):
    route = ParentalKey(ApprovalRoute, on_delete=models.CASCADE, related_name="steps")
    name = models.CharField(_("ชื่อขั้นตอน"), max_length=255)
    decided_by = models.CharField(
        _("ผู้พิจารณาขั้นตอนนี้"),
        max_length=20,
        choices=DecidedBy,
        default=DecidedBy.ROLE,
        help_text=_(
            "หัวหน้าหน่วยงานเจ้าของข้อมูล: เฉพาะหัวหน้าของหน่วยงานที่ยื่นคำขอ (และผู้ได้รับมอบหมาย)"
            " พิจารณาได้ ไม่ใช้บทบาทและหน่วยงานด้านล่าง"
        ),
    )
    approver_role = models.CharField(
        _("บทบาทผู้อนุมัติ"), max_length=50, choices=STEP_ROLES, default=Role.APPROVER.value
    )
    approver_unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("เฉพาะผู้อนุมัติในหน่วยงาน"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("เว้นว่างได้ เช่น เลือกหน่วยงานประชาสัมพันธ์สำหรับข้อมูลทั่วไป"),
    )
    delegates = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ได้รับมอบหมาย"),
        blank=True,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("decided_by"),
        FieldPanel("approver_role"),
        FieldPanel("approver_unit"),
        FieldPanel("delegates"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("ขั้นตอนการอนุมัติ")

    def __str__(self) -> str:
        return self.name

    @property
    def is_unit_head_step(self) -> bool:
        return self.decided_by == DecidedBy.UNIT_HEAD

    def clean(self) -> None:
        super().clean()
        if self.is_unit_head_step and self.approver_unit_id is not None:
            raise ValidationError(
                {
                    "approver_unit": _(
                        "ขั้นตอนที่หัวหน้าหน่วยงานเจ้าของข้อมูลพิจารณาใช้หน่วยงานของผู้ขอเสมอ กรุณาเว้นช่องหน่วยงานว่าง"
                    )
                }
            )

    def _is_delegate(self, user) -> bool:
        return self.pk is not None and self.delegates.filter(pk=user.pk).exists()

    def can_decide(self, user, publish_request) -> bool:
        """May ``user`` decide this step of ``publish_request``? Never the requester; always a
        named delegate; otherwise the requesting unit's head (a unit-head step) or a holder of
        the step's role, of its unit if one is set. A unit head has no power over role steps
        (docs/adr/0300-unit-head-approval-step.md)."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return False
        if user.pk == publish_request.requester_id:
            return False
        if self._is_delegate(user):
            return True
        if self.is_unit_head_step:
            return publish_request.unit.head_id == user.pk
        if not user_has_role(user, Role(self.approver_role)):
            return False
        return self.approver_unit_id is None or user.unit_id == self.approver_unit_id

    def decider_capacity(self, user) -> str:
        """In what capacity ``user`` decides this step, as the request's history records it."""
        if self._is_delegate(user):
            return str(_("ผู้ได้รับมอบหมาย"))
        if self.is_unit_head_step:
            return str(UNIT_HEAD_LABEL)
        return str(Role(self.approver_role).label)

    def describe_decider(self) -> str:
        """Who decides this step, in a word, for the policy page: the unit head or the unit."""
        if self.is_unit_head_step:
            return str(UNIT_HEAD_LABEL)
        return (
            self.approver_unit.name
            if self.approver_unit_id
            else str(Role(self.approver_role).label)
        )


#: The roles the agency's guideline names for publishing (publisher, webmaster).
DIRECT_PUBLISH_ROLES = (Role.PUBLISHER.value, Role.WEBMASTER.value)


class InformationClassForm(WagtailAdminModelForm):
    direct_publish_categories = forms.MultipleChoiceField(
        label=_("หมวดที่เผยแพร่โดยตรงได้โดยไม่ต้องมีคำขอ"),
        choices=CATEGORY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("ใช้ได้เฉพาะประเภทข้อมูลงานประจำที่ไม่ต้องขออนุมัติตามแนวปฏิบัติของหน่วยงาน"),
    )
    direct_publish_roles = forms.MultipleChoiceField(
        label=_("บทบาทที่เผยแพร่โดยตรงได้"),
        choices=[
            (Role.PUBLISHER.value, Role.PUBLISHER.label),
            (Role.WEBMASTER.value, Role.WEBMASTER.label),
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The site's categories in its order and wording; one already chosen stays listed so
        # saving the class does not fail on a category the agency has since stopped using.
        field = self.fields["direct_publish_categories"]
        choices = category_choices()
        offered = {code for code, _label in choices}
        chosen = self.initial.get("direct_publish_categories") or []
        kept = [code for code in dict.fromkeys(chosen) if code not in offered]
        field.choices = [*choices, *((code, category_label(code)) for code in kept)]


class InformationClass(models.Model):
    """A class of information and the approval route it takes (R23). Edited by administrators."""

    code = models.SlugField(_("รหัส"), max_length=50, unique=True, allow_unicode=True)
    name = models.CharField(_("ชื่อประเภทข้อมูล"), max_length=255)
    description = models.TextField(_("คำอธิบาย"), blank=True)
    route = models.ForeignKey(
        ApprovalRoute, verbose_name=_("เส้นทางการอนุมัติ"), on_delete=models.PROTECT
    )
    sort_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    # The agency's rule for pages added straight in Wagtail's page explorer, without a request
    # (docs/adr/0080-direct-publication-policy.md). Empty lists: never without a request.
    direct_publish_categories = models.JSONField(
        _("หมวดที่เผยแพร่โดยตรงได้โดยไม่ต้องมีคำขอ"),
        default=list,
        blank=True,
        help_text=_("ใช้ได้เฉพาะประเภทข้อมูลงานประจำที่ไม่ต้องขออนุมัติตามแนวปฏิบัติของหน่วยงาน"),
    )
    direct_publish_roles = models.JSONField(_("บทบาทที่เผยแพร่โดยตรงได้"), default=list, blank=True)

    base_form_class = InformationClassForm
    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("route"),
        FieldPanel("sort_order"),
        FieldPanel("direct_publish_categories"),
        FieldPanel("direct_publish_roles"),
    ]

    class Meta:
        verbose_name = _("ประเภทข้อมูล")
        verbose_name_plural = _("ประเภทข้อมูล")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def allows_direct(self, category: str, user) -> bool:
        """May ``user`` publish a page of ``category`` without a request under this class?"""
        if self.route.kind != RouteKind.EXEMPT or category not in self.direct_publish_categories:
            return False
        return any(
            user_has_role(user, Role(value))
            for value in self.direct_publish_roles
            if value in Role.values
        )

    def clean(self) -> None:
        super().clean()
        unknown_roles = set(self.direct_publish_roles or []) - set(DIRECT_PUBLISH_ROLES)
        if unknown_roles:
            raise ValidationError(
                {"direct_publish_roles": _("เผยแพร่โดยตรงได้เฉพาะผู้เผยแพร่และผู้ดูแลเว็บไซต์")}
            )
        if (self.direct_publish_categories or self.direct_publish_roles) and (
            self.route_id is None or self.route.kind != RouteKind.EXEMPT
        ):
            raise ValidationError(
                {
                    "direct_publish_categories": _(
                        "เผยแพร่โดยตรงโดยไม่มีคำขอได้เฉพาะประเภทข้อมูลงานประจำที่ไม่ต้องขออนุมัติ"
                        " ประเภทข้อมูลนี้ต้องผ่านการอนุมัติตามเส้นทางการอนุมัติ"
                    )
                }
            )


class AgencyHoliday(models.Model):
    """An extra day off the agency declares (e.g. a special holiday announced by the cabinet)."""

    date = models.DateField(_("วันที่"), unique=True)
    name = models.CharField(_("ชื่อวันหยุด"), max_length=255)

    panels = [FieldPanel("date"), FieldPanel("name")]

    class Meta:
        verbose_name = _("วันหยุดเพิ่มเติมของหน่วยงาน")
        verbose_name_plural = _("วันหยุดเพิ่มเติมของหน่วยงาน")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"


class Urgency(models.TextChoices):
    NORMAL = "normal", _("ปกติ")
    URGENT = "urgent", _("ด่วน")


class Status(models.TextChoices):
    PENDING = "pending", _("รออนุมัติ")
    RETURNED = "returned", _("ส่งกลับให้แก้ไข")
    REJECTED = "rejected", _("ไม่อนุมัติ")
    APPROVED = "approved", _("อนุมัติแล้ว รอเผยแพร่")
    PUBLISHED = "published", _("เผยแพร่แล้ว")


class DeadlineStatus(models.TextChoices):
    ON_TIME = "on-time", _("ยังอยู่ในกำหนด")
    DUE_TODAY = "due-today", _("ครบกำหนดวันนี้")
    OVERDUE = "overdue", _("เกินกำหนด")
    PUBLISHED_ON_TIME = "published-on-time", _("เผยแพร่ทันกำหนด")
    PUBLISHED_LATE = "published-late", _("เผยแพร่เกินกำหนด")


class PublishRequest(models.Model):
    """A data owner's request to publish information on the website (R21, the request form R26)."""

    title = models.CharField(_("เรื่อง"), max_length=255)
    summary = models.TextField(_("สาระสำคัญโดยย่อ"), blank=True)
    category = models.CharField(_("หมวดที่จะเผยแพร่"), max_length=40, choices=CATEGORY_CHOICES)
    content = models.TextField(_("รายละเอียด/เนื้อหา"), blank=True)
    source = models.CharField(_("แหล่งที่มาของข้อมูล"), max_length=500)
    info_period_start = models.DateField(_("ข้อมูล ณ วันที่ / เริ่มต้น"))
    info_period_end = models.DateField(_("ข้อมูลถึงวันที่"), null=True, blank=True)
    publish_from = models.DateField(_("ขอเผยแพร่ตั้งแต่วันที่"), null=True, blank=True)
    publish_until = models.DateField(_("ขอเผยแพร่ถึงวันที่"), null=True, blank=True)
    information_class = models.ForeignKey(
        InformationClass, verbose_name=_("ประเภทข้อมูล"), on_delete=models.PROTECT
    )
    prior_approval_number = models.CharField(_("เลขที่หนังสืออนุมัติเดิม"), max_length=100, blank=True)
    prior_approval_date = models.DateField(_("ลงวันที่ (หนังสืออนุมัติเดิม)"), null=True, blank=True)
    urgency = models.CharField(
        _("ความเร่งด่วน"), max_length=10, choices=Urgency, default=Urgency.NORMAL
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ขอเผยแพร่"),
        on_delete=models.PROTECT,
        related_name="publish_requests",
    )
    unit = models.ForeignKey(
        "accounts.Unit", verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    current_step = models.PositiveSmallIntegerField(_("ขั้นตอนปัจจุบัน"), default=0)
    submitted_at = models.DateTimeField(_("วันที่ยื่นคำขอ"), default=timezone.now)
    approved_at = models.DateTimeField(_("วันที่อนุมัติ"), null=True, blank=True)
    due_date = models.DateField(_("กำหนดเผยแพร่ภายใน"), null=True, blank=True, db_index=True)
    published_at = models.DateTimeField(_("วันที่เผยแพร่"), null=True, blank=True)
    target_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("หน้าเว็บที่เผยแพร่"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    public_url = models.URLField(_("URL ที่เผยแพร่"), max_length=500, blank=True)
    is_revision = models.BooleanField(
        _("ขอปรับปรุงหน้าเว็บที่เผยแพร่อยู่แล้ว"), default=False, editable=False
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        verbose_name=_("ขั้นตอนอนุมัติใน Wagtail"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Fields some categories' pages require (the owner may give them; the publisher completes
    # them in the publish form). See pages.SECTION_PAGES.
    law_kind = models.CharField(_("ประเภทกฎหมาย"), max_length=20, choices=LawKind, blank=True)
    effective_date = models.DateField(_("วันที่มีผลบังคับใช้"), null=True, blank=True)
    source_url = models.URLField(_("ลิงก์ต้นฉบับ"), blank=True)
    knowledge_kind = models.CharField(
        _("ประเภทความรู้/สถิติ"), max_length=20, choices=KnowledgeKind, blank=True
    )
    reference = models.TextField(
        _("แหล่งอ้างอิง"),
        blank=True,
        help_text=_("หมวดคลังความรู้: ผู้แต่ง/หน่วยงาน ชื่อเรื่อง ปีที่เผยแพร่ หรือ URL"),
    )
    reference_date = models.DateField(_("วันที่ของข้อมูลอ้างอิง"), null=True, blank=True)
    oia_item = models.CharField(
        _("รายการตามมาตรา (ศูนย์ข้อมูลข่าวสาร)"), max_length=10, choices=OIA_ITEM_CHOICES, blank=True
    )

    class Meta:
        verbose_name = _("คำขอเผยแพร่ข้อมูล")
        verbose_name_plural = _("คำขอเผยแพร่ข้อมูล")
        ordering = ["-submitted_at"]
        permissions = [("view_all_publishrequest", _("ดูคำขอเผยแพร่ของทุกหน่วยงาน"))]

    def __str__(self) -> str:
        return self.title

    @property
    def number(self) -> str:
        return f"PR-{self.pk:05d}" if self.pk else ""

    @property
    def category_obj(self):
        return CATEGORIES.get(self.category)

    def get_category_display(self) -> str:
        """The category as the agency names it (its policy's wording), on screens and forms."""
        return category_label(self.category)

    def steps(self) -> list[RouteStep]:
        return self.information_class.route.ordered_steps()

    def pending_step(self) -> RouteStep | None:
        if self.status != Status.PENDING:
            return None
        steps = self.steps()
        return steps[self.current_step] if self.current_step < len(steps) else None

    def verbal_approval_or_none(self):
        return VerbalApproval.objects.filter(request=self).first()

    def deadline_status(self, today=None) -> str:
        if self.due_date is None:
            return ""
        today = today or timezone.localdate()
        if self.status == Status.PUBLISHED and self.published_at:
            published = timezone.localdate(self.published_at)
            return (
                DeadlineStatus.PUBLISHED_ON_TIME
                if published <= self.due_date
                else DeadlineStatus.PUBLISHED_LATE
            )
        if self.status != Status.APPROVED:
            return ""
        if today < self.due_date:
            return DeadlineStatus.ON_TIME
        if today == self.due_date:
            return DeadlineStatus.DUE_TODAY
        return DeadlineStatus.OVERDUE

    def deadline_status_label(self, today=None) -> str:
        value = self.deadline_status(today)
        return str(DeadlineStatus(value).label) if value else ""

    def clean(self) -> None:
        errors = {}
        if not (self.title or "").strip():
            errors["title"] = _("กรุณาระบุเรื่องที่ขอเผยแพร่")
        if not (self.source or "").strip():
            errors["source"] = _("กรุณาระบุแหล่งที่มาของข้อมูล")
        if self.category and self.category not in CATEGORIES:
            errors["category"] = _("หมวดที่เลือกไม่อยู่ในรายการหมวดตามมาตรฐาน")
        if (
            self.info_period_start
            and self.info_period_end
            and self.info_period_end < self.info_period_start
        ):
            errors["info_period_end"] = _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้นของข้อมูล")
        if self.publish_from and self.publish_until and self.publish_until < self.publish_from:
            errors["publish_until"] = _("วันสิ้นสุดการเผยแพร่ต้องไม่ก่อนวันเริ่มเผยแพร่")
        if self.information_class_id and self.information_class.route.needs_prior_reference:
            if not self.prior_approval_number.strip():
                errors["prior_approval_number"] = _(
                    "ข้อมูลประเภทนี้ได้รับอนุมัติจากที่อื่นแล้ว กรุณาอ้างเลขที่หนังสืออนุมัติ"
                )
            if self.prior_approval_date is None:
                errors["prior_approval_date"] = _("กรุณาระบุวันที่ของหนังสืออนุมัติเดิม")
        if errors:
            raise ValidationError(errors)


class RequestAttachment(models.Model):
    """A file the data owner attaches (Word/PDF/Excel/images), checked by its content."""

    request = models.ForeignKey(
        PublishRequest, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("ไฟล์"),
        upload_to="publish-requests/%Y/%m/",
        storage=private_storage,
        validators=[validate_upload],
    )
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ไฟล์แนบคำขอ")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("publishing_attachment", args=[self.pk])


class Action(models.TextChoices):
    SUBMITTED = "submitted", _("ยื่นคำขอ")
    APPROVED = "approved", _("อนุมัติ")
    REJECTED = "rejected", _("ไม่อนุมัติ")
    RETURNED = "returned", _("ส่งกลับให้แก้ไข")
    RESUBMITTED = "resubmitted", _("ยื่นคำขอใหม่หลังแก้ไข")
    PUBLISHED = "published", _("เผยแพร่")
    SENT_BACK = "sent-back", _("ผู้เผยแพร่ส่งกลับ")
    VERBAL_RECORDED = "verbal-recorded", _("บันทึกการอนุมัติด้วยวาจา")
    VERBAL_CONFIRMED = "verbal-confirmed", _("ยืนยันการอนุมัติด้วยวาจา")


class Channel(models.TextChoices):
    SYSTEM = "system", _("ในระบบ")
    PHONE = "phone", _("ทางโทรศัพท์")
    IN_PERSON = "in-person", _("ด้วยตนเอง")
    PRIOR = "prior", _("หนังสืออนุมัติเดิม")
    EXEMPT = "exempt", _("ไม่ต้องขออนุมัติ")


class RequestEvent(models.Model):
    """One step in a request's history (R26). Written once, never changed."""

    request = models.ForeignKey(PublishRequest, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_role = models.CharField(_("บทบาท"), max_length=100)
    action = models.CharField(_("การดำเนินการ"), max_length=20, choices=Action)
    step_name = models.CharField(_("ขั้นตอน"), max_length=255, blank=True)
    reason = models.TextField(_("เหตุผล/หมายเหตุ"), blank=True)
    channel = models.CharField(_("ช่องทาง"), max_length=20, choices=Channel, default=Channel.SYSTEM)
    created_at = models.DateTimeField(_("เมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("ประวัติคำขอ")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("ประวัติการดำเนินการแก้ไขภายหลังไม่ได้"))
        super().save(*args, **kwargs)

    @property
    def allowed(self) -> bool:
        return self.information_class_id is not None


class VerbalMethod(models.TextChoices):
    PHONE = "phone", _("ทางโทรศัพท์")
    IN_PERSON = "in-person", _("ด้วยตนเอง (ต่อหน้า)")


class VerbalApproval(models.Model):
    """An urgent request published on the approver's spoken word, awaiting confirmation (R22)."""

    request = models.OneToOneField(
        PublishRequest, on_delete=models.CASCADE, related_name="verbal_approval"
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้อนุมัติด้วยวาจา"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("เวลาที่อนุมัติ"))
    method = models.CharField(_("ช่องทาง"), max_length=20, choices=VerbalMethod)
    urgency_reason = models.TextField(_("เหตุผลความเร่งด่วน"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้บันทึก"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("เวลาที่บันทึก"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("ยืนยันเมื่อ"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ยืนยัน"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("การอนุมัติด้วยวาจา")
        verbose_name_plural = _("การอนุมัติด้วยวาจา")

    def __str__(self) -> str:
        return f"{self.approver} {self.get_method_display()}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class ApprovalStepTaskState(TaskState):
    class Meta:
        verbose_name = _("สถานะขั้นตอนอนุมัติคำขอเผยแพร่")


class ApprovalStepTask(Task):
    """One step of an approval route, as a task in Wagtail's workflow engine (R21, R23).

    Created and kept in step by ``workflows.sync_route_workflow``; not meant to be made by hand.
    Who may act comes from the route step (role, unit, delegates, the unit head) and every action
    calls the publishing services, which check permission, record history and audit log, notify
    after commit and move the Wagtail task state. This class never changes state itself.
    """

    route_step = models.OneToOneField(
        RouteStep,
        verbose_name=_("ขั้นตอนในเส้นทางการอนุมัติ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wagtail_task",
    )

    task_state_class = ApprovalStepTaskState
    admin_form_fields = ["name"]

    class Meta:
        verbose_name = _("ขั้นตอนอนุมัติคำขอเผยแพร่")
        verbose_name_plural = _("ขั้นตอนอนุมัติคำขอเผยแพร่")

    @classmethod
    def get_description(cls):
        return _("ผู้อนุมัติตามเส้นทางการอนุมัติของประเภทข้อมูล (สร้างจากการตั้งค่าเส้นทางการอนุมัติ)")

    def _request_for(self, obj):
        from .workflows import request_awaiting_task

        return request_awaiting_task(self, obj)

    def _may_decide(self, obj, user) -> bool:
        publish_request = self._request_for(obj)
        if publish_request is None or user.pk == publish_request.requester_id:
            return False
        return self.route_step.can_decide(user, publish_request)

    def get_actions(self, obj, user):
        if not self._may_decide(obj, user):
            return []
        return [
            ("approve", _("อนุมัติ"), False),
            ("approve", _("อนุมัติพร้อมความเห็น"), True),
            ("return", _("ส่งกลับให้แก้ไข"), True),
            ("reject", _("ไม่อนุมัติ"), True),
        ]

    def get_form_for_action(self, action):
        from .forms import WorkflowDecisionForm, WorkflowNoteForm

        return WorkflowDecisionForm.for_action(action) if action != "approve" else WorkflowNoteForm

    def on_action(self, task_state, user, action_name, **kwargs):
        from .workflows import act_on_task

        return act_on_task(self, task_state, user, action_name, kwargs.get("comment", ""))

    def user_can_access_editor(self, obj, user):
        return self._may_decide(obj, user)

    def locked_for_user(self, obj, user):
        # The request's content is under review: only its reviewers may edit the draft.
        return not (user.is_superuser or self._may_decide(obj, user))

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from .workflows import task_states_user_can_decide

        return task_states_user_can_decide(self, user)


class DirectPublication(models.Model):
    """A page published in Wagtail's editor without a publish request (docs/adr/0080).

    Written by ``direct.record_direct_publication`` from Wagtail's publish log entry, so every
    path that publishes (editor, bulk action, scheduled go-live) leaves one. ``information_class``
    is the class whose policy allowed it; empty when nothing allowed it (a superuser, or a rule
    changed since). Written once, never changed.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("หน้าเว็บ"), on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้เผยแพร่"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    category = models.CharField(_("หมวด"), max_length=40, choices=CATEGORY_CHOICES)
    information_class = models.ForeignKey(
        InformationClass,
        verbose_name=_("ประเภทข้อมูลที่ยกเว้น"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), default=timezone.now, db_index=True)
    scheduled = models.BooleanField(_("ตั้งเวลาเผยแพร่"), default=False)

    class Meta:
        verbose_name = _("การเผยแพร่โดยไม่มีคำขอ")
        verbose_name_plural = _("การเผยแพร่โดยไม่มีคำขอ")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.page_id} {self.published_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("ประวัติการดำเนินการแก้ไขภายหลังไม่ได้"))
        super().save(*args, **kwargs)

    @property
    def allowed(self) -> bool:
        return self.information_class_id is not None

    def get_category_display(self) -> str:
        return category_label(self.category)
