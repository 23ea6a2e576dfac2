"""The one read of an agency's policy. Every service asks here, never Django settings."""

from wagtail.models import Site


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


def enabled_categories(site: Site | None = None) -> list[tuple[str, str]]:
    """The categories the agency uses, in its order, each with the agency's own wording:
    ``[(code, label), …]``; the label is "" where the agency gave none (the section's own
    title stands). Every standard category when the policy lists none (the menu, R1–R11)."""
    from prongsai.core.categories import CATEGORIES

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
