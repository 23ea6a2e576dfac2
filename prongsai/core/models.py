"""The platform every page type builds on: BasePage, required metadata, agency settings."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page, PageViewRestriction
from wagtail.models.panels import PanelPlaceholder
from wagtail.search import index

from prongsai.core.forms import MetadataPageForm


class BasePage(Page):
    """Abstract parent of every public page: an introduction and the category it belongs to."""

    introduction = models.TextField(_("คำอธิบายโดยย่อ"), blank=True)

    #: The standard category (core.categories) this page type belongs to.
    category_code: str = ""

    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    # Go-live and expiry typed and shown in the Buddhist era (ADR 0090).
    settings_panels = [
        PanelPlaceholder("prongsai.core.panels.BuddhistPublishingPanel", [], {}),
        *Page.settings_panels[1:],
    ]

    class Meta:
        abstract = True

    @property
    def category(self):
        from prongsai.core.categories import CATEGORIES

        return CATEGORIES.get(self.category_code)

    #: Wagtail's permission tester narrowed by the agency's direct-publication policy: a
    #: category page goes live through a publish request unless the policy allows it. The
    #: publishing app sets it when it loads (core imports no app).
    permission_tester = None

    def permissions_for_user(self, user):
        if BasePage.permission_tester is None:
            return super().permissions_for_user(user)
        return BasePage.permission_tester(user, self)

    def route(self, request, path_components):
        # Same result as Wagtail's routing, in two queries instead of two per URL level.
        from prongsai.core.pagequeries import mark_if_unrestricted, route_descendant

        if not path_components:
            return mark_if_unrestricted(super().route(request, path_components), request)
        return route_descendant(self, request, path_components)

    def get_view_restrictions(self):
        # Same restrictions as Wagtail finds, without the query that lists the ancestors; none
        # at all, without a query, when routing found no restriction or alias on the way.
        from prongsai.core.pagequeries import view_restrictions_for

        if getattr(self, "_known_unrestricted", False):
            return PageViewRestriction.objects.none()
        return view_restrictions_for(self)

    def breadcrumb_ancestors(self):
        """The pages between the site's home page and this one, for the breadcrumbs."""
        routed = getattr(self, "route_ancestors", None)
        if routed is not None:
            return [page for page in routed if page.depth > 2]
        return list(self.get_ancestors().filter(depth__gt=2))


def today():
    return timezone.localdate()


class PublicationMetadata(models.Model):
    """Metadata every published item must carry and show (R12).

    Owner unit, source, the date range the information covers and the publication date.
    Used by content pages and by documents.
    """

    owner_unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("หน่วยงานเจ้าของข้อมูล"),
        null=True,  # the database allows it so a unit can be archived; forms require it
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source = models.CharField(
        _("แหล่งที่มาของข้อมูล"),
        max_length=500,
        help_text=_("เช่น ชื่อหน่วยงานหรือเอกสารต้นทาง ราชกิจจานุเบกษา เล่ม/ตอน/หน้า"),
    )
    info_period_start = models.DateField(_("ข้อมูล ณ วันที่ / เริ่มต้น"))
    info_period_end = models.DateField(
        _("ข้อมูลถึงวันที่"), null=True, blank=True, help_text=_("เว้นว่างหากข้อมูลยังเป็นปัจจุบัน")
    )
    published_date = models.DateField(_("วันที่เผยแพร่"), default=today)

    metadata_panels = [
        MultiFieldPanel(
            [
                FieldPanel("owner_unit"),
                FieldPanel("source"),
                FieldRowPanel([FieldPanel("info_period_start"), FieldPanel("info_period_end")]),
                FieldPanel("published_date"),
            ],
            heading=_("ข้อมูลกำกับ (Metadata)"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        errors = {}
        if not (self.source or "").strip():
            errors["source"] = _("กรุณาระบุแหล่งที่มาของข้อมูล")
        if self.owner_unit_id is None:
            errors["owner_unit"] = _("กรุณาเลือกหน่วยงานเจ้าของข้อมูล")
        if (
            self.info_period_start
            and self.info_period_end
            and self.info_period_end < self.info_period_start
        ):
            errors["info_period_end"] = _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้นของข้อมูล")
        if errors:
            raise ValidationError(errors)


class ContentPage(PublicationMetadata, BasePage):
    """Abstract parent of every publishable content item (not the structural index pages)."""

    base_form_class = MetadataPageForm
    settings_panels = [*BasePage.settings_panels]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["show_metadata"] = True
        return context


@register_setting(icon="site")
class AgencySettings(BaseSiteSetting):
    """The agency's identity and contacts, shown in the header and footer of every page."""

    name_th = models.CharField(_("ชื่อหน่วยงาน (ไทย)"), max_length=255, default="หน่วยงานตัวอย่าง")
    name_en = models.CharField(_("ชื่อหน่วยงาน (อังกฤษ)"), max_length=255, blank=True)
    parent_body = models.CharField(_("สังกัด"), max_length=255, blank=True)
    address = models.TextField(_("ที่อยู่"), blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=100, blank=True)
    fax = models.CharField(_("โทรสาร"), max_length=100, blank=True)
    email = models.EmailField(_("อีเมลหน่วยงาน"), blank=True)
    webmaster_email = models.EmailField(_("อีเมลผู้ดูแลเว็บไซต์"), blank=True)
    map_url = models.URLField(_("ลิงก์แผนที่"), blank=True)
    main_domain = models.CharField(
        _("โดเมนหลักของเว็บไซต์"),
        max_length=255,
        blank=True,
        help_text=_("เช่น www.example.go.th ใช้สร้าง URL เต็มในรายงาน ITA/OIT"),
    )
    supported_browsers = models.CharField(
        _("เบราว์เซอร์ที่รองรับ"),
        max_length=255,
        default="Chrome 109, Edge 109, Firefox 115, Safari 15.6 ขึ้นไป",
    )
    reader_notice = models.CharField(
        _("โปรแกรมอ่านเอกสาร"),
        max_length=255,
        default="เอกสาร PDF เปิดด้วย Adobe Acrobat Reader หรือเบราว์เซอร์รุ่นปัจจุบัน",
    )
    # The agency's policy, not a deployment setting (docs/adr/0073): read on each admin request
    # by prongsai/accounts/middleware.py.
    staff_idle_minutes = models.PositiveSmallIntegerField(
        _("ออกจากระบบอัตโนมัติเมื่อไม่ได้ใช้งาน (นาที)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(480)],
        help_text=_("เจ้าหน้าที่ที่ไม่ได้ใช้ระบบจัดการเว็บไซต์นานเกินเวลานี้ต้องเข้าสู่ระบบใหม่ (5–480 นาที)"),
    )

    # When one install serves several sites, each site's documents are those of its collection
    # (and the collections below it); documents in no site's collection belong to every site
    # without one (issue 21, ADR 0292). Empty: every document outside other sites' collections.
    document_collection = models.ForeignKey(
        "wagtailcore.Collection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("คอลเลกชันเอกสารของเว็บไซต์"),
        help_text=_(
            "ใช้เมื่อระบบเดียวให้บริการหลายเว็บไซต์: เอกสารในคอลเลกชันนี้ (รวมคอลเลกชันย่อย) "
            "เป็นเอกสารของเว็บไซต์นี้ในการตรวจหลักฐาน ITA/OIT เว้นว่างไว้หากมีเว็บไซต์เดียว"
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_th"), FieldPanel("name_en"), FieldPanel("parent_body")],
            heading=_("หน่วยงาน"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("webmaster_email")]),
                FieldPanel("map_url"),
                FieldPanel("main_domain"),
            ],
            heading=_("ช่องทางติดต่อ"),
        ),
        MultiFieldPanel(
            [FieldPanel("supported_browsers"), FieldPanel("reader_notice")],
            heading=_("ข้อกำหนดการใช้งาน"),
        ),
        MultiFieldPanel([FieldPanel("staff_idle_minutes")], heading=_("ความปลอดภัยของบัญชีเจ้าหน้าที่")),
        FieldPanel("document_collection"),
    ]

    class Meta:
        verbose_name = _("ข้อมูลหน่วยงาน")


class SiteGeneration(models.Model):
    """A token that changes whenever what a site's public pages show may have changed.

    One row per site, and one install-wide row (``site`` empty, id 1) for what every site
    depends on (the sites themselves, generic settings, a page move). Pages, view restrictions
    and site settings bump their site's row when saved or deleted (prongsai/core/signals.py),
    in the same transaction as the change, so a change on one site leaves every other site's
    state in memory (issue 21, ADR 0291). Each process keeps the site root, the menu and the
    agency settings in memory under the tokens it last read (prongsai/core/sitestate.py), so a
    public page reads two tiny rows instead of four queries. The token is random rather than a
    counter, so a rolled-back change can never be mistaken for a later one.
    """

    token = models.CharField(max_length=32)
    #: The site's id; empty on the install-wide row. Not a foreign key: the row of a deleted
    #: site is harmless, and a change may be recorded in the transaction that deletes its site.
    site_id = models.PositiveIntegerField(_("เว็บไซต์"), null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("รุ่นของข้อมูลเว็บไซต์")

    def __str__(self) -> str:
        return self.token


class MailFailure(models.Model):
    """An e-mail the notification task could not hand to the mail server after every attempt
    (``prongsai/core/notify.py``); listed on the daily check until it is a day old."""

    created_at = models.DateTimeField(_("เวลา"), auto_now_add=True, db_index=True)
    subject = models.CharField(_("เรื่อง"), max_length=255)
    recipients = models.TextField(_("ผู้รับ"))
    attempts = models.PositiveSmallIntegerField(_("จำนวนครั้งที่ลองส่ง"))
    error = models.TextField(_("ข้อผิดพลาด"))

    class Meta:
        verbose_name = _("อีเมลที่ส่งไม่สำเร็จ")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject


class MailDelivery(models.Model):
    """One queued notification e-mail, keyed when it is queued (``core/notify.py``).

    The key is recorded before the mail server is handed the message and marked sent after:
    a delivery task run a second time (its worker was killed and the task requeued) finds the
    mark and sends nothing. The key is also the message's Message-ID, so in the one window
    where a second send stays possible (killed after the server took the message, before the
    mark) the copies are one message to the receiving mail system (ADR 0265)."""

    key = models.CharField(_("รหัสข้อความ"), max_length=64, unique=True)
    subject = models.CharField(_("เรื่อง"), max_length=255)
    created_at = models.DateTimeField(_("เวลาที่เข้าคิว"), auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(_("จำนวนครั้งที่ลองส่ง"), default=0)
    sent_at = models.DateTimeField(_("เวลาที่ส่งแล้ว"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("การส่งอีเมลแจ้งเตือน")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.key}: {self.subject}"


# The agency's look is a site setting of its own (prongsai/core/appearance.py).
from prongsai.core.appearance import SiteAppearance  # noqa: E402, F401
