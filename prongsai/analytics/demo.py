"""Demo visitor statistics: about 13 months of daily history. Idempotent."""

import datetime as dt
import random

from django.utils import timezone

from .models import DailyPageViews, DailySummary
from .services import section_of

PAGES = [
    ("/", "หน้าแรก", 40),
    ("/news/", "ข่าวประชาสัมพันธ์", 14),
    ("/e-services/", "บริการอิเล็กทรอนิกส์", 9),
    ("/e-services/health-certificate/", "ขอใบรับรองแพทย์ออนไลน์", 8),
    ("/statistics/", "สถิติการเข้าใช้บริการเว็บไซต์", 3),
    ("/questions/", "กระดานถาม-ตอบ", 6),
    ("/survey/", "แบบประเมินความพึงพอใจต่อเว็บไซต์", 2),
]


def load(stdout):
    today = timezone.localdate()
    if DailySummary.objects.filter(day__lt=today).exists():
        stdout.write("สถิติผู้เข้าชมตัวอย่างมีอยู่แล้ว")
        return []
    rng = random.Random(2569)  # noqa: S311 - demo figures, not security
    summaries, page_rows = [], []
    for offset in range(400, 0, -1):
        day = today - dt.timedelta(days=offset)
        weekday_factor = 1.0 if day.weekday() < 5 else 0.45
        growth = 1 + (400 - offset) / 800
        visitors = int(rng.randint(90, 160) * weekday_factor * growth)
        views = 0
        for path, title, weight in PAGES:
            count = max(0, int(visitors * weight / 30 * rng.uniform(0.7, 1.3)))
            views += count
            page_rows.append(
                DailyPageViews(
                    day=day, path=path, section=section_of(path), title=title, views=count
                )
            )
        summaries.append(DailySummary(day=day, views=views, visitors=visitors))
    DailySummary.objects.bulk_create(summaries)
    DailyPageViews.objects.bulk_create(page_rows)
    stdout.write(f"สถิติผู้เข้าชมตัวอย่าง {len(summaries)} วัน")
    return []
