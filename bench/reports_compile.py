"""Benchmark: compile a 6-month report on a site of 10,000 pages and 5,000 requests (target < 5 s, R35).

Builds a throw-away database (test settings, SQLite in memory unless DATABASE_URL is set) with
the page generator of bench/completeness.py, spreads the pages' first publication over the
6-month round of FY2569 (1 Oct 2025 – 31 Mar 2026), adds 5,000 publish requests with their
decisions, verbal approvals, reviews, daily checks, visitor statistics, survey answers and Q&A,
then times `compile_figures` for that round (every shipped catalogue active).

    .venv/bin/python bench/reports_compile.py [--pages 10000] [--requests 5000]
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from completeness import build_site, setup_database  # noqa: E402

TARGET_SECONDS = 5.0
BKK = dt.timezone(dt.timedelta(hours=7))
START = dt.datetime(2025, 10, 1, tzinfo=BKK)
DAYS = 182


def moment(rng) -> dt.datetime:
    return START + dt.timedelta(seconds=rng.randrange(DAYS * 86400))


def spread_pages(rng):
    from prongsai.sitepages import models as m

    pages = list(m.NewsPage.objects.only("pk")) + list(m.LawPage.objects.only("pk"))
    for model in (m.NewsPage, m.LawPage, m.KnowledgePage, m.AgencyInfoPage, m.OIAItemPage):
        rows = list(model.objects.only("pk", "first_published_at"))
        for row in rows:
            row.first_published_at = moment(rng)
        model.objects.bulk_update(rows, ["first_published_at"], batch_size=1000)
    return pages


def build_records(count: int, rng, pages):
    from prongsai.accounts.models import Unit, User
    from prongsai.analytics.models import DailyPageViews, DailySummary
    from prongsai.feedback.models import Question, SurveyAnswer, SurveyQuestion, SurveyResponse
    from prongsai.monitoring.models import DailyCheckRun, DailyCheckSignOff, ReviewSchedule
    from prongsai.publishing.models import (
        Action,
        ApprovalRoute,
        InformationClass,
        PublishRequest,
        RequestEvent,
        RouteKind,
        Status,
        VerbalApproval,
    )

    unit = Unit.objects.first()
    owner = User.objects.create(username="owner", unit=unit)
    route = ApprovalRoute.objects.create(name="ทั่วไป", kind=RouteKind.COMMUNICATIONS)
    classes = [
        InformationClass.objects.create(code=f"c{n}", name=f"ประเภท {n}", route=route)
        for n in range(5)
    ]
    requests = []
    for n in range(count):
        submitted = moment(rng)
        approved = submitted + dt.timedelta(hours=rng.randrange(1, 72)) if n % 5 else None
        published = (
            approved + dt.timedelta(days=rng.randrange(0, 8)) if approved and n % 7 else None
        )
        requests.append(
            PublishRequest(
                title=f"คำขอ {n}",
                category="news",
                source="หน่วยงาน",
                info_period_start=submitted.date(),
                information_class=classes[n % 5],
                requester=owner,
                unit=unit,
                status=Status.PUBLISHED
                if published
                else Status.APPROVED
                if approved
                else Status.PENDING,
                submitted_at=submitted,
                approved_at=approved,
                due_date=(approved + dt.timedelta(days=4)).date() if approved else None,
                published_at=published,
            )
        )
    requests = PublishRequest.objects.bulk_create(requests, batch_size=1000)
    RequestEvent.objects.bulk_create(
        [
            RequestEvent(
                request=r,
                actor=owner,
                actor_role="ผู้อนุมัติ",
                action=Action.REJECTED if n % 2 else Action.RETURNED,
                reason="เหตุผล",
                created_at=r.submitted_at + dt.timedelta(hours=5),
            )
            for n, r in enumerate(requests)
            if r.approved_at is None
        ],
        batch_size=1000,
    )
    VerbalApproval.objects.bulk_create(
        [
            VerbalApproval(
                request=r,
                approver=owner,
                approved_at=r.submitted_at,
                method="phone",
                urgency_reason="ด่วน",
                recorded_by=owner,
                recorded_at=r.submitted_at,
                confirmed_at=r.submitted_at + dt.timedelta(days=rng.randrange(0, 6)),
            )
            for r in requests[::25]
        ]
    )
    ReviewSchedule.objects.bulk_create(
        [ReviewSchedule(page_id=p.pk, interval_days=180, due_at=moment(rng)) for p in pages[:3000]]
    )
    days = [START.date() + dt.timedelta(days=n) for n in range(DAYS)]
    DailyCheckSignOff.objects.bulk_create(
        [
            DailyCheckSignOff(day=d, user=owner, problems_found=n % 3)
            for n, d in enumerate(days)
            if n % 9
        ]
    )
    DailyCheckRun.objects.bulk_create(
        [
            DailyCheckRun(
                day=d, sections=[{"key": "traffic-integrity", "title": "", "findings": []}]
            )
            for d in days
        ]
    )
    DailySummary.objects.bulk_create([DailySummary(day=d, views=900, visitors=300) for d in days])
    DailyPageViews.objects.bulk_create(
        [
            DailyPageViews(day=d, path=f"/news/n{k}/", title=f"ข่าว {k}", views=k + 1)
            for d in days
            for k in range(40)
        ],
        batch_size=2000,
    )
    questions = [SurveyQuestion.objects.create(text=f"ข้อ {n}") for n in range(5)]
    responses = SurveyResponse.objects.bulk_create(
        [SurveyResponse(submitted_at=moment(rng)) for _ in range(1000)]
    )
    SurveyAnswer.objects.bulk_create(
        [
            SurveyAnswer(response=r, question=q, score=rng.randrange(1, 6))
            for r in responses
            for q in questions
        ],
        batch_size=2000,
    )
    Question.objects.bulk_create(
        [
            Question(
                title="ถาม",
                body="ถาม",
                submitted_at=(when := moment(rng)),
                due_date=(when + dt.timedelta(days=5)).date(),
                answered_at=when + dt.timedelta(days=rng.randrange(1, 9)) if n % 4 else None,
                status="published" if n % 4 else "pending",
            )
            for n in range(300)
        ]
    )


def breakdown(site, period):
    """Time each part of the compile, to see where a slow report spends it."""
    from prongsai.reports import figures_site as fs
    from prongsai.reports import selectors as s

    low, high = period.bounds()
    parts = {
        "published items": lambda: s.published_items(site, low, high),
        "requests": lambda: s.publish_requests(period, low, high),
        "working days": lambda: s.WorkingDays(period.start, period.end),
        "deadlines": lambda: s.deadline_compliance(period, high, period.end),
        "verbal approvals": lambda: s.verbal_approvals(
            low, high, s.WorkingDays(period.start, period.end)
        ),
        "reviews": lambda: s.reviews(site, low, high),
        "daily checks": lambda: s.daily_checks(
            period, period.end, s.WorkingDays(period.start, period.end)
        ),
        "completeness": lambda: fs.completeness_figures(site, period, period.end, None),
        "expiry": lambda: s.expiry(site, low, high),
        "audience": lambda: fs.audience_figures(period, low, high, period.end),
    }
    for name, run in parts.items():
        started = time.perf_counter()
        run()
        print(f"  {name}: {time.perf_counter() - started:.3f} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=5_000)
    parser.add_argument("--profile", action="store_true", help="print the hottest functions")
    args = parser.parse_args()
    connection, old_name = setup_database()
    try:
        rng = random.Random(2569)
        print(f"Generating {args.pages} pages …", flush=True)
        build_site(args.pages)
        pages = spread_pages(rng)
        print(f"Generating {args.requests} requests and the rest of the record …", flush=True)
        build_records(args.requests, rng, pages)
        from wagtail.models import Site

        from prongsai.reports.periods import Period
        from prongsai.reports.selectors import compile_figures

        site = Site.objects.get(is_default_site=True)
        period = Period(2026, "r6")
        times, cpu = [], []
        for _ in range(3):
            started, started_cpu = time.perf_counter(), time.process_time()
            figures = compile_figures(site, period, today=dt.date(2026, 4, 1))
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        print(
            f"database: {connection.vendor}; {period.label}: "
            f"{figures['published']['total']} items published, "
            f"{figures['requests']['submitted']} requests, "
            f"{len(figures['completeness'])} catalogues"
        )
        print(
            "compile: " + ", ".join(f"{t:.2f} s" for t in times) + f" (target < {TARGET_SECONDS} s)"
        )
        print("compile CPU time: " + ", ".join(f"{t:.2f} s" for t in cpu))
        print(f"load average: {os.getloadavg()[0]:.1f}")
        breakdown(site, period)
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            compile_figures(site, period, today=dt.date(2026, 4, 1))
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        if max(times) >= TARGET_SECONDS:
            sys.exit(1)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
