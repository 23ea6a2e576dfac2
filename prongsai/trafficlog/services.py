"""State changes of this app: recording each access to traffic data, and holds.

Each change is saved in the database, written to Wagtail's log and appended to the
access-audit chain (accessaudit.py) inside one transaction: if the chain cannot be written,
the database change is rolled back and the caller gets the error.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.audit import log
from prongsai.core.clientip import client_ip

from . import accessaudit
from .models import Hold, TrafficAccess


@transaction.atomic
def record_access(request, *, action, outcome, query=None, reason="", result_count=None):
    user = request.user if request.user.is_authenticated else None
    access = TrafficAccess.objects.create(
        user=user,
        username=user.get_username() if user else "",
        action=action,
        outcome=outcome,
        query=query or {},
        reason=reason,
        result_count=result_count,
        # The same address as the traffic record and the lockout: behind our nginx, the client's.
        client_ip=client_ip(request),
        request_id=getattr(request, "request_id", ""),
    )
    log(
        instance=access,
        action=f"prongsai.traffic.{action}.{outcome}",
        user=user,
        data={"query": query or {}, "reason": reason, "result_count": result_count},
    )
    accessaudit.append(accessaudit.KIND_ACCESS, accessaudit.access_data(access))
    return access


@transaction.atomic
def create_hold(user, **fields) -> Hold:
    hold = Hold(created_by=user, **fields)
    hold.full_clean()
    hold.save()
    log(instance=hold, action="prongsai.traffic.hold.create", user=user)
    accessaudit.append(accessaudit.KIND_HOLD_CREATE, accessaudit.hold_data(hold))
    return hold


@transaction.atomic
def end_hold(user, hold: Hold, note: str) -> Hold:
    """The order was lifted: retention may delete the range again (the row stays on record)."""
    hold = Hold.objects.select_for_update().get(pk=hold.pk)
    if hold.ended_at is not None:
        raise ValidationError(_("คำสั่งนี้ถูกยกเลิกไปแล้ว"))
    if not note.strip():
        raise ValidationError({"end_note": _("กรุณาระบุเหตุผลที่ยกเลิกคำสั่ง")})
    hold.ended_at, hold.ended_by, hold.end_note = timezone.now(), user, note.strip()
    hold.full_clean()
    hold.save(update_fields=["ended_at", "ended_by", "end_note"])
    log(instance=hold, action="prongsai.traffic.hold.end", user=user, data={"note": hold.end_note})
    accessaudit.append(accessaudit.KIND_HOLD_END, accessaudit.hold_end_data(hold))
    return hold
