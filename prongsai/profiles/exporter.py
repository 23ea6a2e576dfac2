"""The running site as a profile file: what ``load`` reads, in a stable order."""

import yaml
from wagtail.models import Site

from prongsai.accounts.models import Unit, User
from prongsai.compliance.models import Catalogue
from prongsai.core.models import AgencySettings
from prongsai.policy.selectors import policy_for
from prongsai.publishing.models import InformationClass
from prongsai.reports.models import ReportingSettings

from .loader import SCHEMES
from .schema import ROLE_KEYS, Profile

ROLE_BY_GROUP = {role.value: key for key, role in ROLE_KEYS.items()}


def _agency(site) -> dict:
    agency = AgencySettings.for_site(site)
    return {
        "name_th": agency.name_th,
        "name_en": agency.name_en,
        "short_name": site.site_name or "",
        "parent_body": agency.parent_body,
        "address": agency.address,
        "phone": agency.phone,
        "fax": agency.fax,
        "email": agency.email,
        "webmaster_email": agency.webmaster_email,
        "domain": agency.main_domain,
        "map_url": agency.map_url,
        "supported_browsers": agency.supported_browsers,
        "reader_notice": agency.reader_notice,
    }


def _units() -> list[dict]:
    return [
        {
            "code": unit.code,
            "name": unit.name,
            "name_en": unit.name_en,
            "kind": unit.kind,
            "parent": unit.parent.code if unit.parent else None,
            "head": unit.head.username if unit.head else None,
            "publishers": sorted(unit.publishers.values_list("username", flat=True)),
        }
        for unit in Unit.objects.select_related("parent", "head").order_by("code")
    ]


def _people() -> list[dict]:
    people = []
    for user in User.objects.select_related("unit").order_by("username"):
        groups = set(user.groups.values_list("name", flat=True))
        people.append(
            {
                "username": user.username,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "position": user.position,
                "unit": user.unit.code if user.unit else None,
                "email": user.email,
                "phone": user.phone,
                "roles": [key for key, role in ROLE_KEYS.items() if role.value in groups],
                "superuser": user.is_superuser,
            }
        )
    return people


def _classes() -> list[dict]:
    result = []
    for item in InformationClass.objects.select_related("route").order_by("sort_order", "code"):
        steps = item.route.steps.select_related("approver_unit").order_by("sort_order", "pk")
        result.append(
            {
                "code": item.code,
                "name": item.name,
                "description": item.description,
                "route": {
                    "name": item.route.name,
                    "kind": item.route.kind,
                    "steps": [
                        {
                            "name": step.name,
                            "decided_by": step.decided_by,
                            "role": ROLE_BY_GROUP[step.approver_role],
                            "unit": step.approver_unit.code if step.approver_unit else None,
                            "delegates": sorted(step.delegates.values_list("username", flat=True)),
                        }
                        for step in steps
                    ],
                },
                "direct_publish": {
                    "categories": list(item.direct_publish_categories),
                    "roles": [ROLE_BY_GROUP[value] for value in item.direct_publish_roles],
                },
            }
        )
    return result


def profile_of(site: Site | None = None) -> Profile:
    site = site or Site.objects.get(is_default_site=True)
    policy = policy_for(site)
    reporting = ReportingSettings.for_site(site)
    active = set(Catalogue.objects.filter(is_active=True).values_list("scheme", flat=True))
    data = {
        "profile": policy.profile_name or "exported",
        "guideline": policy.guideline,
        "agency": _agency(site),
        "units": _units(),
        "people": _people(),
        "categories": list(policy.categories),
        "information_classes": _classes(),
        "policy": {
            "publish_deadline_working_days": policy.publish_deadline_working_days,
            "verbal_confirm_working_days": policy.verbal_confirm_working_days,
            "min_webmasters": policy.min_webmasters,
            "review_interval_days": dict(sorted(policy.review_interval_days.items())),
            "review_reminder_every_days": policy.review_reminder_every_days,
            "review_escalate_after_days": policy.review_escalate_after_days,
            "expiry_notice_days": policy.expiry_notice_days,
            "info_request_response_days": policy.info_request_response_days,
            "supervisors": sorted(policy.supervisors.values_list("username", flat=True)),
            "accepted_file_kinds": list(policy.accepted_file_kinds),
            "revision_class": policy.revision_class_code or None,
        },
        "reporting": {
            "cadence": reporting.cadence,
            "due_days": reporting.due_days,
            "supervisor": reporting.supervisor.username if reporting.supervisor else None,
            "owner_unit": reporting.owner_unit.code if reporting.owner_unit else None,
        },
        "catalogues": [key for key, schemes in SCHEMES.items() if active & set(schemes)],
    }
    return Profile.model_validate(data)


def export_text(site: Site | None = None) -> str:
    data = profile_of(site).model_dump(mode="json")
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
