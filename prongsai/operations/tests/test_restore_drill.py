"""The restore drill (R40, R26): a site with history is backed up, restored into a fresh
database and fresh folders, and everything is compared, row by row and byte by byte."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connections

from prongsai.operations import services
from prongsai.publishing import services as publishing
from prongsai.publishing.models import PublishRequest
from prongsai.publishing.tests.conftest import pdf_upload, request_data
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

from .conftest import private_media

pytestmark = pytest.mark.django_db(transaction=True)


def build_history(home_page, people, classes, client) -> dict:
    page = add_page(
        home_page, m.AgencyInfoPage, title="แผนงานประจำปี", slug="plan", **metadata(people["unit"])
    )
    page.title = "แผนงานประจำปี (ฉบับปรับปรุง)"
    page.save_revision().publish()
    request = publishing.request_submit(
        people["owner"], data=request_data(classes["general"]), files=[pdf_upload()]
    )
    publishing.request_approve(people["approver"], request, note="เห็นชอบ")
    document = m.AgencyDocument(title="รายงานประจำปี", **metadata(people["unit"]))
    document.file.save(
        "รายงาน.pdf", ContentFile(b"%PDF-1.4 annual report \x00\xff bytes"), save=False
    )
    document.save()
    for path in ("/", "/plan/", "/ไม่มีหน้านี้/"):
        client.get(path)
    return {"request": request, "document": document, "page": page}


def rows(alias: str) -> dict[str, list]:
    """Every row of every table, in a stable order."""
    connection = connections[alias]
    snapshot = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - introspected name
            snapshot[table] = sorted(
                repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))
                for row in cursor.fetchall()
            )
    return snapshot


def files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(Path(root).rglob("*"))
        if path.is_file()
    }


def test_r40_r26_restore_drill_brings_back_everything(
    settings, folders, fresh_install, home_page, people, classes, client
):
    alias, switch_folders = fresh_install
    made = build_history(home_page, people, classes, client)
    archive = services.make_backup()
    before_rows = rows("default")
    before_media = files(settings.MEDIA_ROOT)
    before_private = files(private_media().location)
    assert before_private  # the request's attachment
    before_traffic = files(settings.TRAFFIC_DIR)
    assert any(name.endswith(".seg") for name in before_traffic)
    # The page views not yet counted: the counting job reads them from here after a restore.
    before_visits = files(settings.PRONGSAI_VISITS_DIR)
    assert any(name.startswith("visits-") for name in before_visits)

    switch_folders()
    report = services.restore_backup(archive, alias=alias)

    assert report.ok, report.problems
    assert report.traffic_records == 3
    assert rows(alias) == before_rows
    assert files(settings.MEDIA_ROOT) == before_media
    assert files(private_media().location) == before_private
    assert files(settings.TRAFFIC_DIR) == before_traffic
    assert files(settings.PRONGSAI_VISITS_DIR) == before_visits
    # The history the law and the agency care about, named so a failure says what was lost.
    restored = PublishRequest.objects.using(alias).get(pk=made["request"].pk)
    assert restored.status == made["request"].__class__.objects.get(pk=made["request"].pk).status
    assert restored.events.count() == made["request"].events.count() >= 2
    document = m.AgencyDocument.objects.using(alias).get(pk=made["document"].pk)
    assert (
        (Path(settings.MEDIA_ROOT) / document.file.name).read_bytes().startswith(b"%PDF-1.4 annual")
    )
    from wagtail.models import PageLogEntry, Revision

    assert Revision.objects.using(alias).filter(object_id=str(made["page"].pk)).count() == 2
    assert PageLogEntry.objects.using(alias).count() == PageLogEntry.objects.count() > 0
