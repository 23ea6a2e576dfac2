"""The satisfaction survey (R10) and the question-and-answer board (R9)."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch import index

from .validators import no_bidi_controls, no_markup

TITLE_MAX = 200
BODY_MAX = 3000
COMMENT_MAX = 1000
NAME_MAX = 100


class SurveyQuestion(models.Model):
    """One rated item of the survey; administrators edit these as snippets (no code)."""

    text = models.CharField(_("ข้อคำถาม"), max_length=255, validators=[no_markup, no_bidi_controls])
    sort_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    is_active = models.BooleanField(_("ใช้งาน"), default=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("ข้อคำถามแบบประเมินความพึงพอใจ")
        verbose_name_plural = _("ข้อคำถามแบบประเมินความพึงพอใจ")

    def __str__(self):
        return self.text


class RespondentGroup(models.Model):
    name = models.CharField(_("กลุ่มผู้ตอบ"), max_length=100, validators=[no_markup, no_bidi_controls])
    sort_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    is_active = models.BooleanField(_("ใช้งาน"), default=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("กลุ่มผู้ตอบแบบประเมิน")
        verbose_name_plural = _("กลุ่มผู้ตอบแบบประเมิน")

    def __str__(self):
        return self.name


class SurveyResponse(models.Model):
    submitted_at = models.DateTimeField(_("วันที่ตอบ"), default=timezone.now, db_index=True)
    respondent_group = models.ForeignKey(
        RespondentGroup,
        verbose_name=_("กลุ่มผู้ตอบ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    comment = models.TextField(
        _("ข้อเสนอแนะ"), max_length=COMMENT_MAX, blank=True, validators=[no_markup, no_bidi_controls]
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("คำตอบแบบประเมินความพึงพอใจ")

    def __str__(self):
        return f"{self.submitted_at:%Y-%m-%d %H:%M}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, related_name="answers", on_delete=models.CASCADE)
    question = models.ForeignKey(SurveyQuestion, related_name="answers", on_delete=models.PROTECT)
    score = models.PositiveSmallIntegerField(
        _("คะแนน"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="feedback_score_1_to_5"
            ),
            models.UniqueConstraint(fields=["response", "question"], name="feedback_answer_once"),
        ]

    def __str__(self):
        return f"{self.question_id}: {self.score}"


def new_tracking_token() -> str:
    return secrets.token_urlsafe(16)


class _PublicTitle(index.SearchField):
    """The title column of the search index holds the title the public sees, not the asker's."""

    def get_value(self, obj):
        return obj.shown_title


class Question(index.Indexed, models.Model):
    #: Only the public version is indexed, and only of answered, published questions
    #: (``get_indexed_objects``); a question hidden again leaves the index (ADR 0271).
    search_fields = [
        _PublicTitle("title"),
        index.SearchField("shown_body"),
        index.SearchField("answer"),
        index.FilterField("id"),  # the site search passes the visible questions by key
    ]

    class Status(models.TextChoices):
        PENDING = "pending", _("รอตรวจสอบ")
        PUBLISHED = "published", _("เผยแพร่แล้ว")
        REJECTED = "rejected", _("ไม่เผยแพร่ (สแปม/ไม่เหมาะสม)")
        MERGED = "merged", _("รวมกับคำถามที่ซ้ำ")

    title = models.CharField(
        _("หัวข้อคำถาม"), max_length=TITLE_MAX, validators=[no_markup, no_bidi_controls]
    )
    body = models.TextField(
        _("รายละเอียดคำถาม"), max_length=BODY_MAX, validators=[no_markup, no_bidi_controls]
    )
    asker_name = models.CharField(
        _("ชื่อผู้ถาม"), max_length=NAME_MAX, blank=True, validators=[no_markup, no_bidi_controls]
    )
    asker_email = models.EmailField(_("อีเมลติดต่อกลับ"), blank=True)
    email_consent_at = models.DateTimeField(_("วันที่ให้ความยินยอม"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("วันที่ถาม"), default=timezone.now, db_index=True)
    due_date = models.DateField(_("กำหนดตอบ"))
    #: The asker's key to follow the question before it is published (issue 19).
    tracking_token = models.CharField(max_length=32, default=new_tracking_token, editable=False)
    status = models.CharField(
        _("สถานะ"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    # The version the public sees: staff may edit it to hide personal data before publishing.
    public_title = models.CharField(
        _("หัวข้อที่เผยแพร่"), max_length=TITLE_MAX, blank=True, validators=[no_markup, no_bidi_controls]
    )
    public_body = models.TextField(
        _("รายละเอียดที่เผยแพร่"),
        max_length=BODY_MAX,
        blank=True,
        validators=[no_markup, no_bidi_controls],
    )
    answer = models.TextField(_("คำตอบ"), max_length=BODY_MAX * 2, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้ตอบ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("วันที่ตอบ"), null=True, blank=True)
    published_at = models.DateTimeField(_("วันที่เผยแพร่"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("รวมเข้ากับคำถาม"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    rejection_reason = models.CharField(_("เหตุผลที่ไม่เผยแพร่"), max_length=255, blank=True)
    asker_notified_at = models.DateTimeField(_("แจ้งผู้ถามเมื่อ"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("คำถาม")
        verbose_name_plural = _("กระดานถาม-ตอบ")

    def __str__(self):
        return self.shown_title

    @property
    def shown_title(self) -> str:
        return self.public_title or self.title

    @property
    def shown_body(self) -> str:
        return self.public_body or self.body

    @classmethod
    def get_indexed_objects(cls):
        from .searchable import public_questions

        return public_questions()

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.PENDING and self.due_date < today


class RateLimitBucket(models.Model):
    """Submissions of one client (a keyed hash, never the IP) in one fixed time window."""

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="feedback_bucket_once")
        ]

    def __str__(self):
        return f"{self.key[:8]} {self.window_start}: {self.count}"
