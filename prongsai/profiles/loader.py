"""Load a validated profile into a site, in one transaction: all of it or nothing (R60–R64)."""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Page, Site

from prongsai.accounts.models import Unit, User
from prongsai.accounts.role_sync import role_group, sync_roles
from prongsai.compliance.catalogue_io import load_shipped_catalogues
from prongsai.compliance.models import Catalogue
from prongsai.core.audit import log
from prongsai.core.categories import CATEGORIES
from prongsai.core.demo import ensure_wagtail_roots
from prongsai.core.models import AgencySettings
from prongsai.policy.selectors import policy_for
from prongsai.policy.services import update_policy
from prongsai.publishing.models import (
    ApprovalRoute,
    InformationClass,
    PublishRequest,
    RouteStep,
)
from prongsai.publishing.pages import SECTION_PAGES
from prongsai.publishing.workflows import sync_route_workflow
from prongsai.reports.models import ReportingSettings
from prongsai.sitepages import models as site_pages

from .schema import ROLE_KEYS, Profile

ACTION = "prongsai.profile.loaded"
SCHEMES = {"gws": ("gws",), "oia": ("oia",), "ita-oit": ("ita-oit", "ita-oit-sector")}


class SiteHasContent(Exception):
    def __init__(self, contents: list[str]):
        super().__init__("; ".join(contents))
        self.contents = contents


class CannotReplace(Exception):
    """``--replace`` would have to remove records it does not remove (documents of a unit,
    reports, information requests… that name a unit or account): nothing was changed."""

    def __init__(self, kept: list[str]):
        super().__init__("; ".join(kept))
        self.kept = kept


def _kept_records(objects) -> list[str]:
    counts = Counter(str(item._meta.verbose_name_plural) for item in objects)
    return [f"{name} {count} รายการ" for name, count in sorted(counts.items())]


@dataclass
class LoadResult:
    site: Site
    accounts: list[tuple[str, str]] = field(default_factory=list)  # (username, link or password)
    removed: list[str] = field(default_factory=list)


def existing_content() -> list[str]:
    """What a fresh site does not have, in Thai, one line per kind (empty: the site is fresh)."""
    pages = Page.objects.filter(depth__gt=1).exclude(
        depth=2, content_type__model="page", numchild=0
    )
    counts = [
        (pages.count(), "หน้าเว็บ {n} หน้า"),
        (Unit.objects.count(), "หน่วยงานภายใน {n} หน่วย"),
        (User.objects.filter(is_superuser=False).count(), "บัญชีเจ้าหน้าที่ {n} บัญชี"),
        (InformationClass.objects.count(), "ประเภทข้อมูลและเส้นทางอนุมัติ {n} ประเภท"),
        (PublishRequest.objects.count(), "คำขอเผยแพร่ {n} รายการ"),
    ]
    return [template.format(n=count) for count, template in counts if count]


def _remove_content() -> None:
    PublishRequest.objects.all().delete()
    classes = InformationClass.objects.select_related("route")
    routes = [item.route for item in classes]
    classes.delete()
    for route in routes:
        if route.workflow is not None:
            route.workflow.deactivate()
    ApprovalRoute.objects.all().delete()
    for page in Page.objects.filter(depth=2):
        page.delete()
    Unit.objects.update(parent=None, head=None)
    Unit.objects.all().delete()
    User.objects.filter(is_superuser=False).delete()


def _home(agency_name: str, short_name: str):
    root = ensure_wagtail_roots()
    for placeholder in Page.objects.filter(depth=2):
        if placeholder.specific_class is Page and not placeholder.get_children().exists():
            placeholder.delete()
    home = Page.objects.type(site_pages.HomePage).first()
    if home is None:
        home = site_pages.HomePage(title="หน้าแรก", slug="home", introduction=agency_name)
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": short_name or agency_name,
        },
    )
    return home.specific, Site.objects.get(is_default_site=True)


def _sections(home, profile: Profile) -> None:
    codes = [item.code for item in profile.categories] or list(CATEGORIES)
    labels = {item.code: item.label for item in profile.categories if item.label}
    for code in codes:
        section = SECTION_PAGES[code]
        if section.single:
            continue
        category = CATEGORIES[code]
        if Page.objects.child_of(home).type(section.index_model).exists():
            continue
        page = section.index_model(
            title=labels.get(code) or category.name_th, slug=category.slug, show_in_menus=True
        )
        home.add_child(instance=page)
        page.save_revision().publish()


def _agency(site, profile: Profile) -> None:
    agency, _ = AgencySettings.objects.get_or_create(site=site)
    data = profile.agency
    for name in ("name_th", "name_en", "parent_body", "address", "phone", "fax", "email"):
        setattr(agency, name, getattr(data, name))
    agency.webmaster_email = data.webmaster_email
    agency.main_domain = data.domain
    agency.map_url = data.map_url
    if data.supported_browsers:
        agency.supported_browsers = data.supported_browsers
    if data.reader_notice:
        agency.reader_notice = data.reader_notice
    agency.full_clean()
    agency.save()


def _people(profile: Profile, *, demo_password) -> tuple[dict, dict, list]:
    sync_roles()
    units = {}
    for item in profile.units:
        units[item.code] = Unit.objects.create(
            code=item.code, name=item.name, name_en=item.name_en, kind=item.kind
        )
    for item in profile.units:
        if item.parent:
            units[item.code].parent = units[item.parent]
            units[item.code].save(update_fields=["parent"])
    people, accounts = {}, []
    for item in profile.people:
        user = User(
            username=item.username,
            first_name=item.first_name,
            last_name=item.last_name,
            position=item.position,
            email=item.email,
            phone=item.phone,
            unit=units.get(item.unit),
            is_staff=True,
            is_superuser=item.superuser,
        )
        if demo_password is None:
            # Named people choose their own password through a one-time link.
            user.set_unusable_password()
        else:
            user.set_password(demo_password(item.username))
        user.save()
        user.groups.add(*(role_group(ROLE_KEYS[key]) for key in item.roles))
        people[item.username] = user
        accounts.append(
            (item.username, demo_password(item.username) if demo_password else _set_link(user))
        )
    for item in profile.units:
        unit = units[item.code]
        if item.head:
            unit.head = people[item.head]
            unit.save(update_fields=["head"])
        unit.publishers.set([people[name] for name in item.publishers])
    return units, people, accounts


def _set_link(user) -> str:
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path


def _classes(profile: Profile, units, people) -> None:
    for order, item in enumerate(profile.information_classes):
        route = ApprovalRoute.objects.create(name=item.route.name, kind=item.route.kind)
        for number, step in enumerate(item.route.steps):
            row = RouteStep.objects.create(
                route=route,
                sort_order=number,
                name=step.name,
                decided_by=step.decided_by,
                approver_role=ROLE_KEYS[step.role].value,
                approver_unit=units.get(step.unit),
            )
            # A ParentalManyToManyField keeps the set in memory until committed.
            row.delegates.set([people[name] for name in step.delegates])
            row.delegates.commit()
        information_class = InformationClass(
            code=item.code,
            name=item.name,
            description=item.description,
            route=route,
            sort_order=order,
            direct_publish_categories=list(item.direct_publish.categories),
            direct_publish_roles=[ROLE_KEYS[key].value for key in item.direct_publish.roles],
        )
        information_class.full_clean()
        information_class.save()
        sync_route_workflow(route)


def _policy(site, profile: Profile, people) -> None:
    data = profile.policy
    policy = policy_for(site)
    update_policy(
        policy,
        None,
        profile_name=profile.profile,
        guideline=profile.guideline,
        publish_deadline_working_days=data.publish_deadline_working_days,
        verbal_confirm_working_days=data.verbal_confirm_working_days,
        min_webmasters=data.min_webmasters,
        review_interval_days=dict(data.review_interval_days),
        review_reminder_every_days=data.review_reminder_every_days,
        review_escalate_after_days=data.review_escalate_after_days,
        expiry_notice_days=data.expiry_notice_days,
        info_request_response_days=data.info_request_response_days,
        accepted_file_kinds=list(data.accepted_file_kinds),
        revision_class_code=data.revision_class or "",
        categories=[item.model_dump() for item in profile.categories],
        supervisors=[people[name] for name in data.supervisors],
    )
    reporting, _ = ReportingSettings.objects.get_or_create(site=site)
    reporting.cadence = profile.reporting.cadence
    reporting.due_days = profile.reporting.due_days
    reporting.supervisor = people.get(profile.reporting.supervisor)
    reporting.owner_unit = Unit.objects.filter(code=profile.reporting.owner_unit).first()
    reporting.save()


def _catalogues(profile: Profile) -> None:
    load_shipped_catalogues()
    active = {scheme for key in profile.catalogues for scheme in SCHEMES[key]}
    for catalogue in Catalogue.objects.all():
        wanted = catalogue.scheme in active
        if catalogue.is_active != wanted:
            catalogue.is_active = wanted
            catalogue.save(update_fields=["is_active"])


@transaction.atomic
def load(profile: Profile, *, replace: bool = False, demo_password=None) -> LoadResult:
    """Load ``profile`` into the default site. Refused (SiteHasContent) on a site with content
    unless ``replace``; ``demo_password(username)`` gives demo accounts a known password."""
    contents = existing_content()
    if contents and not replace:
        raise SiteHasContent(contents)
    if contents:
        try:
            _remove_content()
        except (ProtectedError, RestrictedError) as kept:
            # The whole load is one transaction: raising here leaves the site as it was.
            objects = getattr(kept, "protected_objects", None) or kept.restricted_objects
            raise CannotReplace(_kept_records(objects)) from kept
    home, site = _home(profile.agency.name_th, profile.agency.short_name)
    _agency(site, profile)
    _sections(home, profile)
    units, people, accounts = _people(profile, demo_password=demo_password)
    _classes(profile, units, people)
    _policy(site, profile, people)
    _catalogues(profile)
    log(
        instance=policy_for(site),
        action=ACTION,
        data={"profile": profile.profile, "replaced": contents},
    )
    return LoadResult(site=site, accounts=accounts, removed=contents)
