"""Who may do what with a report. Services check these; views only hide what they refuse."""

from prongsai.accounts.roles import Role, user_has_role, users_with_role

WRITER_ROLES = (Role.WEBMASTER, Role.ADMINISTRATOR)


def is_writer(user) -> bool:
    return any(user_has_role(user, role) for role in WRITER_ROLES)


def is_executive(user) -> bool:
    return user_has_role(user, Role.EXECUTIVE)


def supervisors(site) -> list:
    """The site's named supervisor, or (none named) everyone holding the executive role."""
    from .models import ReportingSettings

    chosen = ReportingSettings.for_site(site).supervisor
    if chosen is not None and chosen.is_active:
        return [chosen]
    return list(users_with_role(Role.EXECUTIVE))


def is_supervisor(user, site) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return any(person.pk == user.pk for person in supervisors(site))


def can_view(user, site) -> bool:
    return is_writer(user) or is_executive(user) or is_supervisor(user, site)


def can_write(user, report) -> bool:
    return is_writer(user) and report.is_editable


def can_decide(user, report) -> bool:
    """The supervisor decides, never on a report they submitted themselves."""
    from .models import ReportStatus

    return (
        report.status == ReportStatus.SUBMITTED
        and is_supervisor(user, report.site)
        and user.pk != report.submitted_by_id
    )


def can_publish(user, report) -> bool:
    return is_writer(user) and report.is_frozen
