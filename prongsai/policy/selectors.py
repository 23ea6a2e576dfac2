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
