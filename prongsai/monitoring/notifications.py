"""E-mails to owners, unit heads and supervisors. Sent after the transaction commits."""

from prongsai.accounts.roles import Role, users_with_role

from .conf import supervisor_emails


def unit_head(unit):
    return unit.head if unit is not None else None


def owner_unit_of(obj):
    specific = getattr(obj, "specific", obj)
    return getattr(specific, "owner_unit", None)


def owner_recipients(obj) -> list[str]:
    """The owner unit's head and active staff; failing that the page owner or uploader."""
    emails: list[str] = []
    unit = owner_unit_of(obj)
    if unit is not None:
        head = unit_head(unit)
        if head is not None and head.email:
            emails.append(head.email)
        emails += [
            user.email for user in unit.staff.filter(is_active=True).exclude(email="") if user.email
        ]
    if not emails:
        person = getattr(obj, "owner", None) or getattr(obj, "uploaded_by_user", None)
        if person is not None and person.email:
            emails.append(person.email)
    return sorted(set(emails))


def head_recipients(obj) -> list[str]:
    head = unit_head(owner_unit_of(obj))
    return [head.email] if head is not None and head.email else []


def supervisor_recipients() -> list[str]:
    emails = set(supervisor_emails())
    emails |= {u.email for u in users_with_role(Role.EXECUTIVE) if u.email}
    return sorted(emails)
