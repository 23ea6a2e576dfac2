"""Reading catalogue files (YAML or CSV) and loading them: all or nothing.

Every problem is reported with its line number; when any is found nothing is written, so the
catalogue in use stays as it was. The format is described in docs/compliance.md.
"""

import csv
import dataclasses
import io
import re
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from prongsai.core.audit import log

from .models import Catalogue, CatalogueItem, Scheme
from .rules import RULE_KEYS, PeriodRule, normalise_rule

SHIPPED_DIR = Path(__file__).resolve().parent / "catalogues"
CATALOGUE_FIELDS = ("slug", "scheme", "year", "title", "title_en", "fiscal_year", "source")
CSV_LIST_SEPARATOR = "|"
#: Lists that belong to an assessment year: without ``fiscal_year`` it defaults to ``year``.
ASSESSMENT_YEAR_SCHEMES = (Scheme.ITA_OIT, Scheme.ITA_OIT_SECTOR)
MIN_BUDDHIST_YEAR = 2400  # anything smaller is a Christian-era year typed by mistake


@dataclasses.dataclass(frozen=True)
class LineError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("บรรทัด %(line)s: %(message)s") % {"line": self.line, "message": self.message}


class CatalogueFileError(Exception):
    def __init__(self, errors: list[LineError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclasses.dataclass
class ParsedCatalogue:
    fields: dict
    items: list[dict]  # each with "line"


# --- reading -------------------------------------------------------------------------------


class _LineLoader(yaml.SafeLoader):
    """Safe YAML loader that remembers the line of every mapping in ``__line__``."""


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(text: str) -> ParsedCatalogue:
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise CatalogueFileError([LineError(line, _("รูปแบบ YAML ไม่ถูกต้อง: %s") % exc)]) from exc
    if not isinstance(data, dict):
        raise CatalogueFileError([LineError(1, _("ไฟล์ต้องมีหัวข้อ catalogue และ items"))])
    header = data.get("catalogue")
    items = data.get("items")
    errors = []
    if not isinstance(header, dict):
        errors.append(LineError(data.get("__line__", 1), _("ไม่พบหัวข้อ catalogue")))
        header = {}
    if not isinstance(items, list) or not items:
        errors.append(LineError(data.get("__line__", 1), _("ไม่พบรายการข้อ (items)")))
        items = []
    if errors:
        raise CatalogueFileError(errors)
    parsed_items = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise CatalogueFileError(
                [LineError(header.get("__line__", 1), _("ข้อที่ %d ต้องเป็นชุดข้อมูล") % (index + 1))]
            )
        row = dict(item)
        row["line"] = row.pop("__line__")
        if isinstance(row.get("rule"), dict):
            row["rule"] = {k: v for k, v in row["rule"].items() if k != "__line__"}
        parsed_items.append(row)
    header = {k: v for k, v in header.items() if k != "__line__"}
    header["line"] = data["catalogue"]["__line__"]
    return ParsedCatalogue(fields=header, items=parsed_items)


def read_csv(text: str) -> ParsedCatalogue:
    """CSV: ``# key: value`` lines for the catalogue, then a header row and one item per row."""
    lines = text.lstrip("\ufeff").splitlines()
    header: dict = {"line": 1}
    body_start = 0
    for number, line in enumerate(lines):
        if line.startswith("#"):
            key, _sep, value = line.lstrip("#").partition(":")
            if key.strip():
                header[key.strip()] = value.strip()
            body_start = number + 1
            continue
        if line.strip():
            break
        body_start = number + 1
    reader = csv.DictReader(io.StringIO("\n".join(lines[body_start:])))
    items = []
    for row in reader:
        line = body_start + reader.line_num
        item = {"line": line}
        rule = {}
        for key, value in row.items():
            if key is None:
                continue
            key = key.strip()
            value = (value or "").strip()
            if key in RULE_KEYS:
                if value:
                    rule[key] = [v.strip() for v in value.split(CSV_LIST_SEPARATOR) if v.strip()]
            elif value != "":
                item[key] = value
        item["rule"] = rule
        items.append(item)
    if not items:
        raise CatalogueFileError([LineError(body_start + 1, _("ไม่พบรายการข้อในไฟล์ CSV"))])
    return ParsedCatalogue(fields=header, items=items)


def read_file(path: str | Path) -> ParsedCatalogue:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueFileError([LineError(1, _("อ่านไฟล์ไม่ได้: %s") % exc)]) from exc
    if path.suffix.lower() == ".csv":
        return read_csv(text)
    return read_yaml(text)


# --- validating ----------------------------------------------------------------------------


def _as_int(value):
    if value in (None, ""):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        return "invalid"


def _as_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in ("1", "true", "yes", "y", "ใช่", "u")


def validate(parsed: ParsedCatalogue) -> tuple[dict, list[dict]]:
    """Clean the header and items; raise CatalogueFileError listing every problem found."""
    errors: list[LineError] = []
    head = parsed.fields
    head_line = head.get("line", 1)
    fields = {
        "slug": str(head.get("slug") or "").strip(),
        "scheme": str(head.get("scheme") or "").strip(),
        "year": _as_int(head.get("year")),
        "title": str(head.get("title") or "").strip(),
        "title_en": str(head.get("title_en") or "").strip(),
        "fiscal_year": _as_int(head.get("fiscal_year")),
        "source": str(head.get("source") or "").strip(),
    }
    if not fields["slug"]:
        errors.append(LineError(head_line, _("ไม่ได้ระบุ slug ของรายการ")))
    elif not re.fullmatch(r"[-a-zA-Z0-9_]+", fields["slug"]):
        errors.append(LineError(head_line, _("slug ใช้ได้เฉพาะ a-z 0-9 - และ _ เช่น ita-oit-2570")))
    if fields["scheme"] not in Scheme.values:
        errors.append(
            LineError(
                head_line,
                _("ไม่รู้จักชุดเกณฑ์ '%(scheme)s' (ใช้ได้: %(allowed)s)")
                % {"scheme": fields["scheme"], "allowed": ", ".join(Scheme.values)},
            )
        )
    if not isinstance(fields["year"], int):
        errors.append(LineError(head_line, _("ปี (year) ต้องเป็นตัวเลข พ.ศ.")))
    if (
        fields["fiscal_year"] is None
        and fields["scheme"] in ASSESSMENT_YEAR_SCHEMES
        and isinstance(fields["year"], int)
    ):
        # An ITA list of year 25xx assesses fiscal year 25xx (standards.md §3, ADR 0036).
        fields["fiscal_year"] = fields["year"]
    if fields["fiscal_year"] == "invalid":
        errors.append(LineError(head_line, _("ปีงบประมาณ (fiscal_year) ต้องเป็นตัวเลข พ.ศ.")))
    elif isinstance(fields["fiscal_year"], int) and fields["fiscal_year"] < MIN_BUDDHIST_YEAR:
        errors.append(
            LineError(
                head_line,
                _("ปีงบประมาณ (fiscal_year) %(year)s ไม่ใช่ปี พ.ศ. (ค.ศ. %(year)s คือ พ.ศ. %(be)s)")
                % {"year": fields["fiscal_year"], "be": fields["fiscal_year"] + 543},
            )
        )
    if not fields["title"]:
        errors.append(LineError(head_line, _("ไม่ได้ระบุชื่อรายการ (title)")))

    items: list[dict] = []
    seen: dict[str, int] = {}
    for order, raw in enumerate(parsed.items, start=1):
        line = raw.get("line", head_line)
        code = str(raw.get("code") or "").strip()
        title_th = str(raw.get("title_th") or "").strip()
        period = str(raw.get("period") or PeriodRule.ALWAYS).strip()
        count = _as_int(raw.get("count", 1))
        if not code:
            errors.append(LineError(line, _("ไม่ได้ระบุรหัสข้อ (code)")))
        elif code in seen:
            errors.append(
                LineError(
                    line,
                    _("รหัสข้อ %(code)s ซ้ำกับบรรทัด %(first)s") % {"code": code, "first": seen[code]},
                )
            )
        else:
            seen[code] = line
        if not title_th:
            errors.append(LineError(line, _("ข้อ %s ไม่มีชื่อภาษาไทย (title_th)") % (code or "?")))
        if period not in PeriodRule.values:
            errors.append(
                LineError(
                    line,
                    _("ไม่รู้จักเกณฑ์ช่วงเวลา '%(period)s' (ใช้ได้: %(allowed)s)")
                    % {"period": period, "allowed": ", ".join(PeriodRule.values)},
                )
            )
        if not isinstance(count, int) or count < 1:
            errors.append(LineError(line, _("จำนวนขั้นต่ำ (count) ต้องเป็นจำนวนเต็มตั้งแต่ 1")))
        rule, rule_errors = normalise_rule(raw.get("rule"))
        errors.extend(LineError(line, message) for message in rule_errors)
        unknown = set(raw) - {
            "line", "code", "title_th", "title_en", "group", "evidence", "period", "count",
            "unverified", "note", "rule",
        }  # fmt: skip
        if unknown:
            errors.append(LineError(line, _("ไม่รู้จักช่อง: %s") % ", ".join(sorted(map(str, unknown)))))
        items.append(
            {
                "code": code,
                "sort_order": order,
                "title_th": title_th,
                "title_en": str(raw.get("title_en") or "").strip(),
                "group": str(raw.get("group") or "").strip(),
                "evidence_description": str(raw.get("evidence") or "").strip(),
                "rule": rule,
                "period": period,
                "min_count": count if isinstance(count, int) else 1,
                "unverified": _as_bool(raw.get("unverified")),
                "note": str(raw.get("note") or "").strip(),
            }
        )
    if errors:
        raise CatalogueFileError(sorted(errors, key=lambda error: error.line))
    return fields, items


# --- loading -------------------------------------------------------------------------------


def import_catalogue(parsed: ParsedCatalogue, *, user=None) -> tuple[Catalogue, bool]:
    """Create or replace the catalogue named by the file's slug. Items are matched by code so
    the webmaster's evidence links and not-applicable decisions survive a corrected list."""
    fields, items = validate(parsed)
    with transaction.atomic():
        catalogue, created = Catalogue.objects.update_or_create(
            slug=fields["slug"], defaults={k: v for k, v in fields.items() if k != "slug"}
        )
        existing = {item.code: item for item in catalogue.items.all()}
        for values in items:
            item = existing.pop(values["code"], None) or CatalogueItem(catalogue=catalogue)
            for key, value in values.items():
                setattr(item, key, value)
            item.full_clean()
            item.save()
        for stale in existing.values():
            stale.delete()
        log(
            instance=catalogue,
            action="wagtail.create" if created else "wagtail.edit",
            user=user,
            data={"items": len(items), "imported": True},
        )
    return catalogue, created


def import_catalogue_file(path, *, user=None) -> tuple[Catalogue, bool]:
    return import_catalogue(read_file(path), user=user)


def load_shipped_catalogues(*, only_missing: bool = True) -> list[Catalogue]:
    """Load the catalogues shipped in compliance/catalogues/ (those not yet in the database)."""
    loaded = []
    for path in sorted(SHIPPED_DIR.glob("*.yaml")):
        parsed = read_file(path)
        slug = str(parsed.fields.get("slug") or "")
        if only_missing and Catalogue.objects.filter(slug=slug).exists():
            continue
        loaded.append(import_catalogue(parsed)[0])
    return loaded
