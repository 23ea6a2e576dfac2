"""R30: publication windows run by the scheduler, the expiry lifecycle and the Thai 410."""

import datetime as dt
import urllib.parse

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.models import Page

from prongsai.accounts.tests.factories import UserFactory
from prongsai.monitoring import tasks as jobs
from prongsai.monitoring.models import ExpiredItem, JobRun
from prongsai.policy.testing import set_policy
from prongsai.sitepages.models import AgencyDocument, NewsPage
from prongsai.sitepages.tests.factories import metadata, whole_sitemap

from .conftest import at

pytestmark = pytest.mark.django_db


def run_scheduler_tick():
    """What the scheduler enqueues every minute; the test backend runs it immediately."""
    jobs.publish_scheduled.enqueue()


def test_r30_page_goes_live_and_comes_down_on_time_by_the_scheduler_alone(make_news):
    with time_machine.travel(at(2026, 11, 2, 8, 0), tick=False):
        page = make_news("ประกาศรับสมัครงาน", publish=False)
        page.go_live_at = at(2026, 11, 2, 9, 0)
        page.expire_at = at(2026, 11, 5, 17, 0)
        page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live

    with time_machine.travel(at(2026, 11, 2, 8, 59, 30), tick=False):
        run_scheduler_tick()
        assert not Page.objects.get(pk=page.pk).live

    with time_machine.travel(at(2026, 11, 2, 9, 0, 30), tick=False):
        run_scheduler_tick()
        page.refresh_from_db()
        assert page.live
        assert page.go_live_at is None  # the spent value is cleared (wagtail#13896)

    with time_machine.travel(at(2026, 11, 5, 17, 0, 40), tick=False):
        run_scheduler_tick()
        page.refresh_from_db()
        assert not page.live and page.expired
        assert ExpiredItem.objects.get(object_id=page.pk).active
        last = JobRun.objects.filter(job="publish_scheduled").first()
        assert last.outcome == "success" and last.counts["pages_expired"] == 1


def expire(page, when):
    page.expire_at = when
    page.save_revision().publish()
    with time_machine.travel(when + dt.timedelta(seconds=30), tick=False):
        run_scheduler_tick()
    page.refresh_from_db()


def test_r30_expired_url_answers_thai_410_and_is_gone_from_listing_search_sitemap(
    client, make_news, news_index
):
    with time_machine.travel(at(2026, 11, 2, 8, 0), tick=False):
        page = make_news("ประกาศประกวดราคาจ้างเหมาทำความสะอาด")
        url = page.url
        assert client.get(url).status_code == 200
        assert "ประกวดราคาจ้างเหมา" in client.get(news_index.url).content.decode()
        assert url in whole_sitemap(client)
    expire(page, at(2026, 11, 3, 0, 0))

    with time_machine.travel(at(2026, 11, 3, 9, 0), tick=False):
        response = client.get(url)
        assert response.status_code == 410
        body = response.content.decode()
        assert "สิ้นสุดระยะเวลาเผยแพร่" in body
        assert "ประกวดราคาจ้างเหมา" in body
        assert "ประกวดราคาจ้างเหมา" not in client.get(news_index.url).content.decode()
        assert url not in whole_sitemap(client)
        search = client.get("/search/", {"q": "ประกวดราคา"})
        assert search.status_code == 200
        assert url not in search.content.decode()
        assert not Page.objects.live().search("ประกวดราคา").results()
        # the item stays in the archive for staff
        assert Page.objects.filter(pk=page.pk, expired=True).exists()


def test_r30_unknown_url_is_still_a_plain_404(client, home_page):
    assert client.get("/no-such-page/").status_code == 404


def test_r30_republishing_an_expired_page_neither_410s_nor_re_expires(client, make_news):
    """wagtail#13896: the spent expire_at must not linger and expire the page again."""
    with time_machine.travel(at(2026, 11, 2, 8, 0), tick=False):
        page = make_news()
    expire(page, at(2026, 11, 3, 0, 0))
    assert page.expire_at is None
    assert page.latest_revision.content.get("expire_at") is None

    with time_machine.travel(at(2026, 11, 4, 9, 0), tick=False):
        page = NewsPage.objects.get(pk=page.pk)
        page.title = "ข่าวที่ปรับปรุงแล้ว"
        page.save_revision().publish()
        run_scheduler_tick()
        page.refresh_from_db()
        assert page.live and not page.expired
        assert client.get(page.url).status_code == 200
        assert not ExpiredItem.objects.get(object_id=page.pk).active


def test_r30_rescheduled_page_after_scheduled_publish_keeps_its_new_schedule(make_news):
    with time_machine.travel(at(2026, 11, 2, 8, 0), tick=False):
        page = make_news(publish=False)
        page.go_live_at = at(2026, 11, 2, 9, 0)
        page.save_revision().publish()
    with time_machine.travel(at(2026, 11, 2, 9, 1), tick=False):
        run_scheduler_tick()
    with time_machine.travel(at(2026, 11, 3, 9, 0), tick=False):
        page = NewsPage.objects.get(pk=page.pk)
        assert page.latest_revision.as_object().go_live_at is None
        page.expire_at = at(2026, 11, 10, 0, 0)
        page.save_revision().publish()
        run_scheduler_tick()
        page.refresh_from_db()
        assert page.live and page.expire_at == at(2026, 11, 10, 0, 0)


@pytest.fixture
def document(unit):
    def _make(**window):
        doc = AgencyDocument(title="ประกาศผลการคัดเลือก", **metadata(unit), **window)
        doc.file.save("result.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        doc.save()
        return doc

    return _make


def test_r30_document_is_served_only_inside_its_window(client, document):
    doc = document(publish_from=at(2026, 11, 2, 9, 0), publish_until=at(2026, 11, 9, 0, 0))
    with time_machine.travel(at(2026, 11, 2, 8, 0), tick=False):
        assert client.get(doc.url).status_code == 404
    with time_machine.travel(at(2026, 11, 3, 8, 0), tick=False):
        assert client.get(doc.url).status_code == 200
    with time_machine.travel(at(2026, 11, 9, 0, 1), tick=False):
        run_scheduler_tick()
        response = client.get(doc.url)
        assert response.status_code == 410
        assert "สิ้นสุดระยะเวลาเผยแพร่" in response.content.decode()
        assert ExpiredItem.objects.get(kind="document", object_id=doc.pk).active


def test_r30_public_documents_excludes_documents_outside_their_window(document):
    from prongsai.monitoring.windows import public_documents

    inside = document(publish_until=at(2026, 12, 1, 0, 0))
    ended = document(publish_until=at(2026, 11, 1, 0, 0))
    with time_machine.travel(at(2026, 11, 15, 0, 0), tick=False):
        assert list(public_documents()) == [inside]
        assert ended not in public_documents()


def test_r30_window_ending_before_it_starts_is_refused_in_thai(document, unit):
    doc = AgencyDocument(
        title="เอกสาร",
        **metadata(unit),
        publish_from=at(2026, 11, 5, 0, 0),
        publish_until=at(2026, 11, 1, 0, 0),
    )
    doc.file.save("a.pdf", ContentFile(b"%PDF-1.4"), save=False)
    with pytest.raises(ValidationError) as excinfo:
        doc.full_clean()
    assert "วันสิ้นสุดการเผยแพร่ต้องอยู่หลังวันเริ่มเผยแพร่" in str(excinfo.value)


def test_r30_page_window_ending_before_it_starts_is_refused_by_the_editor(client, make_news):
    page = make_news()
    editor = UserFactory(username="editor", is_superuser=True)
    client.force_login(editor)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    form = client.get(edit_url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is not None:
            data[name] = value
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "news_kind": "general",
            "body": streamfield([]),
            "attachments": streamfield([]),
            "gallery": streamfield([]),
            "owner_unit": page.owner_unit_id,
            "source": page.source,
            "info_period_start": "2026-10-01",
            "published_date": "2026-11-01",
            "go_live_at": "2027-01-10 09:00",
            "expire_at": "2027-01-05 09:00",
        }
    )
    response = client.post(edit_url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "expire_at" in errors
    assert NewsPage.objects.get(pk=page.pk).expire_at is None


def test_r30_owner_is_told_n_days_before_expiry_once(
    make_news, unit, settings, django_capture_on_commit_callbacks
):
    set_policy(expiry_notice_days=7)
    owner = UserFactory(username="owner", unit=unit)
    with time_machine.travel(at(2026, 11, 1, 8, 0), tick=False):
        page = make_news("ประกาศรับฟังความคิดเห็น")
        page.expire_at = at(2026, 11, 20, 0, 0)
        page.save_revision().publish()
    with time_machine.travel(at(2026, 11, 10, 7, 0), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            jobs.expiry_notices.enqueue()
        assert mail.outbox == []
    with (
        time_machine.travel(at(2026, 11, 14, 7, 0), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        jobs.expiry_notices.enqueue()
        jobs.expiry_notices.enqueue()
    assert len(mail.outbox) == 1
    assert owner.email in mail.outbox[0].to
    assert "ประกาศรับฟังความคิดเห็น" in mail.outbox[0].subject


def test_r30_template_filter_hides_documents_outside_their_window(document):
    from django.template import Context, Template

    ended = document(publish_until=at(2026, 11, 1, 0, 0))
    current = document(publish_until=at(2026, 12, 1, 0, 0))
    template = Template(
        "{% load monitoring_tags %}{% for d in docs %}"
        "{% if d|in_publication_window %}[{{ d.pk }}]{% endif %}{% endfor %}"
    )
    with time_machine.travel(at(2026, 11, 15, 0, 0), tick=False):
        rendered = template.render(Context({"docs": [ended, current]}))
    assert rendered == f"[{current.pk}]"


def test_r30_expired_page_with_a_thai_slug_answers_thai_410(client, make_news):
    """Issue 11 item 3: a Thai slug is percent-encoded in the URL; it answered 404."""
    with time_machine.travel(at(2026, 11, 2, 8, 0), tick=False):
        page = make_news("ประกาศรับสมัครงานเดือนธันวาคม", slug="ประกาศรับสมัครงาน-ธันวาคม-2569")
        url = page.url
        assert "%E0%B8" in url  # the address is percent-encoded
        assert client.get(url).status_code == 200
    expire(page, at(2026, 11, 3, 0, 0))

    with time_machine.travel(at(2026, 11, 3, 9, 0), tick=False):
        for address in (url, url.lower(), urllib.parse.unquote(url)):
            response = client.get(address)
            assert response.status_code == 410, address
            assert "สิ้นสุดระยะเวลาเผยแพร่" in response.content.decode()
            assert "ประกาศรับสมัครงานเดือนธันวาคม" in response.content.decode()


def test_r30_expired_document_with_a_thai_file_name_answers_thai_410(client, unit):
    doc = AgencyDocument(
        title="ประกาศผลการสอบคัดเลือก",
        **metadata(unit),
        publish_until=at(2026, 11, 9, 0, 0),
    )
    doc.file.save("ประกาศผลการสอบ.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    doc.save()
    with time_machine.travel(at(2026, 11, 3, 8, 0), tick=False):
        assert client.get(doc.url).status_code == 200
    with time_machine.travel(at(2026, 11, 9, 0, 1), tick=False):
        run_scheduler_tick()
        response = client.get(doc.url)
        assert response.status_code == 410
        assert "สิ้นสุดระยะเวลาเผยแพร่" in response.content.decode()


def test_r30_r62_a_webmaster_taking_an_expired_page_down_by_hand_leaves_the_thai_410(
    client, make_news
):
    """Bang Mak ข้อ 3.2 / Satun PHO: the webmaster takes an item down once its window has ended
    (the scheduler had not yet). Its address then says it has ended, as after the scheduler."""
    with time_machine.travel(at(2026, 11, 2, 8, 0), tick=False):
        page = make_news("ประกาศรับสมัครพนักงานจ้าง")
        page.expire_at = at(2026, 11, 5, 17, 0)
        page.save_revision().publish()
        url = page.url
        page.unpublish()  # taken down early, before its window ends: an ordinary 404
        assert not ExpiredItem.objects.exists()
        page.save_revision().publish()
    with time_machine.travel(at(2026, 11, 6, 9, 0), tick=False):
        page.refresh_from_db()
        assert page.live  # the scheduler has not run
        page.unpublish(user=UserFactory(is_superuser=True))
        item = ExpiredItem.objects.get(object_id=page.pk)
        assert item.active and item.expired_at == at(2026, 11, 5, 17, 0)
        assert client.get(url).status_code == 410
        page.refresh_from_db()
        assert page.expire_at is None  # a later re-publish is not expired again at once
