"""StreamField blocks shared by every page type."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from .bedate import BuddhistDateField, BuddhistMonthField


class BuddhistDateBlock(blocks.DateBlock):
    """A date staff type and read in the Buddhist era (``15/01/2569``), like every other staff
    date field (ADR 0090, 0306). Stored as Wagtail's DateBlock stores it, an ISO date in the
    stream's JSON, so values saved by a DateBlock read unchanged."""

    form_field_class = BuddhistDateField

    @cached_property
    def field(self):
        return self.form_field_class(**self.field_options)


class BuddhistMonthBlock(BuddhistDateBlock):
    """A month (``10/2569`` or ``ตุลาคม 2569``), stored as its first day."""

    form_field_class = BuddhistMonthField

    def to_python(self, value):
        # A month saved by a DateBlock may be any day of it.
        value = super().to_python(value)
        return value.replace(day=1) if value else value

    class Meta:
        icon = "date"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("หัวข้อ"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("ระดับ"), choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"
        label = _("หัวข้อ")


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("หัวข้อ"), required=False)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("เอกสาร")), label=_("เอกสาร"))

    class Meta:
        icon = "doc-full"
        template = "core/blocks/document_list.html"
        label = _("รายการเอกสารดาวน์โหลด")


class PhotoBlock(blocks.StructBlock):
    """A photo of an album: what it shows for those who cannot see it, and its caption."""

    image = ImageChooserBlock(label=_("ภาพ"))
    alt_text = blocks.CharBlock(
        label=_("ข้อความแทนภาพ"), max_length=255, help_text=_("บอกว่าภาพแสดงอะไร สำหรับผู้ที่มองไม่เห็นภาพ")
    )
    caption = blocks.CharBlock(label=_("คำบรรยายภาพ"), max_length=500, required=False)

    class Meta:
        icon = "image"
        label = _("ภาพพร้อมคำบรรยาย")


RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("ข้อความ"), features=RICH_TEXT_FEATURES)
    # ImageBlock asks for alternative text (or an explicit "decorative" tick): WCAG 1.1.1.
    image = ImageBlock(label=_("รูปภาพ"))
    documents = DocumentListBlock()
    quote = blocks.BlockQuoteBlock(label=_("ข้อความอ้างอิง"))

    class Meta:
        label = _("เนื้อหา")


class StepBlock(blocks.StructBlock):
    """One step of a procedure; the duration is required (R6, R7)."""

    title = blocks.CharBlock(label=_("ขั้นตอน"), max_length=255)
    description = blocks.TextBlock(label=_("รายละเอียด"), required=False)
    duration = blocks.CharBlock(
        label=_("ระยะเวลา"), max_length=100, help_text=_("เช่น 15 นาที, 1 วันทำการ")
    )
    responsible = blocks.CharBlock(label=_("ผู้รับผิดชอบ"), max_length=255, required=False)

    class Meta:
        icon = "list-ol"
        template = "core/blocks/step.html"
        label = _("ขั้นตอนการปฏิบัติงาน")


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        min_num = 1
