"""Publication windows (R30): scheduled go-live and take-down of pages and documents.

Pages use Wagtail's go_live_at/expire_at and Wagtail's own ``publish_scheduled`` logic; this
module adds what Wagtail lacks: document windows, the record of expired items (their URLs answer
HTTP 410), and clearing the stale schedule values Wagtail leaves behind (wagtail#13896), which
otherwise make a re-edit fail with "Invalid schedule" or re-expire a republished page at once.
"""

import io
import urllib.parse

from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Revision

from prongsai.core.audit import log
from prongsai.sitepages.models import AgencyDocument

from .models import ExpiredItem


def document_in_window(document, now=None) -> bool:
    return document.in_publication_window(now)


def document_expired(document, now=None) -> bool:
    now = now or timezone.now()
    return bool(document.publish_until and document.publish_until <= now)


def public_documents(queryset=None, now=None):
    """Documents inside their publication window, for any public listing."""
    now = now or timezone.now()
    queryset = AgencyDocument.objects.all() if queryset is None else queryset
    return queryset.filter(
        Q(publish_from__isnull=True) | Q(publish_from__lte=now),
        Q(publish_until__isnull=True) | Q(publish_until__gt=now),
    )


def normalize_path(path: str) -> str:
    """The decoded form of a URL path, as Django's resolver sees it.

    Wagtail builds a page's URL with ``reverse()``, which percent-encodes a Thai slug; the
    resolver hands the converter the decoded path. Both sides use this form, so a Thai address
    matches however the visitor's browser encoded it.
    """
    return urllib.parse.unquote(path)


def page_public_path(page) -> str:
    parts = page.get_url_parts()
    return normalize_path(parts[2] if parts else page.url_path)


def _clear_stale_revision_value(page, field: str) -> None:
    revision = page.latest_revision
    if revision and revision.content.get(field):
        revision.content[field] = None
        Revision.objects.filter(pk=revision.pk).update(content=revision.content)


@transaction.atomic
def record_page_expiry(page) -> ExpiredItem:
    """Remember the expired page's URL (it now answers 410) and clear the spent expire_at."""
    item, _ = ExpiredItem.objects.update_or_create(
        kind=ExpiredItem.Kind.PAGE,
        object_id=page.pk,
        defaults={
            "path": page_public_path(page),
            "title": page.title[:500],
            "expired_at": page.expire_at or timezone.now(),
            "active": True,
        },
    )
    Page.objects.filter(pk=page.pk).update(expire_at=None)
    _clear_stale_revision_value(page, "expire_at")
    return item


def reopen_page(page) -> int:
    """A republished page is no longer 'expired': its URL serves the page again."""
    return ExpiredItem.objects.filter(
        kind=ExpiredItem.Kind.PAGE, object_id=page.pk, active=True
    ).update(active=False)


@transaction.atomic
def sync_document_expiries(now=None) -> dict:
    now = now or timezone.now()
    expired = 0
    for document in AgencyDocument.objects.filter(publish_until__lte=now).exclude(
        pk__in=ExpiredItem.objects.filter(kind=ExpiredItem.Kind.DOCUMENT, active=True).values(
            "object_id"
        )
    ):
        ExpiredItem.objects.update_or_create(
            kind=ExpiredItem.Kind.DOCUMENT,
            object_id=document.pk,
            defaults={
                "path": normalize_path(document.url),
                "title": document.title[:500],
                "expired_at": document.publish_until,
                "active": True,
            },
        )
        log(instance=document, action="prongsai.document.expired")
        expired += 1
    reopened = ExpiredItem.objects.filter(
        kind=ExpiredItem.Kind.DOCUMENT,
        active=True,
        object_id__in=AgencyDocument.objects.filter(
            Q(publish_until__isnull=True) | Q(publish_until__gt=now)
        ).values("pk"),
    ).update(active=False)
    return {"documents_expired": expired, "documents_reopened": reopened}


def run_scheduled_publishing(now=None) -> dict:
    """The every-minute job: Wagtail's scheduled publish/expiry, then our lifecycle records."""
    now = now or timezone.now()
    expiring_ids = list(
        Page.objects.filter(live=True, expire_at__lt=now).values_list("pk", flat=True)
    )
    going_live_ids = list(
        Revision.page_revisions.filter(approved_go_live_at__lt=now).values_list(
            "object_id", flat=True
        )
    )
    call_command("publish_scheduled", stdout=io.StringIO())

    expired = 0
    for page in Page.objects.filter(pk__in=expiring_ids, expired=True, live=False):
        record_page_expiry(page)
        expired += 1
    published = 0
    for page in Page.objects.filter(pk__in=[int(i) for i in going_live_ids], live=True):
        if page.go_live_at and page.go_live_at <= now:
            Page.objects.filter(pk=page.pk).update(go_live_at=None)
            _clear_stale_revision_value(page, "go_live_at")
        published += 1
    return {"pages_published": published, "pages_expired": expired, **sync_document_expiries(now)}


def expired_but_reachable(now=None) -> list:
    """Pages past their expiry that still answer on the public site (the job did not run)."""
    now = now or timezone.now()
    return list(Page.objects.filter(live=True, expire_at__lt=now).order_by("expire_at"))


def active_expired_path(path: str) -> ExpiredItem | None:
    return (
        ExpiredItem.objects.filter(path=normalize_path(path), active=True)
        .order_by("-expired_at")
        .first()
    )


def send_expiry_notices(now=None) -> dict:
    """Tell owners N days ahead that an item's publication period is ending (once per date)."""
    import datetime as dt

    from django.utils.translation import gettext as _

    from prongsai.core import notify
    from prongsai.core.thaidate import thai_datetime

    from .conf import expiry_notice_days
    from .models import ExpiryNotice
    from .notifications import owner_recipients

    now = now or timezone.now()
    horizon = now + dt.timedelta(days=expiry_notice_days())
    items = [
        (ExpiredItem.Kind.PAGE, page, page.expire_at)
        for page in Page.objects.filter(live=True, expire_at__gt=now, expire_at__lte=horizon)
    ] + [
        (ExpiredItem.Kind.DOCUMENT, document, document.publish_until)
        for document in AgencyDocument.objects.filter(
            publish_until__gt=now, publish_until__lte=horizon
        )
    ]
    sent = 0
    for kind, obj, ends in items:
        notice, created = ExpiryNotice.objects.get_or_create(
            kind=kind, object_id=obj.pk, expires_at=ends
        )
        if not created:
            continue
        recipients = owner_recipients(obj)
        notice.recipients = ", ".join(recipients)
        notice.save(update_fields=["recipients"])
        notify.send_later(
            recipients,
            _("แจ้งเตือน: “%(title)s” จะสิ้นสุดระยะเผยแพร่") % {"title": obj.title},
            [
                _(
                    "รายการ “%(title)s” จะสิ้นสุดระยะเวลาเผยแพร่เมื่อ %(when)s "
                    "หลังจากนั้นจะถูกนำออกจากเว็บไซต์สาธารณะโดยอัตโนมัติ หากต้องการเผยแพร่ต่อ "
                    "กรุณาแก้ไขวันสิ้นสุดการเผยแพร่ก่อนถึงกำหนด"
                )
                % {"title": obj.title, "when": thai_datetime(ends)}
            ],
        )
        sent += 1
    return {"notices_sent": sent}
