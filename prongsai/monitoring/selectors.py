"""Reads shared by the dashboard panel, the daily check and the views."""

from django.apps import apps
from django.utils import timezone
from wagtail.models import Page

from prongsai.accounts.roles import Role, users_with_role
from prongsai.core.models import ContentPage

from .conf import min_webmasters
from .models import ReviewSchedule


def webmaster_shortage() -> dict | None:
    """R33: None when enough active webmasters exist, else the count and the minimum."""
    count = users_with_role(Role.WEBMASTER).count()
    minimum = min_webmasters()
    return None if count >= minimum else {"count": count, "minimum": minimum}


def reviewable_page_models() -> list:
    return [m for m in apps.get_models() if issubclass(m, ContentPage) and not m._meta.abstract]


def reviewable_pages():
    return Page.objects.live().type(*reviewable_page_models())


def schedule_preview(page, now=None) -> ReviewSchedule:
    """The page's schedule, or the one it would get, unsaved: for reads (a GET writes nothing)."""
    now = now or timezone.now()
    try:
        return page.review_schedule
    except ReviewSchedule.DoesNotExist:
        pass
    schedule = ReviewSchedule(page=page, last_reviewed_at=page.last_published_at or now)
    schedule.due_at = schedule.compute_due_at()
    return schedule
