"""Documents outside their publication window are not listed on public pages (R30)."""

import datetime as dt

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.utils import timezone

from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.UTC)


def _document(unit, title, **window):
    document = m.AgencyDocument(title=title, **metadata(unit), **window)
    document.file.save("notice.pdf", ContentFile(b"%PDF-1.4 notice"), save=False)
    document.save()
    return document


@time_machine.travel(NOW, tick=False)
def test_r30_attachments_outside_their_window_are_not_listed(client, home_page, unit):
    now = timezone.now()
    current = _document(unit, "ประกาศที่ยังเผยแพร่อยู่", publish_until=now + dt.timedelta(days=1))
    ended = _document(unit, "ประกาศที่หมดระยะเผยแพร่", publish_until=now - dt.timedelta(minutes=1))
    future = _document(unit, "ประกาศที่ยังไม่ถึงกำหนด", publish_from=now + dt.timedelta(hours=1))
    news = add_page(home_page, m.NewsIndexPage, slug="news")
    add_page(
        news,
        m.NewsPage,
        slug="with-documents",
        attachments=[{"type": "document", "value": doc.pk} for doc in (current, ended, future)],
        body=[
            {
                "type": "documents",
                "value": {"heading": "เอกสาร", "documents": [current.pk, ended.pk, future.pk]},
            }
        ],
        **metadata(unit),
    )

    html = client.get("/news/with-documents/").content.decode()

    assert html.count("ประกาศที่ยังเผยแพร่อยู่") == 2  # in the body list and the attachments
    assert "ประกาศที่หมดระยะเผยแพร่" not in html
    assert "ประกาศที่ยังไม่ถึงกำหนด" not in html
