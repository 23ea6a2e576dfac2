"""Demo data for monitoring: a broken link to find, an expired item, an overdue review (R30–R32)."""

import datetime as dt

from django.utils import timezone
from wagtail.models import Page

from prongsai.sitepages import models as m

from . import services, windows

#: An address on our own site that no longer exists; the daily check reports it (e2e test).
#: On the demo agency's main domain (sitepages/demo.py), never a development host: the site
#: shows this link to visitors (ADR 0261).
BROKEN_LINK_URL = "https://www.example.go.th/news/old-job-announcement-2566/"
BROKEN_LINK_TITLE = "ประกาศรับสมัครงาน (ฉบับเดิม)"
EXPIRED_SLUG = "procurement-notice-expired"


def _seed_broken_link(stdout) -> None:
    collection = m.LinkCollectionPage.objects.filter(slug="agencies").first()
    if collection is None or collection.links.filter(title=BROKEN_LINK_TITLE).exists():
        return
    collection.links.add(
        m.WebLink(
            title=BROKEN_LINK_TITLE,
            url=BROKEN_LINK_URL,
            kind="own-system",
            sort_order=collection.links.count(),
        )
    )
    collection.save()
    collection.save_revision(log_action=False).publish()


def _seed_expired_item() -> None:
    news = m.NewsIndexPage.objects.first()
    if news is None or Page.objects.filter(slug=EXPIRED_SLUG).exists():
        return
    existing = m.NewsPage.objects.child_of(news).first()
    if existing is None:
        return
    page = m.NewsPage(
        title="ประกาศประกวดราคาซื้อวัสดุการแพทย์ (หมดระยะเผยแพร่แล้ว)",
        slug=EXPIRED_SLUG,
        owner_unit=existing.owner_unit,
        source=existing.source,
        info_period_start=existing.info_period_start,
        published_date=timezone.localdate() - dt.timedelta(days=40),
    )
    news.add_child(instance=page)
    page.save_revision().publish()
    page.expire_at = timezone.now() - dt.timedelta(days=1)
    page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
    windows.record_page_expiry(page)


def _seed_overdue_review() -> None:
    page = m.NewsPage.objects.live().order_by("pk").first()
    if page is None:
        return
    schedule = services.schedule_for(page)
    if schedule.actions.exists() or schedule.is_due():
        return
    schedule.last_reviewed_at = timezone.now() - dt.timedelta(days=400)
    # A review cannot come before the page went live: the page has been up for longer.
    went_live = schedule.last_reviewed_at - dt.timedelta(days=30)
    Page.objects.filter(pk=page.pk, first_published_at__gt=went_live).update(
        first_published_at=went_live
    )
    schedule.due_at = schedule.compute_due_at()
    schedule.save()


def load(stdout):
    _seed_broken_link(stdout)
    _seed_expired_item()
    services.sync_schedules()
    _seed_overdue_review()
    stdout.write("ข้อมูลตัวอย่างการติดตามเว็บไซต์: ลิงก์เสีย 1 รายการ รายการหมดระยะ 1 รายการ")
    return []
