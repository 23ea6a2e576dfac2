"""Figures about the site as its audience and assessors see it: completeness against the
catalogues, visitors, satisfaction, the Q&A board, information requests (s.11) and the traffic
record's integrity (R16, R35, R37).
"""

import datetime as dt

from django.utils import timezone

from prongsai.analytics.selectors import monthly_totals, top_pages
from prongsai.compliance.evidence import SiteContent
from prongsai.compliance.selectors import active_catalogues, catalogue_completeness
from prongsai.core.thaidate import MONTHS_SHORT, buddhist_year, thai_date
from prongsai.feedback.models import Question
from prongsai.feedback.selectors import satisfaction
from prongsai.inforequests.models import InfoRequest
from prongsai.monitoring.models import DailyCheckRun

TOP_PAGES = 10
TRAFFIC_CHECK = "traffic-integrity"


def month_label(first: dt.date) -> str:
    return f"{MONTHS_SHORT[first.month - 1]} {str(buddhist_year(first))[-2:]}"


def completeness_figures(site, period, today: dt.date, previous: dict | None) -> list[dict]:
    """Each active catalogue judged on the period's last day (or today, while it runs)."""
    day = min(period.end, today)
    now = timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59)))
    content = SiteContent(site, now=now)
    before = {row["slug"]: row["score"] for row in (previous or {}).get("completeness", [])}
    rows = []
    for catalogue in active_catalogues():
        report = catalogue_completeness(catalogue, site, today=day, content=content)
        last = before.get(catalogue.slug)
        rows.append(
            {
                "slug": catalogue.slug,
                "title": catalogue.title,
                "met": report.counts["met"],
                "applicable": report.applicable,
                "score": report.score,
                "previous": last,
                "change": None if last is None else round(report.score - last, 1),
            }
        )
    return rows


def visitors(period, last_day: dt.date) -> dict:
    months = monthly_totals(period.start, last_day) if last_day >= period.start else []
    pages = top_pages(period.start, last_day, limit=TOP_PAGES)
    return {
        "views": sum(m["views"] for m in months),
        "visitors": sum(m["visitors"] for m in months),
        "per_month": [
            [m["month"].isoformat(), month_label(m["month"]), m["visitors"], m["views"]]
            for m in months
        ],
        "top_pages": [[p["title"] or p["path"], p["path"], p["views"]] for p in pages],
    }


def satisfaction_figures(period, last_day: dt.date) -> dict:
    result = satisfaction(period.start, last_day)
    return {
        "responses": result["responses"],
        "answers": sum(row["count"] for row in result["per_question"]),
        "average": result["average"],
        "per_question": [
            [
                row["question"].text,
                row["count"],
                round(row["average"], 2) if row["average"] is not None else None,
            ]
            for row in result["per_question"]
        ],
    }


def questions(low, high, last_day: dt.date) -> dict:
    received = in_time = late = overdue = 0
    rows = (
        Question.objects.filter(submitted_at__gte=low, submitted_at__lt=high)
        .exclude(status=Question.Status.REJECTED)
        .values_list("status", "due_date", "answered_at")
    )
    for status, due, answered_at in rows:
        received += 1
        if answered_at is not None and answered_at < high:
            if timezone.localdate(answered_at) <= due:
                in_time += 1
            else:
                late += 1
        elif status != Question.Status.MERGED and due < last_day:
            overdue += 1
    return {"received": received, "in_time": in_time, "late": late, "overdue": overdue}


def info_requests(low, high, last_day: dt.date) -> dict:
    """Requests for information received in the period: decided by their legal due date or
    after it, refused in whole or part, and still undecided past it at the period's end."""
    received = in_time = late = refused = overdue = 0
    rows = InfoRequest.objects.filter(submitted_at__gte=low, submitted_at__lt=high).values_list(
        "status", "due_date", "decided_at"
    )
    refusals = (InfoRequest.Status.REFUSED, InfoRequest.Status.PARTLY_PROVIDED)
    for status, due, decided_at in rows:
        received += 1
        if decided_at is not None and decided_at < high:
            if timezone.localdate(decided_at) <= due:
                in_time += 1
            else:
                late += 1
            refused += status in refusals
        elif due < last_day:
            overdue += 1
    return {
        "received": received,
        "in_time": in_time,
        "late": late,
        "refused": refused,
        "overdue": overdue,
    }


def traffic_integrity(period, last_day: dt.date) -> dict:
    """Days whose last daily check ran the traffic-data integrity check, and how many passed."""
    latest = {}
    runs = DailyCheckRun.objects.filter(day__gte=period.start, day__lte=last_day).order_by(
        "day", "started", "pk"
    )
    for day, sections in runs.values_list("day", "sections"):
        latest[day] = sections
    checked, failed = 0, []
    for day, sections in sorted(latest.items()):
        section = next((s for s in sections or [] if s.get("key") == TRAFFIC_CHECK), None)
        if section is None:
            continue
        checked += 1
        if section.get("findings"):
            failed.append(thai_date(day, short=True))
    return {"checked": checked, "passed": checked - len(failed), "failed_days": failed}


def audience_figures(period, low, high, last_day: dt.date) -> dict:
    return {
        "visitors": visitors(period, last_day),
        "satisfaction": satisfaction_figures(period, last_day),
        "qa": questions(low, high, last_day),
        "info_requests": info_requests(low, high, last_day),
        "traffic": traffic_integrity(period, last_day),
    }
