"""The main menu in groups, so twelve sections fit one row at 768 and 1440 px (issue 19).

The home page's sections are grouped by their standard category; the agency's policy decides
which categories appear, in which order and under which wording (``sitestate.menu_categories``,
set by the policy app). A group with one entry is a plain link; the others open a sub-menu
(``<details>`` in the template, so it works without JavaScript). The citizen's tasks (ask,
complain, request information) sit in the services group; the OIT page and the contact page
close the row.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str = ""  # the tree path, to mark the section the visitor is in
    category: str = ""


@dataclass(frozen=True)
class MenuGroup:
    key: str
    title: str
    items: tuple[MenuItem, ...] = field(default_factory=tuple)

    @property
    def single(self) -> MenuItem | None:
        return self.items[0] if len(self.items) == 1 else None

    def contains(self, path: str) -> bool:
        return any(item.path and path.startswith(item.path) for item in self.items)


#: (group key, its title, the categories in it)
GROUPS = (
    ("about", _("เกี่ยวกับหน่วยงาน"), ("agency", "cio")),
    ("news", _("ข่าวประชาสัมพันธ์"), ("news",)),
    (
        "information",
        _("ข้อมูลข่าวสาร"),
        ("oia", "laws", "operations-manuals", "knowledge", "statistics", "links"),
    ),
    ("services", _("บริการประชาชน"), ("service-manuals", "eservices")),
)
#: Links every agency's citizens need, by URL name (their apps are above core).
SERVICE_TASKS = (
    (_("ถามตอบ / ร้องเรียน"), "feedback:questions"),
    (_("ขอข้อมูลข่าวสาร"), "inforequests:ask"),
)


def _reversed(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def arrange(
    sections: Iterable[MenuItem],
    enabled: list[tuple[str, str]] | None,
    contact_url: str = "",
) -> tuple[MenuGroup, ...]:
    """The menu's top row: the sections grouped, filtered, ordered and named by ``enabled``
    (``[(category code, label)]``, a blank label keeping the section's own title; None keeps
    every section)."""
    sections = list(sections)
    if enabled is not None:
        order = {code: index for index, (code, _label) in enumerate(enabled)}
        labels = dict(enabled)
        sections = [
            MenuItem(labels.get(item.category) or item.title, item.url, item.path, item.category)
            if item.category
            else item
            for item in sections
            if not item.category or item.category in order
        ]
        sections.sort(key=lambda item: order.get(item.category, len(order)))
    groups, ranks = [], []
    for rank_base, (key, title, codes) in enumerate(GROUPS):
        items = [item for item in sections if item.category in codes]
        if key == "services":
            items += [
                MenuItem(str(label), url)
                for label, name in SERVICE_TASKS
                if (url := _reversed(name))
            ]
        if not items:
            continue
        positions = [sections.index(item) for item in items if item in sections]
        groups.append(MenuGroup(key, str(title), tuple(items)))
        ranks.append(min(positions) if positions else len(sections) + rank_base)
    grouped = {code for _key, _title, codes in GROUPS for code in codes}
    ordered = [
        group for _rank, group in sorted(zip(ranks, groups, strict=True), key=lambda pair: pair[0])
    ]
    # Sections of no standard category (a general page put in the menu) keep their own link.
    ordered += [
        MenuGroup(f"page-{index}", item.title, (item,))
        for index, item in enumerate(sections)
        if item.category not in grouped
    ]
    if url := _reversed("compliance:oit-index"):
        ordered.append(MenuGroup("oit", "ITA/OIT", (MenuItem(str(_("ITA/OIT")), url),)))
    if contact_url:
        ordered.append(
            MenuGroup("contact", str(_("ติดต่อเรา")), (MenuItem(str(_("ติดต่อเรา")), contact_url),))
        )
    return tuple(ordered)
