"""The sending side, on an agency's own Prongsai site: push each approved round report to the
province (R36) until the province acknowledges it.

Configured by the agency's settings: ``PRONGSAI_PROVINCE_URL`` (the province site's address)
and ``PRONGSAI_PROVINCE_TOKEN`` (the token the province issued). Without both nothing is sent.
Each approved report gets one ``OutgoingPush`` with a fixed UUID, so a retry after a lost
answer is recognised by the province and stored once.
"""

import base64
import datetime as dt
import json

import requests
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from . import tokens

API_PATH = "/api/parentbody/v1/reports/"
TIMEOUT = 30
MAX_BACKOFF = dt.timedelta(hours=6)


def configured() -> bool:
    return bool(
        getattr(settings, "PRONGSAI_PROVINCE_URL", "")
        and getattr(settings, "PRONGSAI_PROVINCE_TOKEN", "")
    )


def _on_report_saved(sender, instance, **kwargs):
    from prongsai.reports.models import ReportStatus

    if instance.status != ReportStatus.APPROVED or not configured():
        return
    from .models import OutgoingPush

    push_row, _created = OutgoingPush.objects.get_or_create(report=instance)
    if push_row.acknowledged_at is None:
        from .tasks import push_report

        pk = instance.pk
        transaction.on_commit(lambda: push_report.enqueue(pk))


def connect() -> None:
    post_save.connect(
        _on_report_saved, sender="reports.Report", dispatch_uid="parentbody-push-approved"
    )


def payload(report, report_uuid) -> dict:
    from prongsai.reports.exports import render_report_pdf
    from prongsai.reports.models import WRITTEN_FIELDS

    return {
        "report_uuid": str(report_uuid),
        "fiscal_year": report.fiscal_year,
        "round": report.round,
        "period_label": report.label,
        "period": {"start": report.period_start.isoformat(), "end": report.period_end.isoformat()},
        "written": {name: getattr(report, name) for name in WRITTEN_FIELDS},
        "figures": report.snapshot or {},
        "approved_by": report.approved_by.display_name() if report.approved_by else "",
        "approved_at": report.approved_at.isoformat() if report.approved_at else "",
        "pdf": base64.b64encode(render_report_pdf(report)).decode("ascii"),
    }


def push(report_pk: int) -> bool:
    """One attempt; True once the province acknowledged (stored now or already)."""
    from .models import OutgoingPush

    row = (
        OutgoingPush.objects.select_related("report", "report__approved_by")
        .filter(report_id=report_pk)
        .first()
    )
    if row is None or row.acknowledged_at is not None or not configured():
        return row is not None and row.acknowledged_at is not None
    body = json.dumps(payload(row.report, row.report_uuid), ensure_ascii=False).encode("utf-8")
    url = settings.PRONGSAI_PROVINCE_URL.rstrip("/") + API_PATH
    row.attempts += 1
    row.last_tried_at = timezone.now()
    try:
        response = requests.post(
            url,
            data=body,
            headers=tokens.signed_headers(settings.PRONGSAI_PROVINCE_TOKEN, body),
            timeout=TIMEOUT,
        )
        if response.status_code in (200, 201):
            row.acknowledged_at = timezone.now()
            row.last_error = ""
        else:
            row.last_error = f"{response.status_code} {response.text[:500]}"
    except requests.RequestException as error:
        row.last_error = f"{type(error).__name__}: {error}"[:500]
    row.save(update_fields=["attempts", "last_tried_at", "acknowledged_at", "last_error"])
    return row.acknowledged_at is not None


def _due(row, now) -> bool:
    if row.last_tried_at is None:
        return True
    wait = min(dt.timedelta(minutes=2 ** min(row.attempts, 10)), MAX_BACKOFF)
    return now - row.last_tried_at >= wait


def retry_pending(now=None) -> dict:
    """Try again every unacknowledged push whose back-off has passed."""
    from .models import OutgoingPush

    now = now or timezone.now()
    tried = acknowledged = 0
    for row in OutgoingPush.objects.filter(acknowledged_at__isnull=True):
        if not _due(row, now):
            continue
        tried += 1
        acknowledged += push(row.report_id)
    return {"tried": tried, "acknowledged": acknowledged}
