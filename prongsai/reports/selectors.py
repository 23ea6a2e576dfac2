"""The report's figures, compiled from the record for one period (R35, R37). Reads only.

Every figure counts what happened inside the period, in Asia/Bangkok days: timestamps from the
period's first midnight up to (not including) the midnight after its last day. A request's
outcome is the decision made in the period; a deadline belongs to the period it falls in and is
judged at the period's end, so a report compiled later gives the same numbers.
See docs/reports.md for each definition.
"""

import datetime as dt
from collections import Counter, defaultdict

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import PageLogEntry

from prongsai.core.models import ContentPage
from prongsai.core.thaidate import thai_date
from prongsai.core.workdays import is_working_day, working_days_between
from prongsai.monitoring.conf import review_interval_days
from prongsai.monitoring.models import (
    DailyCheckSignOff,
    ExpiredItem,
    ReviewAction,
    ReviewSchedule,
)
from prongsai.policy.selectors import category_labels
from prongsai.publishing.models import (
    Action,
    InformationClass,
    PublishRequest,
    RequestEvent,
    VerbalApproval,
)
from prongsai.publishing.selectors import verbal_confirm_working_days

from .figures_site import audience_figures, completeness_figures, month_label
from .periods import Period

FIGURES_VERSION = 1
WORST_CASES = 5
NO_UNIT = "ไม่ระบุหน่วยงาน"


def _local_day(value: dt.datetime) -> dt.date:
    return timezone.localdate(value)


class WorkingDays:
    """The agency's working-day calendar over one period, read once (publishing's definition).

    ``between(a, b)`` equals ``core.workdays.working_days_between(a, b)``; counting from a
    prefix sum saves a database query per request, which dominated a 5,000-request report.
    """

    def __init__(self, start: dt.date, end: dt.date):
        self.working: set[dt.date] = set()
        self.prefix: dict[dt.date, int] = {}
        count, day = 0, start
        while day <= end:
            if is_working_day(day):
                count += 1
                self.working.add(day)
            self.prefix[day] = count
            day += dt.timedelta(days=1)

    def between(self, a: dt.date, b: dt.date) -> int:
        if a in self.prefix and b in self.prefix:
            return self.prefix[b] - self.prefix[a]
        return working_days_between(a, b)

    def is_working(self, day: dt.date) -> bool:
        return day in self.working if day in self.prefix else is_working_day(day)


def content_page_models() -> list[type]:
    return [m for m in apps.get_models() if issubclass(m, ContentPage) and not m._meta.abstract]


def _page_units(page_ids) -> dict[int, str]:
    """Owner unit name of each page (content pages carry it; other pages have none)."""
    ids, units = set(page_ids), {}
    if not ids:
        return units
    for model in content_page_models():
        for pk, name in model.objects.filter(pk__in=ids).values_list("pk", "owner_unit__name"):
            units[pk] = name or NO_UNIT
    return units


def published_items(site, low, high) -> dict:
    by_category, by_unit = Counter(), Counter()
    for model in content_page_models():
        rows = (
            model.objects.filter(
                path__startswith=site.root_page.path,
                first_published_at__gte=low,
                first_published_at__lt=high,
            )
            .values_list("owner_unit__name")
            .annotate(n=Count("pk"))
        )
        for unit, n in rows:
            by_category[model.category_code] += n
            by_unit[unit or NO_UNIT] += n
    labels = category_labels(site)
    categories = [
        [code, labels.get(code, code), n]
        for code, n in sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    units = sorted(([name, n] for name, n in by_unit.items()), key=lambda r: (-r[1], r[0]))
    return {"total": sum(by_category.values()), "by_category": categories, "by_unit": units}


def publish_requests(period: Period, low, high) -> dict:
    in_period = Q(created_at__gte=low, created_at__lt=high)
    submitted = list(
        PublishRequest.objects.filter(submitted_at__gte=low, submitted_at__lt=high).values_list(
            "submitted_at", "information_class_id"
        )
    )
    approved = list(
        PublishRequest.objects.filter(approved_at__gte=low, approved_at__lt=high).values_list(
            "information_class_id", flat=True
        )
    )
    published = PublishRequest.objects.filter(published_at__gte=low, published_at__lt=high).count()
    rejected_events = list(
        RequestEvent.objects.filter(in_period, action=Action.REJECTED)
        .select_related("request")
        .order_by("created_at", "pk")
    )
    returned = list(
        RequestEvent.objects.filter(
            in_period, action__in=(Action.RETURNED, Action.SENT_BACK)
        ).values_list("request__information_class_id", flat=True)
    )
    months = Counter(_local_day(when).replace(day=1) for when, _cls in submitted)
    per_month = [
        [first.isoformat(), month_label(first), months.get(first, 0)] for first in period.months()
    ]
    counts = {
        "submitted": Counter(cls for _when, cls in submitted),
        "approved": Counter(approved),
        "rejected": Counter(e.request.information_class_id for e in rejected_events),
        "returned": Counter(returned),
    }
    by_class = [
        [cls.name, *(counts[key].get(cls.pk, 0) for key in counts)]
        for cls in InformationClass.objects.all()
        if any(counts[key].get(cls.pk) for key in counts)
    ]
    return {
        "submitted": len(submitted),
        "approved": len(approved),
        "rejected": len(rejected_events),
        "returned": len(returned),
        "published": published,
        "per_month": per_month,
        "by_class": by_class,
        "rejections": [
            [e.request.number, e.request.title, e.reason, thai_date(e.created_at, short=True)]
            for e in rejected_events
        ],
    }


def deadline_compliance(period: Period, high, last_day: dt.date, days=None) -> dict:
    """Requests whose working-day deadline falls in the period, judged at the period's end."""
    days = days or WorkingDays(period.start, period.end)
    on_time = late = overdue = pending = 0
    worst = []
    rows = PublishRequest.objects.filter(
        due_date__gte=period.start, due_date__lte=last_day
    ).values_list("pk", "title", "due_date", "published_at")
    for pk, title, due, published_at in rows:
        published_day = _local_day(published_at) if published_at and published_at < high else None
        if published_day is not None:
            if published_day <= due:
                on_time += 1
                continue
            late += 1
            behind, state = days.between(due, published_day), "late"
        elif due < last_day:
            overdue += 1
            behind, state = days.between(due, last_day), "overdue"
        else:
            pending += 1
            continue
        worst.append([behind, f"PR-{pk:05d}", title, due.isoformat(), state])
    worst.sort(key=lambda row: (-row[0], row[1]))
    return {
        "due": on_time + late + overdue + pending,
        "on_time": on_time,
        "late": late,
        "overdue": overdue,
        "pending": pending,
        "worst": [
            [number, title, thai_date(dt.date.fromisoformat(due), short=True), state, behind]
            for behind, number, title, due, state in worst[:WORST_CASES]
        ],
    }


def verbal_approvals(low, high, days: WorkingDays) -> dict:
    limit = verbal_confirm_working_days()
    in_time = late = unconfirmed = 0
    rows = VerbalApproval.objects.filter(recorded_at__gte=low, recorded_at__lt=high).values_list(
        "recorded_at", "confirmed_at"
    )
    for recorded_at, confirmed_at in rows:
        if confirmed_at is None or confirmed_at >= high:
            unconfirmed += 1
        elif days.between(_local_day(recorded_at), _local_day(confirmed_at)) <= limit:
            in_time += 1
        else:
            late += 1
    return {
        "recorded": in_time + late + unconfirmed,
        "in_time": in_time,
        "late": late,
        "unconfirmed": unconfirmed,
        "limit_days": limit,
    }


def _interval_days(interval_days, content_type_id) -> int:
    """ReviewSchedule.effective_interval_days() without loading the page."""
    if interval_days:
        return interval_days
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return review_interval_days(getattr(model, "category_code", "") or "")


def _overdue_at(due_at, interval: int, actions: list, high) -> bool:
    """Was the review due before the period's end and not done by then?"""
    before = [when for when in actions if when < high]
    if before:
        due = max(before) + dt.timedelta(days=interval)
    elif not actions:
        due = due_at
    else:  # reviewed only after the period: the earlier due date is no longer on record
        return False
    return due < high


def reviews(site, low, high) -> dict:
    schedules = list(
        ReviewSchedule.objects.filter(page__path__startswith=site.root_page.path).values_list(
            "pk", "page_id", "interval_days", "due_at", "page__content_type_id"
        )
    )
    actions = defaultdict(list)
    for schedule_id, when in ReviewAction.objects.filter(
        schedule__page__path__startswith=site.root_page.path
    ).values_list("schedule_id", "created_at"):
        actions[schedule_id].append(when)
    escalated = list(
        PageLogEntry.objects.filter(
            action="prongsai.review.escalated",
            timestamp__gte=low,
            timestamp__lt=high,
            page__path__startswith=site.root_page.path,
        ).values_list("page_id", flat=True)
    )
    units = _page_units([row[1] for row in schedules] + escalated)
    table = defaultdict(lambda: [0, 0, 0])
    for pk, page_id, interval_days, due_at, content_type_id in schedules:
        unit = units.get(page_id, NO_UNIT)
        table[unit][0] += sum(1 for when in actions[pk] if low <= when < high)
        interval = _interval_days(interval_days, content_type_id)
        table[unit][1] += _overdue_at(due_at, interval, actions[pk], high)
    for page_id in escalated:
        table[units.get(page_id, NO_UNIT)][2] += 1
    rows = sorted([unit, *counts] for unit, counts in table.items() if any(counts))
    return {
        "done": sum(r[1] for r in rows),
        "overdue": sum(r[2] for r in rows),
        "escalated": sum(r[3] for r in rows),
        "by_unit": rows,
    }


def daily_checks(period: Period, last_day: dt.date, days: WorkingDays) -> dict:
    signed = dict(
        DailyCheckSignOff.objects.filter(day__gte=period.start, day__lte=last_day).values_list(
            "day", "problems_found"
        )
    )
    missed, day = [], period.start
    while day <= last_day:
        if day not in signed and days.is_working(day):
            missed.append(day)
        day += dt.timedelta(days=1)
    return {
        "signed": len(signed),
        "missed": len(missed),
        "problems": sum(signed.values()),
        "missed_days": [thai_date(d, short=True) for d in missed],
    }


def expiry(site, low, high) -> dict:
    expired = list(
        ExpiredItem.objects.filter(expired_at__gte=low, expired_at__lt=high)
        .order_by("expired_at", "pk")
        .values_list("title", "path", "expired_at")
    )
    taken_down = PageLogEntry.objects.filter(
        action="wagtail.unpublish",
        timestamp__gte=low,
        timestamp__lt=high,
        page__path__startswith=site.root_page.path,
    ).count()
    return {
        "expired": len(expired),
        "taken_down": taken_down,
        "items": [[title, path, thai_date(when, short=True)] for title, path, when in expired],
    }


def compile_figures(site, period: Period, *, today: dt.date | None = None, previous=None) -> dict:
    """Every figure of the report for ``period``; for a running period, up to ``today``.

    ``previous`` is the figures of the last approved report, for the change in completeness.
    The result holds only JSON values: it is what an approved report freezes.
    """
    today = today or timezone.localdate()
    low, high = period.bounds()
    ended = period.has_ended(today)
    # A running period counts up to yesterday: today's work (check, deadline) is still open.
    last_day = period.end if ended else max(period.start, today - dt.timedelta(days=1))
    days = WorkingDays(period.start, period.end)
    return {
        "version": FIGURES_VERSION,
        "period": {
            "fiscal_year": period.fiscal_year,
            "round": period.round,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "label": period.label,
            "complete": ended,
        },
        "as_of": (period.end if ended else today).isoformat(),
        "published": published_items(site, low, high),
        "requests": publish_requests(period, low, high),
        "deadline": deadline_compliance(period, high, last_day, days),
        "verbal": verbal_approvals(low, high, days),
        "reviews": reviews(site, low, high),
        "daily": daily_checks(period, last_day, days),
        "completeness": completeness_figures(site, period, today, previous),
        "expiry": expiry(site, low, high),
        **audience_figures(period, low, high, last_day),
    }


def figures_for(report, *, today: dt.date | None = None) -> dict:
    """An approved report's frozen figures; a draft's are compiled afresh from the record."""
    if report.is_frozen and report.snapshot:
        return report.snapshot
    from .models import Report, ReportStatus

    previous = (
        Report.objects.filter(
            site=report.site, status=ReportStatus.APPROVED, period_end__lt=report.period_end
        )
        .order_by("-period_end", "period_start")
        .first()
    )
    return compile_figures(
        report.site, report.period, today=today, previous=previous.snapshot if previous else None
    )
