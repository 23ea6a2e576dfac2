"""The one read of an agency's policy. Every service asks here, never Django settings."""

from dataclasses import dataclass

from wagtail.models import Site

from prongsai.core.categories import CATEGORIES, Category


def default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def policy_for(site: Site | None = None):
    """The policy of ``site`` (the default site when None), created from the defaults if new."""
    from .models import AgencyPolicy

    site = site or default_site()
    if site is None:
        # No site yet (an empty database): the install-wide defaults, unsaved.
        return AgencyPolicy()
    return AgencyPolicy.for_site(site)


def supervisor_users(site: Site | None = None) -> list:
    policy = policy_for(site)
    if policy.pk is None:
        return []
    return list(policy.supervisors.filter(is_active=True))


@dataclass(frozen=True)
class SiteCategory:
    """A standard category as one site uses it: enabled, in the agency's order and wording."""

    code: str
    label: str
    standard: Category

    def __str__(self) -> str:
        return self.label


def enabled_categories(site: Site | None = None) -> list[SiteCategory]:
    """The categories ``site`` uses, in its order, named as the agency names them.

    An empty policy list means every standard category, in the standard's order and names.
    Every staff-side chooser and the public menu list categories from here (R60–R64).
    """
    entries = policy_for(site).categories or [{"code": code} for code in CATEGORIES]
    result, seen = [], set()
    for item in entries:
        code = item.get("code") if isinstance(item, dict) else None
        if code not in CATEGORIES or code in seen:
            continue
        seen.add(code)
        standard = CATEGORIES[code]
        result.append(SiteCategory(code, item.get("label") or standard.name_th, standard))
    return result


def category_choices(site: Site | None = None) -> list[tuple[str, str]]:
    return [(category.code, category.label) for category in enabled_categories(site)]


def category_labels(site: Site | None = None) -> dict[str, str]:
    """Every standard code → the name the site shows (agency wording where it has one).

    Covers categories the site no longer uses too, so older items still show a name.
    """
    labels = {code: category.name_th for code, category in CATEGORIES.items()}
    labels.update({category.code: category.label for category in enabled_categories(site)})
    return labels


def category_label(code: str, site: Site | None = None) -> str:
    return category_labels(site).get(code, code)


def menu_categories(site: Site | None = None) -> list[tuple[str, str]]:
    """The categories the agency uses, in its order, each with the agency's own wording:
    ``[(code, label), …]``; the label is "" where the agency gave none (the section's own
    title stands). Every standard category when the policy lists none (the menu, R1–R11)."""
    policy = policy_for(site)
    listed = [item for item in policy.categories or [] if isinstance(item, dict)]
    if not listed:
        return [(code, "") for code in CATEGORIES]
    enabled, seen = [], set()
    for item in listed:
        code = item.get("code")
        if code in CATEGORIES and code not in seen:
            seen.add(code)
            enabled.append((code, str(item.get("label") or "").strip()))
    return enabled
