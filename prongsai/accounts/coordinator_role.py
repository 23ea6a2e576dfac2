"""Giving or taking away the traffic coordinator role takes two people (R40, ADR 0071).

Traffic data is kept out of administrators' reach, so an administrator must not be able to
make themselves (or a friend, alone) coordinator. The generic user editor cannot touch the
role (admin_users.py); only these services can: an administrator proposes, a second person
(the executive or another administrator) confirms, nobody acts on their own account, the
existing coordinators are told, and every step — refusals included — is in the audit log.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.audit import log
from prongsai.core.permissions import refuse

from . import notifications
from .models import CoordinatorChangeStatus, CoordinatorRoleChange
from .permissions import can_confirm_coordinator, can_propose_coordinator
from .role_sync import role_group
from .roles import Role, users_with_role


def is_coordinator(user) -> bool:
    return user.groups.filter(name=Role.TRAFFIC_COORDINATOR.value).exists()


def _refuse(account, by, step: str, message: str):
    log(
        instance=account,
        action="prongsai.account.coordinator_refused",
        user=by,
        data={"step": step, "reason": message},
    )
    refuse(message)


def propose(account, *, grant: bool, by, reason: str) -> CoordinatorRoleChange:
    if not can_propose_coordinator(by):
        _refuse(account, by, "propose", _("เฉพาะผู้ดูแลระบบเสนอแต่งตั้งหรือถอดถอนได้"))
    if account.pk == by.pk:
        _refuse(account, by, "propose", _("เสนอแต่งตั้งหรือถอดถอนตนเองไม่ได้"))
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลหรือเลขที่คำสั่งแต่งตั้ง")})
    if grant and (is_coordinator(account) or not account.is_active):
        raise ValidationError({"account": _("ผู้ใช้นี้เป็นผู้ประสานงานข้อมูลจราจรอยู่แล้ว หรือบัญชีถูกปิดใช้งาน")})
    if not grant and not is_coordinator(account):
        raise ValidationError({"account": _("ผู้ใช้นี้ไม่ได้เป็นผู้ประสานงานข้อมูลจราจร")})
    if CoordinatorRoleChange.objects.filter(
        account=account, status=CoordinatorChangeStatus.PENDING
    ).exists():
        raise ValidationError({"account": _("มีรายการของผู้ใช้นี้รอการยืนยันอยู่แล้ว")})
    with transaction.atomic():
        change = CoordinatorRoleChange.objects.create(
            account=account, grant=grant, reason=reason, proposed_by=by
        )
        log(
            instance=account,
            action="prongsai.account.coordinator_proposed",
            user=by,
            data={"change": change.pk, "grant": grant, "reason": reason},
        )
    return change


def confirm(change: CoordinatorRoleChange, *, by) -> None:
    account = change.account
    if not can_confirm_coordinator(by):
        _refuse(account, by, "confirm", _("เฉพาะผู้บริหารหรือผู้ดูแลระบบอีกคนหนึ่งยืนยันได้"))
    if by.pk in (change.proposed_by_id, change.account_id):
        _refuse(account, by, "confirm", _("ผู้เสนอหรือผู้ถูกแต่งตั้งยืนยันรายการนี้เองไม่ได้"))
    with transaction.atomic():
        change = CoordinatorRoleChange.objects.select_for_update().get(pk=change.pk)
        if change.status != CoordinatorChangeStatus.PENDING:
            raise ValidationError(_("รายการนี้ได้รับการยืนยันหรือยกเลิกไปแล้ว"))
        told = list(users_with_role(Role.TRAFFIC_COORDINATOR))
        group = role_group(Role.TRAFFIC_COORDINATOR)
        if change.grant:
            account.groups.add(group)
        else:
            account.groups.remove(group)
        change.status = CoordinatorChangeStatus.CONFIRMED
        change.decided_by, change.decided_at = by, timezone.now()
        change.save(update_fields=["status", "decided_by", "decided_at"])
        log(
            instance=account,
            action=(
                "prongsai.account.coordinator_granted"
                if change.grant
                else "prongsai.account.coordinator_revoked"
            ),
            user=by,
            data={
                "change": change.pk,
                "proposed_by": change.proposed_by_id,
                "reason": change.reason,
            },
        )
        notifications.coordinator_changed(change, [*told, account])


def cancel(change: CoordinatorRoleChange, *, by) -> None:
    if not can_propose_coordinator(by) and by.pk != change.proposed_by_id:
        _refuse(change.account, by, "cancel", _("เฉพาะผู้ดูแลระบบยกเลิกรายการได้"))
    with transaction.atomic():
        change = CoordinatorRoleChange.objects.select_for_update().get(pk=change.pk)
        if change.status != CoordinatorChangeStatus.PENDING:
            raise ValidationError(_("รายการนี้ได้รับการยืนยันหรือยกเลิกไปแล้ว"))
        change.status = CoordinatorChangeStatus.CANCELLED
        change.decided_by, change.decided_at = by, timezone.now()
        change.save(update_fields=["status", "decided_by", "decided_at"])
        log(
            instance=change.account,
            action="prongsai.account.coordinator_cancelled",
            user=by,
            data={"change": change.pk},
        )


def pending_changes():
    return CoordinatorRoleChange.objects.filter(
        status=CoordinatorChangeStatus.PENDING
    ).select_related("account", "proposed_by")
