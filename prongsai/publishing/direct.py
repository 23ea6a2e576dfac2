"""Pages published without a publish request (R21, R23; docs/adr/0080-direct-publication-policy.md).

A page of a standard category reaches the public through a request's approval route. The only
exception is the agency's policy, kept on its information classes: a routine-exempt class may
name the categories and the roles (publisher, webmaster) that may publish directly in Wagtail's
editor. This module

- answers "may this user publish this page directly?" (``direct_class_for``), used by the page
  permission tester below, so Wagtail hides the publish action, refuses a bulk publish and the
  API, and by the editor hooks that refuse a crafted "publish" with a Thai message;
- records every publication that did not come through a request (``DirectPublication``),
  from Wagtail's own publish log entry, so no path that publishes escapes it;
- lets the request services mark their publications (``through_request``), and other services
  whose item has its own approval record (an approved periodic report) mark theirs
  (``through_approved_record``).

Superusers keep Wagtail's full power (they can change the policy itself, so a refusal would
only be theatre), but what they publish around the process is recorded and flagged like anyone's.
"""

import contextlib
import contextvars

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import PagePermissionTester

_THROUGH_REQUEST: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "prongsai_publish_through_request", default=None
)


@contextlib.contextmanager
def through_request(publish_request):
    """Publications inside this block are the request's, not direct ones."""
    token = _THROUGH_REQUEST.set(publish_request.pk)
    try:
        yield
    finally:
        _THROUGH_REQUEST.reset(token)


_APPROVED_RECORD: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "prongsai_publish_approved_record", default=None
)


@contextlib.contextmanager
def through_approved_record(record_label: str):
    """Publications inside this block carry another approved record of their own (an approved
    periodic report, "report:12"): the caller has checked its permission, so they are neither
    refused nor flagged as published around the process."""
    token = _APPROVED_RECORD.set(record_label)
    try:
        yield
    finally:
        _APPROVED_RECORD.reset(token)


def page_category(page) -> str:
    """The standard category of a content page; "" for structure (home, section index) pages."""
    from prongsai.core.categories import CATEGORIES
    from prongsai.sitepages.models.base import CategoryIndexPage

    specific_class = page if isinstance(page, type) else page.specific_class
    if specific_class is None or issubclass(specific_class, CategoryIndexPage):
        return ""
    code = getattr(specific_class, "category_code", "")
    return code if code in CATEGORIES else ""


def direct_class_for(category: str, user):
    """The information class whose policy lets ``user`` publish ``category`` directly, or None."""
    from .models import InformationClass

    if not category:
        return None
    for information_class in InformationClass.objects.select_related("route"):
        if information_class.allows_direct(category, user):
            return information_class
    return None


def may_publish_directly(user, category: str) -> bool:
    if not category or getattr(user, "is_superuser", False):
        return True
    return direct_class_for(category, user) is not None


def refusal_message(category: str) -> str:
    from prongsai.core.categories import CATEGORIES

    return _(
        "หน้าในหมวด “%(category)s” เผยแพร่โดยตรงไม่ได้ ตามนโยบายของหน่วยงานต้องยื่นคำขอเผยแพร่"
        "และได้รับอนุมัติก่อน (เมนู “คำขอเผยแพร่”) หน้านี้ยังไม่ได้บันทึกหรือเผยแพร่"
    ) % {"category": CATEGORIES[category].name_th if category in CATEGORIES else category}


class DirectPublishTester(PagePermissionTester):
    """Wagtail's page permissions, narrowed by the agency's direct-publication policy."""

    def can_publish(self):
        return super().can_publish() and may_publish_directly(self.user, page_category(self.page))

    def can_publish_subpage(self):
        # A section index holds pages of its own category only (core.categories).
        from prongsai.sitepages.models.base import CategoryIndexPage

        allowed = super().can_publish_subpage()
        specific_class = self.page.specific_class
        if allowed and specific_class and issubclass(specific_class, CategoryIndexPage):
            return may_publish_directly(self.user, specific_class.category_code)
        return allowed


def record_direct_publication(log_entry) -> None:
    """Called for each Wagtail publish (or scheduled publish) log entry."""
    from .models import DirectPublication

    if (
        _THROUGH_REQUEST.get() is not None
        or _APPROVED_RECORD.get() is not None
        or log_entry.user_id is None
    ):
        # A request's publication, or the system (demo loader, a go-live scheduled earlier,
        # whose scheduling was recorded when it was made).
        return
    page = log_entry.page
    category = page_category(page)
    if not category:
        return
    DirectPublication.objects.create(
        page_id=page.pk,
        revision_id=log_entry.revision_id,
        user_id=log_entry.user_id,
        category=category,
        information_class=direct_class_for(category, log_entry.user),
        published_at=log_entry.timestamp or timezone.now(),
        scheduled=log_entry.action == "wagtail.publish.schedule",
    )


def latest_direct(page_ids) -> dict:
    """For each page, its latest direct publication if it is later than any request's."""
    from .models import DirectPublication, PublishRequest, Status

    page_ids = {pk for pk in page_ids if pk}
    if not page_ids:
        return {}
    latest = {}
    for record in DirectPublication.objects.filter(page_id__in=page_ids).select_related(
        "user", "information_class"
    ):
        if record.page_id not in latest:  # ordered newest first
            latest[record.page_id] = record
    for page_id, published_at in PublishRequest.objects.filter(
        target_page_id__in=list(latest), status=Status.PUBLISHED
    ).values_list("target_page_id", "published_at"):
        record = latest.get(page_id)
        if record is not None and published_at and published_at >= record.published_at:
            del latest[page_id]
    return latest
