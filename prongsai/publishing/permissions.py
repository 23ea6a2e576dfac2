"""Who may do what with a publish request (R20–R24): one predicate per action.

Services refuse with these (``prongsai.core.permissions.refuse``); the request screen, the
selectors and the dashboard panels ask the same ones to show or hide what is refused.
"""

from django.utils.translation import gettext as _

from prongsai.accounts.roles import Role, user_has_role

from .models import Status

PUBLISHER_ROLES = (Role.PUBLISHER, Role.WEBMASTER)
OVERSEER_ROLES = (Role.APPROVER, Role.PUBLISHER, Role.WEBMASTER, Role.ADMINISTRATOR, Role.EXECUTIVE)


def can_request(user) -> bool:
    return user_has_role(user, Role.DATA_OWNER)


def is_publisher(user) -> bool:
    return any(user_has_role(user, role) for role in PUBLISHER_ROLES)


def can_see_all(user) -> bool:
    return any(user_has_role(user, role) for role in OVERSEER_ROLES)


def decide_refusal(user, publish_request) -> str | None:
    """Why ``user`` may not decide the request's current step, or None if they may."""
    if publish_request.status != Status.PENDING:
        return _("คำขอนี้อยู่ในสถานะ “%(status)s” แล้ว ไม่สามารถเปลี่ยนการตัดสินใจได้") % {
            "status": publish_request.get_status_display()
        }
    if user.pk == publish_request.requester_id:
        return _("ท่านเป็นผู้ยื่นคำขอนี้เอง จึงพิจารณาอนุมัติคำขอของตนเองไม่ได้")
    step = publish_request.pending_step()
    if step is None or not step.can_decide(user, publish_request):
        return _("ท่านไม่มีสิทธิ์พิจารณาคำขอนี้ในขั้นตอนปัจจุบัน")
    return None


def can_decide(user, publish_request) -> bool:
    return decide_refusal(user, publish_request) is None


def can_publish(user, publish_request) -> bool:
    return is_publisher(user) and publish_request.status == Status.APPROVED


def can_open_revision(user, page) -> bool:
    """May ask for a live page to be revised through the approval route (R31): a webmaster,
    the page's owner, or staff of the unit that owns it. The periodic review asks the same."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user_has_role(user, Role.WEBMASTER):
        return True
    owner_unit_id = getattr(getattr(page, "specific", page), "owner_unit_id", None)
    return page.owner_id == user.pk or (owner_unit_id is not None and user.unit_id == owner_unit_id)
