"""R5 The fields the Official Information Act asks of each section 7 and 9 item (ADR 0275).

An item page holds blocks of one kind only, the kind its item needs (``ITEM_KIND``): 7(3) a
contact place with its hours, contact person, telephone and e-mail; 9(6) contracts with their
party and date; 9(8) the monthly procurement summaries (สขร.1); and so on. What a kind must
have filled in is data here (``REQUIRED``), read by the page's validation and by the
completeness check, so both agree on when an item is "present".
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from prongsai.core.blocks import RICH_TEXT_FEATURES, BuddhistDateBlock, BuddhistMonthBlock


class StructureBlock(blocks.StructBlock):
    """7(1) โครงสร้างและการจัดองค์กรในการดำเนินงาน."""

    description = blocks.RichTextBlock(
        label=_("โครงสร้างและการแบ่งส่วนราชการ"), features=RICH_TEXT_FEATURES
    )
    units = blocks.ListBlock(
        blocks.CharBlock(label=_("หน่วยงานภายใน")),
        label=_("หน่วยงานภายใน (กอง/กลุ่ม/ฝ่าย)"),
        required=False,
    )
    chart = DocumentChooserBlock(label=_("แผนภูมิโครงสร้างองค์กร"), required=False)

    class Meta:
        icon = "group"
        label = _("โครงสร้างและการจัดองค์กร")


class PowersBlock(blocks.StructBlock):
    """7(2) สรุปอำนาจหน้าที่ที่สำคัญและวิธีการดำเนินงาน."""

    powers = blocks.RichTextBlock(label=_("อำนาจหน้าที่ที่สำคัญ"), features=RICH_TEXT_FEATURES)
    methods = blocks.RichTextBlock(label=_("วิธีการดำเนินงาน"), features=RICH_TEXT_FEATURES)
    legal_basis = blocks.CharBlock(
        label=_("กฎหมายที่ให้อำนาจ"), required=False, help_text=_("เช่น กฎกระทรวงแบ่งส่วนราชการ")
    )

    class Meta:
        icon = "clipboard-list"
        label = _("อำนาจหน้าที่และวิธีการดำเนินงาน")


class ContactPlaceBlock(blocks.StructBlock):
    """7(3) สถานที่ติดต่อเพื่อขอรับข้อมูลข่าวสารหรือคำแนะนำ."""

    place = blocks.CharBlock(label=_("สถานที่ (ชื่อศูนย์/ห้อง/ชั้น)"), max_length=255)
    address = blocks.TextBlock(label=_("ที่อยู่"))
    office_hours = blocks.CharBlock(label=_("วันและเวลาทำการ"), max_length=255)
    contact_person = blocks.CharBlock(label=_("ผู้รับผิดชอบ (ชื่อ-สกุล)"), max_length=255)
    contact_position = blocks.CharBlock(label=_("ตำแหน่ง"), max_length=255, required=False)
    phone = blocks.CharBlock(label=_("โทรศัพท์"), max_length=100)
    email = blocks.EmailBlock(label=_("อีเมล"))
    map_url = blocks.URLBlock(label=_("ลิงก์แผนที่"), required=False)

    class Meta:
        icon = "site"
        label = _("สถานที่ติดต่อ")


class RecordBlock(blocks.StructBlock):
    """One published record: a rule, decision, policy, manual, publication or resolution."""

    title = blocks.CharBlock(label=_("เรื่อง"), max_length=500)
    reference = blocks.CharBlock(
        label=_("เลขที่/ครั้งที่"), max_length=255, required=False, help_text=_("เช่น ที่ สธ 0027/ว 123")
    )
    date = BuddhistDateBlock(label=_("ลงวันที่"))
    summary = blocks.TextBlock(label=_("สาระสำคัญ"), required=False)
    document = DocumentChooserBlock(label=_("เอกสาร"), required=False)
    url = blocks.URLBlock(label=_("ลิงก์"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("รายการเอกสาร")


class PlanBlock(blocks.StructBlock):
    """9(3) แผนงาน โครงการ และงบประมาณรายจ่ายประจำปี."""

    fiscal_year = blocks.IntegerBlock(
        label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2500, max_value=2700, help_text=_("เช่น 2570")
    )
    title = blocks.CharBlock(label=_("แผนงาน/โครงการ"), max_length=500)
    budget = blocks.DecimalBlock(label=_("งบประมาณ (บาท)"), min_value=0, decimal_places=2)
    document = DocumentChooserBlock(label=_("เอกสาร"), required=False)

    class Meta:
        icon = "date"
        label = _("แผนงาน/โครงการและงบประมาณ")


class ContractBlock(blocks.StructBlock):
    """9(6) สัญญาสัมปทาน สัญญาผูกขาดตัดตอน หรือสัญญาร่วมทุน."""

    subject = blocks.CharBlock(label=_("เรื่องของสัญญา"), max_length=500)
    party = blocks.CharBlock(label=_("คู่สัญญา"), max_length=255)
    contract_number = blocks.CharBlock(label=_("เลขที่สัญญา"), max_length=100)
    signed = BuddhistDateBlock(label=_("วันที่ลงนาม"))
    term = blocks.CharBlock(label=_("ระยะเวลาสัญญา"), max_length=255, required=False)
    value = blocks.DecimalBlock(label=_("มูลค่า (บาท)"), min_value=0, required=False)
    document = DocumentChooserBlock(label=_("เอกสาร"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("สัญญา")


class ProcurementSummaryBlock(blocks.StructBlock):
    """9(8) สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1)."""

    month = BuddhistMonthBlock(label=_("ประจำเดือน"), help_text=_("เดือน/ปี พ.ศ. เช่น 10/2569"))
    document = DocumentChooserBlock(label=_("แบบ สขร.1"))

    class Meta:
        icon = "table"
        label = _("สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)")


class OIADetailsBlock(blocks.StreamBlock):
    structure = StructureBlock()
    powers = PowersBlock()
    contact = ContactPlaceBlock()
    record = RecordBlock()
    plan = PlanBlock()
    contract = ContractBlock()
    procurement_summary = ProcurementSummaryBlock()

    class Meta:
        label = _("ข้อมูลตามมาตรา")


#: The kind of block each item of sections 7 and 9 holds.
ITEM_KIND = {
    "7(1)": "structure",
    "7(2)": "powers",
    "7(3)": "contact",
    "7(4)": "record",
    "7(5)": "record",
    "9(1)": "record",
    "9(2)": "record",
    "9(3)": "plan",
    "9(4)": "record",
    "9(5)": "record",
    "9(6)": "contract",
    "9(7)": "record",
    "9(8)": "procurement_summary",
}

#: What each kind must have filled in. A tuple inside is "one of these".
REQUIRED = {
    "structure": ("description",),
    "powers": ("powers", "methods"),
    "contact": ("place", "address", "office_hours", "contact_person", "phone", "email"),
    "record": ("title", "date", ("document", "url")),
    "plan": ("fiscal_year", "title", "budget"),
    "contract": ("subject", "party", "contract_number", "signed"),
    "procurement_summary": ("month", "document"),
}


def _filled(value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        # Rich text left empty by the editor is "<p></p>".
        return bool(value.replace("<p>", "").replace("</p>", "").replace("<br/>", "").strip())
    if hasattr(value, "source"):  # RichText
        return _filled(value.source)
    return True


def _label(kind: str, name: str) -> str:
    block = OIADetailsBlock.base_blocks[kind].child_blocks[name]
    return str(block.label)


def _either(kind: str, names) -> str:
    return str(_(" หรือ ")).join(_label(kind, name) for name in names)


def missing_fields(kind: str, value) -> list[str]:
    """Labels of the required fields of one block that are empty (``value`` raw or native)."""
    missing = []
    for need in REQUIRED[kind]:
        names = need if isinstance(need, tuple) else (need,)
        if not any(_filled(value.get(name)) for name in names):
            missing.append(_either(kind, names))
    return missing


def raw_blocks(details) -> list[tuple[str, dict]]:
    """(kind, value) of each block, from a StreamValue or the raw JSON list."""
    if hasattr(details, "raw_data"):
        details = details.raw_data
    return [(block.get("type"), block.get("value") or {}) for block in details or []]


def details_problems(item_code: str, details) -> list[str]:
    """Thai messages for what the item's page lacks; empty when the item is complete."""
    kind = ITEM_KIND.get(item_code)
    if kind is None:
        return []
    blocks_ = raw_blocks(details)
    problems = []
    wrong = {other for other, _value in blocks_ if other != kind}
    for other in sorted(wrong):
        problems.append(
            _("มาตรา %(item)s ใช้ข้อมูลแบบ “%(kind)s” เท่านั้น กรุณาลบรายการแบบ “%(other)s”")
            % {
                "item": item_code,
                "kind": OIADetailsBlock.base_blocks[kind].label,
                "other": OIADetailsBlock.base_blocks[other].label
                if other in OIADetailsBlock.base_blocks
                else other,
            }
        )
    own = [value for other, value in blocks_ if other == kind]
    if not own:
        problems.append(
            _("มาตรา %(item)s ต้องมีข้อมูล “%(kind)s” อย่างน้อย 1 รายการ (%(fields)s)")
            % {
                "item": item_code,
                "kind": OIADetailsBlock.base_blocks[kind].label,
                "fields": ", ".join(
                    _either(kind, need if isinstance(need, tuple) else (need,))
                    for need in REQUIRED[kind]
                ),
            }
        )
    for number, value in enumerate(own, start=1):
        missing = missing_fields(kind, value)
        if missing:
            problems.append(
                _("“%(kind)s” รายการที่ %(number)s ยังไม่ได้กรอก: %(fields)s")
                % {
                    "kind": OIADetailsBlock.base_blocks[kind].label,
                    "number": number,
                    "fields": ", ".join(missing),
                }
            )
    return problems


def is_complete(item_code: str, details) -> bool:
    return not details_problems(item_code, details)
