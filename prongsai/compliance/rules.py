"""Evidence rules: which content can satisfy a catalogue item, and for which period.

A rule is data (a dict of lists) so that next year's list is a file, not code. Keys that name
*sources* of pages are alternatives (any of them); ``keywords`` narrows what they found to titles
containing one of the words; documents are found by ``tags`` (or by ``keywords`` alone) and may be
narrowed to ``document_kinds`` (file types). See docs/compliance.md for the file format.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from prongsai.core.categories import CATEGORIES
from prongsai.sitepages.models.agency import AgencyInfoTopic
from prongsai.sitepages.models.knowledge import KnowledgeKind
from prongsai.sitepages.models.laws import LawKind
from prongsai.sitepages.models.news import NewsKind
from prongsai.sitepages.oia_items import OIA_ITEMS


class PeriodRule(models.TextChoices):
    ALWAYS = "always", _("ไม่จำกัดช่วงเวลา")
    CURRENT_FY = "current-fiscal-year", _("ข้อมูลปีงบประมาณปัจจุบัน")
    PREVIOUS_FY = "previous-fiscal-year", _("ข้อมูลปีงบประมาณที่ผ่านมา")
    FIRST_HALF_CURRENT_FY = (
        "first-half-current-fiscal-year",
        _("ข้อมูลครึ่งปีแรก (6 เดือน) ของปีงบประมาณปัจจุบัน"),
    )
    AT_LEAST_N = "at-least-n", _("มีอย่างน้อย N รายการ")


#: Rule keys that pick pages by a field of one page type: key -> (model label, field name).
PAGE_ATTRIBUTE_KEYS = {
    "news_kinds": ("sitepages.NewsPage", "news_kind"),
    "oia_items": ("sitepages.OIAItemPage", "oia_item"),
    "agency_topics": ("sitepages.AgencyInfoPage", "topic"),
    "law_kinds": ("sitepages.LawPage", "law_kind"),
    "knowledge_kinds": ("sitepages.KnowledgePage", "knowledge_kind"),
}
PAGE_SOURCE_KEYS = ("page_types", "categories", *PAGE_ATTRIBUTE_KEYS)
RULE_KEYS = (*PAGE_SOURCE_KEYS, "tags", "document_kinds", "keywords", "paths")

_ALLOWED_VALUES = {
    "categories": set(CATEGORIES),
    "news_kinds": set(NewsKind.values),
    "oia_items": {item.code for item in OIA_ITEMS},
    "agency_topics": set(AgencyInfoTopic.values),
    "law_kinds": set(LawKind.values),
    "knowledge_kinds": set(KnowledgeKind.values),
}


def _page_model(label: str):
    from django.apps import apps
    from wagtail.models import Page

    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if issubclass(model, Page) else None


def normalise_rule(raw) -> tuple[dict[str, list[str]], list[str]]:
    """Return the rule with empty keys dropped, and the Thai errors found (empty when valid)."""
    if raw in (None, ""):
        return {}, []
    if not isinstance(raw, dict):
        return {}, [str(_("เกณฑ์หลักฐาน (rule) ต้องเป็นชุดข้อมูลแบบ key: [ค่า, ...]"))]
    rule: dict[str, list[str]] = {}
    errors: list[str] = []
    for key, values in raw.items():
        if key not in RULE_KEYS:
            errors.append(
                str(_("ไม่รู้จักเกณฑ์ '%(key)s' (ใช้ได้: %(keys)s)"))
                % {"key": key, "keys": ", ".join(RULE_KEYS)}
            )
            continue
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, list) or not all(isinstance(v, str | int) for v in values):
            errors.append(str(_("เกณฑ์ '%(key)s' ต้องเป็นรายการข้อความ")) % {"key": key})
            continue
        values = [str(v).strip() for v in values if str(v).strip()]
        if not values:
            continue
        errors.extend(_value_errors(key, values))
        rule[key] = values
    return rule, errors


def _value_errors(key: str, values: list[str]) -> list[str]:
    errors = []
    if key == "page_types":
        errors += [
            str(_("ไม่พบประเภทหน้า '%(value)s'")) % {"value": v} for v in values if not _page_model(v)
        ]
    elif key in _ALLOWED_VALUES:
        allowed = _ALLOWED_VALUES[key]
        errors += [
            str(_("ค่า '%(value)s' ใช้กับเกณฑ์ '%(key)s' ไม่ได้ (ใช้ได้: %(allowed)s)"))
            % {"value": v, "key": key, "allowed": ", ".join(sorted(allowed))}
            for v in values
            if v not in allowed
        ]
    elif key == "document_kinds":
        allowed = set(settings.WAGTAILDOCS_EXTENSIONS or [])
        errors += [
            str(_("ไม่รู้จักชนิดเอกสาร '%(value)s'")) % {"value": v}
            for v in values
            if allowed and v.lower().lstrip(".") not in allowed
        ]
    elif key == "paths":
        errors += [
            str(_("เส้นทาง '%(value)s' ต้องขึ้นต้นด้วย /")) % {"value": v}
            for v in values
            if not v.startswith("/")
        ]
    return errors
