"""R8 News and announcements: kinds, an events calendar and a photo gallery."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.search import index

from prongsai.core.blocks import PhotoBlock
from prongsai.core.models import BasePage
from prongsai.core.pagequeries import exclude_private
from prongsai.core.thaidate import thai_date

from .base import ArticleContentPage, CategoryIndexPage


class NewsKind(models.TextChoices):
    GENERAL = "general", _("ข่าวประชาสัมพันธ์")
    PHOTO = "photo", _("ข่าวภาพกิจกรรม")
    ALERT = "alert", _("ข่าวแจ้งเตือน")
    JOB = "job", _("ประกาศรับสมัครงาน")
    PROCUREMENT_NOTICE = "procurement-notice", _("ประกาศจัดซื้อจัดจ้าง")
    PROCUREMENT_RESULT = "procurement-result", _("ประกาศผลการจัดซื้อจัดจ้าง")
    TRAINING = "training", _("ข่าวฝึกอบรม")


PROCUREMENT_KINDS = (NewsKind.PROCUREMENT_NOTICE, NewsKind.PROCUREMENT_RESULT)


class ProcurementMethod(models.TextChoices):
    E_BIDDING = "e-bidding", _("ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)")
    E_MARKET = "e-market", _("ตลาดอิเล็กทรอนิกส์ (e-market)")
    SELECTION = "selection", _("วิธีคัดเลือก")
    SPECIFIC = "specific", _("วิธีเฉพาะเจาะจง")


#: e-GP project numbers (เลขที่โครงการ) are 11 digits, e.g. 67019123456.
EGP_NUMBER = RegexValidator(r"^\d{11}$", _("เลขที่โครงการ e-GP ต้องเป็นตัวเลข 11 หลัก"))

#: Newest first, on one table and in the order of ``news_published_idx``.
NEWS_ORDER = ("-published_date", "-page_ptr_id")


class NewsIndexPage(CategoryIndexPage):
    category_code = "news"
    subpage_types = ["sitepages.NewsPage", "sitepages.EventCalendarPage", "sitepages.GalleryPage"]

    class Meta:
        verbose_name = _("หมวดข่าวประชาสัมพันธ์")

    def listing_queryset(self):
        # The listing shows no body, attachment or photo: leave their JSON in the database.
        queryset = (
            exclude_private(NewsPage.objects.child_of(self).live().select_related("owner_unit"))
            .defer("body", "attachments", "gallery")
            .order_by(*NEWS_ORDER)
        )
        kind = getattr(self, "_kind_filter", "")
        return queryset.filter(news_kind=kind) if kind else queryset

    def get_context(self, request, *args, **kwargs):
        kind = request.GET.get("kind", "")
        self._kind_filter = kind if kind in NewsKind.values else ""
        context = super().get_context(request, *args, **kwargs)
        context["kinds"] = NewsKind.choices
        context["current_kind"] = self._kind_filter
        # Called by the template only when the listing is rendered, not when it was kept.
        context["sections"] = self.section_links
        return context

    def section_links(self):
        """The calendar and the gallery: only their titles and URLs are shown. Asked for by
        their types: "every child but the news items" read all 50,000 items' rows at 50k."""
        section_models = [m for m in self.allowed_subpage_models() if m is not NewsPage]
        return exclude_private(self.get_children().live().type(*section_models))


class NewsPage(ArticleContentPage):
    category_code = "news"
    news_kind = models.CharField(
        _("ประเภทข่าว"), max_length=20, choices=NewsKind, default=NewsKind.GENERAL
    )
    gallery = StreamField([("image", ImageBlock())], blank=True, verbose_name=_("ภาพกิจกรรม"))
    # Procurement notices and results (R8, OIA s.9(8)); empty for other kinds.
    egp_project_number = models.CharField(
        _("เลขที่โครงการ e-GP"), max_length=11, blank=True, validators=[EGP_NUMBER]
    )
    procurement_method = models.CharField(
        _("วิธีจัดซื้อจัดจ้าง"), max_length=20, choices=ProcurementMethod, blank=True
    )
    budget = models.DecimalField(
        _("วงเงินงบประมาณ (บาท)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    winner = models.CharField(_("ผู้ได้รับการคัดเลือก"), max_length=255, blank=True)
    awarded_amount = models.DecimalField(
        _("ราคาที่ตกลงซื้อหรือจ้าง (บาท)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    parent_page_types = ["sitepages.NewsIndexPage"]
    content_panels = [
        *ArticleContentPage.content_panels[:1],
        FieldPanel("news_kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("egp_project_number"), FieldPanel("procurement_method")]),
                FieldPanel("budget"),
                FieldRowPanel([FieldPanel("winner"), FieldPanel("awarded_amount")]),
            ],
            heading=_("ข้อมูลการจัดซื้อจัดจ้าง (เฉพาะประกาศจัดซื้อจัดจ้างและประกาศผล)"),
        ),
        *ArticleContentPage.content_panels[1:3],
        FieldPanel("gallery"),
        *ArticleContentPage.content_panels[3:],
    ]
    search_fields = [*ArticleContentPage.search_fields, index.FilterField("news_kind")]

    class Meta:
        verbose_name = _("ข่าว/ประกาศ")
        # The listings, the home page and the feed read the newest first and stop after one
        # page: with this index the database walks it instead of sorting every live row.
        indexes = [
            models.Index(fields=["-published_date", "-page_ptr"], name="news_published_idx"),
        ]

    @property
    def is_procurement(self) -> bool:
        return self.news_kind in PROCUREMENT_KINDS

    def clean(self) -> None:
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        notice = self._notice()
        if notice and self.published_date and self.published_date < notice.published_date:
            errors.setdefault("published_date", []).append(
                _("ประกาศผลต้องลงวันที่ไม่ก่อนประกาศจัดซื้อจัดจ้างโครงการเดียวกัน (%(date)s)")
                % {"date": thai_date(notice.published_date)}
            )
        if errors:
            raise ValidationError(errors)

    def _notice(self):
        """The notice of the same e-GP project, for a result."""
        if self.news_kind != NewsKind.PROCUREMENT_RESULT or not self.egp_project_number:
            return None
        return (
            NewsPage.objects.filter(
                news_kind=NewsKind.PROCUREMENT_NOTICE, egp_project_number=self.egp_project_number
            )
            .exclude(pk=self.pk)
            .order_by("published_date")
            .first()
        )

    @property
    def news_kind_label(self) -> str:
        """``get_news_kind_display()`` without rebuilding the choices on every call (which
        translates every kind's label once per item in a listing)."""
        try:
            return str(NewsKind(self.news_kind).label)
        except ValueError:
            return self.news_kind


class EventCalendarPage(CategoryIndexPage):
    """ปฏิทินกิจกรรม: upcoming and past events."""

    category_code = "news"
    parent_page_types = ["sitepages.NewsIndexPage"]
    subpage_types = ["sitepages.EventPage"]

    class Meta:
        verbose_name = _("ปฏิทินกิจกรรม")

    def get_context(self, request, *args, **kwargs):
        from ..month_calendar import WEEKDAYS, build_month, month_bounds, parse_month

        context = BasePage.get_context(self, request, *args, **kwargs)
        events = exclude_private(EventPage.objects.child_of(self).live()).order_by("starts_at")
        today = timezone.localdate()
        year, month = parse_month(request.GET.get("month"), today)
        first, following = month_bounds(year, month)
        # Events starting up to a month before may still run into this month.
        nearby = events.filter(
            starts_at__lt=following + dt.timedelta(days=7),
            starts_at__gte=first - dt.timedelta(days=45),
        ).only("title", "url_path", "path", "depth", "starts_at", "ends_at", "location")
        context["month"] = build_month(year, month, nearby, today)
        context["weekdays"] = WEEKDAYS
        now = timezone.now()
        context["upcoming"] = [event for event in events if event.ends_at_or_start >= now]
        context["past"] = [event for event in events if event.ends_at_or_start < now][::-1][:20]
        return context


class EventPage(ArticleContentPage):
    category_code = "news"
    starts_at = models.DateTimeField(_("เริ่ม"))
    ends_at = models.DateTimeField(_("สิ้นสุด"), null=True, blank=True)
    location = models.CharField(_("สถานที่"), max_length=255, blank=True)
    parent_page_types = ["sitepages.EventCalendarPage"]
    content_panels = [
        *ArticleContentPage.content_panels[:1],
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("location"),
        *ArticleContentPage.content_panels[1:],
    ]

    class Meta:
        verbose_name = _("กิจกรรม")

    @property
    def ends_at_or_start(self):
        return self.ends_at or self.starts_at

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่ม")})


class GalleryPage(ArticleContentPage):
    """คลังภาพ: a photo album."""

    category_code = "news"
    images = StreamField([("photo", PhotoBlock()), ("image", ImageBlock())], verbose_name=_("ภาพ"))
    parent_page_types = ["sitepages.NewsIndexPage"]
    content_panels = [
        *ArticleContentPage.content_panels[:1],
        FieldPanel("images"),
        *ArticleContentPage.content_panels[1:],
    ]

    class Meta:
        verbose_name = _("คลังภาพ")

    def photos(self) -> list[dict]:
        """Each photo with its alternative text and caption, whichever block holds it."""
        found = []
        for block in self.images:
            if block.block_type == "photo":
                value = block.value
                found.append(
                    {"image": value["image"], "alt": value["alt_text"], "caption": value["caption"]}
                )
            elif block.value is not None:
                alt = getattr(block.value, "contextual_alt_text", "") or ""
                found.append({"image": block.value, "alt": alt, "caption": ""})
        return [photo for photo in found if photo["image"] is not None]
