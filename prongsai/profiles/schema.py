"""The agency profile file (profiles/*.yaml), validated with pydantic (docs/adr/0181).

The schema checks each value by itself; ``check_references`` then checks what refers to what
(units, people, categories, information classes). Both report the path of the offending value,
which ``yamlfile`` turns into a line and column of the file.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from prongsai.accounts.models import UnitKind
from prongsai.accounts.roles import Role
from prongsai.core.categories import CATEGORIES
from prongsai.publishing.models import DecidedBy, RouteKind
from prongsai.reports.periods import Cadence

Code = Annotated[
    str, StringConstraints(min_length=1, max_length=50, pattern=r"^[a-z0-9][a-z0-9-]*$")
]
Username = Annotated[str, StringConstraints(min_length=1, max_length=150, pattern=r"^[\w.@+-]+$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=255)]
Days = Annotated[int, Field(ge=1, le=3650, strict=True)]

#: The role keys a profile may use, and the role group each one means. The traffic
#: coordinator is absent on purpose: it is given only by the two-person action (ADR 0071).
ROLE_KEYS: dict[str, Role] = {
    "data_owner": Role.DATA_OWNER,
    "approver": Role.APPROVER,
    "publisher": Role.PUBLISHER,
    "webmaster": Role.WEBMASTER,
    "administrator": Role.ADMINISTRATOR,
    "executive": Role.EXECUTIVE,
    "moderator": Role.MODERATOR,
}
RoleKey = Literal[
    "data_owner", "approver", "publisher", "webmaster", "administrator", "executive", "moderator"
]
StepRole = Literal["approver", "executive", "webmaster"]
DirectRole = Literal["publisher", "webmaster"]
UnitKindKey = Literal[tuple(UnitKind.values)]  # type: ignore[valid-type]
RouteKindKey = Literal[tuple(RouteKind.values)]  # type: ignore[valid-type]
DecidedByKey = Literal[tuple(DecidedBy.values)]  # type: ignore[valid-type]
CadenceKey = Literal[tuple(Cadence.values)]  # type: ignore[valid-type]
CatalogueKey = Literal["gws", "oia", "ita-oit"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Agency(Strict):
    name_th: Text
    name_en: str = ""
    short_name: str = ""
    parent_body: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    webmaster_email: str = ""
    domain: str = ""
    map_url: str = ""
    supported_browsers: str = ""
    reader_notice: str = ""


class Unit(Strict):
    code: Code
    name: Text
    name_en: str = ""
    kind: UnitKindKey = "group"
    parent: Code | None = None
    head: Username | None = None
    publishers: list[Username] = []


class Person(Strict):
    username: Username
    first_name: Text
    last_name: str = ""
    position: str = ""
    unit: Code | None = None
    email: str = ""
    phone: str = ""
    roles: list[RoleKey] = []
    superuser: bool = False


class Category(Strict):
    code: str
    label: str = ""


class Step(Strict):
    name: Text
    #: ``unit-head``: the head of the requesting unit decides (and the delegates); ``role`` and
    #: ``unit`` then stay unset (docs/adr/0300-unit-head-approval-step.md).
    decided_by: DecidedByKey = "role"
    role: StepRole = "approver"
    unit: Code | None = None
    delegates: list[Username] = []


class Route(Strict):
    name: Text
    kind: RouteKindKey
    steps: list[Step] = []


class DirectPublish(Strict):
    categories: list[str] = []
    roles: list[DirectRole] = []


class InformationClass(Strict):
    code: Code
    name: Text
    description: str = ""
    route: Route
    direct_publish: DirectPublish = DirectPublish()


class Policy(Strict):
    publish_deadline_working_days: Days = 3
    verbal_confirm_working_days: Days = 2
    min_webmasters: Days = 2
    review_interval_days: dict[str, Days] = {"default": 365}
    review_reminder_every_days: Days = 7
    review_escalate_after_days: Days = 14
    expiry_notice_days: Days = 7
    #: OIA s.11 requests: calendar days to answer; the Commission's guidance allows at most 15.
    info_request_response_days: Annotated[int, Field(ge=1, le=15, strict=True)] = 15
    supervisors: list[Username] = []
    accepted_file_kinds: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+$")]] = []
    revision_class: Code | None = None


class Reporting(Strict):
    cadence: CadenceKey = "half-yearly"
    due_days: Days = 30
    supervisor: Username | None = None
    owner_unit: Code | None = None


class Profile(Strict):
    profile: Code
    guideline: str = ""
    agency: Agency
    units: list[Unit] = []
    people: list[Person] = []
    categories: list[Category] = []
    information_classes: list[InformationClass] = []
    policy: Policy = Policy()
    reporting: Reporting = Reporting()
    catalogues: list[CatalogueKey] = ["gws", "oia"]


#: (path, Thai message, English message)
Problem = tuple[tuple, str, str]


def _duplicates(items, key) -> list[tuple[int, str]]:
    seen, found = set(), []
    for index, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            found.append((index, value))
        seen.add(value)
    return found


def _unit_head_step_problems(path, step: Step) -> list[Problem]:
    """A unit-head step is decided by the requesting unit's head: a unit or another role would
    say something the step does not do."""
    problems: list[Problem] = []
    if step.unit is not None:
        problems.append(
            (
                (*path, "unit"),
                "ขั้นตอนที่หัวหน้าหน่วยงานเจ้าของข้อมูลพิจารณา (decided_by: unit-head)"
                " ใช้หน่วยงานของผู้ขอเสมอ ไม่ระบุ unit",
                "a step decided by the requesting unit's head (decided_by: unit-head) takes no unit",
            )
        )
    if step.role != "approver":
        problems.append(
            (
                (*path, "role"),
                "ขั้นตอนที่หัวหน้าหน่วยงานเจ้าของข้อมูลพิจารณา (decided_by: unit-head) ไม่ใช้ role",
                "a step decided by the requesting unit's head (decided_by: unit-head) takes no role",
            )
        )
    return problems


def check_references(profile: Profile) -> list[Problem]:
    """What the schema alone cannot see: names that must exist, and must be unique."""
    problems: list[Problem] = []
    units = {unit.code for unit in profile.units}
    people = {person.username for person in profile.people}
    classes = {item.code for item in profile.information_classes}

    def unknown_unit(path, code):
        if code is not None and code not in units:
            problems.append(
                (
                    path,
                    f"ไม่มีหน่วยงานรหัส “{code}” ในรายการ units",
                    f"no unit with code “{code}” in units",
                )
            )

    def unknown_person(path, username):
        if username is not None and username not in people:
            problems.append(
                (
                    path,
                    f"ไม่มีบุคคลชื่อผู้ใช้ “{username}” ในรายการ people",
                    f"no person “{username}” in people",
                )
            )

    def unknown_category(path, code):
        if code not in CATEGORIES:
            problems.append(
                (path, f"ไม่มีหมวดข้อมูล “{code}” ตามมาตรฐานเว็บไซต์ภาครัฐ", f"unknown category “{code}”")
            )

    for index, value in _duplicates(profile.units, "code"):
        problems.append(
            (("units", index, "code"), f"รหัสหน่วยงาน “{value}” ซ้ำ", f"duplicate unit code “{value}”")
        )
    for index, value in _duplicates(profile.people, "username"):
        problems.append(
            (("people", index, "username"), f"ชื่อผู้ใช้ “{value}” ซ้ำ", f"duplicate username “{value}”")
        )
    for index, value in _duplicates(profile.information_classes, "code"):
        problems.append(
            (
                ("information_classes", index, "code"),
                f"รหัสประเภทข้อมูล “{value}” ซ้ำ",
                f"duplicate information class code “{value}”",
            )
        )
    for index, value in _duplicates(profile.categories, "code"):
        problems.append(
            (("categories", index, "code"), f"หมวด “{value}” ซ้ำ", f"duplicate category “{value}”")
        )
    for index, unit in enumerate(profile.units):
        unknown_unit(("units", index, "parent"), unit.parent)
        unknown_person(("units", index, "head"), unit.head)
        for position, username in enumerate(unit.publishers):
            unknown_person(("units", index, "publishers", position), username)
    for index, person in enumerate(profile.people):
        unknown_unit(("people", index, "unit"), person.unit)
    for index, category in enumerate(profile.categories):
        unknown_category(("categories", index, "code"), category.code)
    for index, item in enumerate(profile.information_classes):
        for number, step in enumerate(item.route.steps):
            path = ("information_classes", index, "route", "steps", number)
            unknown_unit((*path, "unit"), step.unit)
            if step.decided_by == DecidedBy.UNIT_HEAD:
                problems.extend(_unit_head_step_problems(path, step))
            for position, username in enumerate(step.delegates):
                unknown_person((*path, "delegates", position), username)
        for position, code in enumerate(item.direct_publish.categories):
            unknown_category(
                ("information_classes", index, "direct_publish", "categories", position), code
            )
        if (
            item.direct_publish.categories or item.direct_publish.roles
        ) and item.route.kind != "exempt":
            problems.append(
                (
                    ("information_classes", index, "direct_publish"),
                    "เผยแพร่โดยตรงได้เฉพาะประเภทข้อมูลงานประจำ (route.kind: exempt)",
                    "direct publication is only for routine classes (route.kind: exempt)",
                )
            )
    for key in profile.policy.review_interval_days:
        if key != "default":
            unknown_category(("policy", "review_interval_days", key), key)
    for position, username in enumerate(profile.policy.supervisors):
        unknown_person(("policy", "supervisors", position), username)
    if profile.policy.revision_class is not None and profile.policy.revision_class not in classes:
        problems.append(
            (
                ("policy", "revision_class"),
                f"ไม่มีประเภทข้อมูลรหัส “{profile.policy.revision_class}”",
                f"no information class “{profile.policy.revision_class}”",
            )
        )
    unknown_person(("reporting", "supervisor"), profile.reporting.supervisor)
    unknown_unit(("reporting", "owner_unit"), profile.reporting.owner_unit)
    return problems
