"""R15: the site's policies — website policy, privacy policy (PDPA), website security policy and
accessibility statement — as one page type whose kind the footer and the completeness check
recognise, instead of general pages found only by their titles."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from prongsai.core.blocks import BodyBlock
from prongsai.core.models import BasePage


class PolicyKind(models.TextChoices):
    WEBSITE = "website", _("นโยบายเว็บไซต์")
    PRIVACY = "privacy", _("นโยบายคุ้มครองข้อมูลส่วนบุคคล")
    SECURITY = "security", _("นโยบายการรักษาความมั่นคงปลอดภัยเว็บไซต์")
    ACCESSIBILITY = "accessibility", _("การเข้าถึงเว็บไซต์")


class PolicyPage(BasePage):
    """One of the site's policies, linked from every page's footer (core.sitestate)."""

    #: core.sitestate lists live children of the home page with this flag in the footer.
    footer_link = True

    policy_kind = models.CharField(_("ประเภทนโยบาย"), max_length=20, choices=PolicyKind.choices)
    effective_date = models.DateField(_("วันที่มีผลบังคับใช้"), null=True, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("เนื้อหา"))

    parent_page_types = ["sitepages.HomePage"]
    subpage_types: list[str] = []
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("policy_kind"),
        FieldPanel("effective_date"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("นโยบายของเว็บไซต์")
        verbose_name_plural = _("นโยบายของเว็บไซต์")

    def clean(self):
        super().clean()
        if self.pk:
            self.refuse_a_second_of_its_kind(self.get_parent())

    def refuse_a_second_of_its_kind(self, parent) -> None:
        if parent is None or not self.policy_kind:
            return
        others = PolicyPage.objects.child_of(parent).filter(policy_kind=self.policy_kind)
        if others.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"policy_kind": _("เว็บไซต์นี้มีหน้านโยบายประเภทนี้แล้ว แก้ไขหน้าเดิมแทนการสร้างใหม่")}
            )


class PolicyPageForm(WagtailAdminPageForm):
    """A new page has no parent yet when the model validates; the editor's form knows it, so
    adding a second privacy policy from Wagtail's "add page" screen is refused too."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and self.parent_page is not None:
            self.instance.policy_kind = cleaned.get("policy_kind")
            try:
                self.instance.refuse_a_second_of_its_kind(self.parent_page)
            except ValidationError as error:
                self.add_error("policy_kind", error.message_dict["policy_kind"])
        return cleaned


PolicyPage.base_form_class = PolicyPageForm
