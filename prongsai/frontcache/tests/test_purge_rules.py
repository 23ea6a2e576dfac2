"""R13, R30: each change a visitor can see purges exactly the cached URLs it makes stale."""

import pytest
from django.core.files.base import ContentFile

from prongsai.core.models import AgencySettings
from prongsai.sitepages.models import AgencyDocument
from prongsai.sitepages.tests.factories import metadata

pytestmark = pytest.mark.django_db

HOST = "www.example.go.th"


def oit_paths() -> set[str]:
    from prongsai.compliance.selectors import active_catalogues

    return {"/oit/"} | {
        f"/oit/{slug}/" for slug in active_catalogues().values_list("slug", flat=True)
    }


@pytest.fixture
def lists(db):
    """What lists every page: the sitemap, the news feed and the OIT pages."""
    return {"/sitemap.xml", "/feeds/news/"} | oit_paths()


def purged_by(purge_server, capture, change):
    purge_server.purged.clear()
    with capture(execute=True):
        change()
    assert {host for host, _path in purge_server.purged} <= {HOST}
    return purge_server.paths()


def test_r30_publishing_news_purges_it_its_listing_the_home_page_and_the_lists(
    tree, lists, purge_server, django_capture_on_commit_callbacks
):
    page = tree["first"]
    page.title = "ข่าวแรก (แก้ไข)"
    paths = purged_by(
        purge_server,
        django_capture_on_commit_callbacks,
        lambda: page.save_revision().publish(),
    )
    assert paths == {"/news/first/", "/news/", "/"} | lists  # not the other item nor laws


def test_r30_publishing_a_law_leaves_the_home_page_alone(
    tree, lists, purge_server, django_capture_on_commit_callbacks
):
    page = tree["law"]
    paths = purged_by(
        purge_server, django_capture_on_commit_callbacks, lambda: page.save_revision().publish()
    )
    assert paths == {"/laws/act/", "/laws/"} | lists


def test_r30_unpublishing_purges_the_same_urls(
    tree, lists, purge_server, django_capture_on_commit_callbacks
):
    paths = purged_by(purge_server, django_capture_on_commit_callbacks, tree["second"].unpublish)
    assert paths == {"/news/second/", "/news/", "/"} | lists


def test_r30_a_draft_purges_nothing(tree, purge_server, django_capture_on_commit_callbacks):
    page = tree["first"]
    page.title = "ร่าง"
    assert purged_by(purge_server, django_capture_on_commit_callbacks, page.save_revision) == set()


def test_r13_renaming_a_menu_page_purges_every_page(
    tree, lists, purge_server, django_capture_on_commit_callbacks
):
    page = tree["laws"]
    page.title = "กฎหมายที่เกี่ยวข้อง"
    paths = purged_by(
        purge_server, django_capture_on_commit_callbacks, lambda: page.save_revision().publish()
    )
    assert paths == {"/", "/news/", "/news/first/", "/news/second/", "/laws/", "/laws/act/"} | lists


def test_r13_editing_a_menu_page_body_only_purges_that_page(
    tree, lists, purge_server, django_capture_on_commit_callbacks
):
    page = tree["laws"]
    page.introduction = "คำอธิบายใหม่"
    paths = purged_by(
        purge_server, django_capture_on_commit_callbacks, lambda: page.save_revision().publish()
    )
    assert paths == {"/laws/", "/"} | lists  # its parent is the home page


def test_r13_moving_purges_old_and_new_urls_and_both_listings(
    tree, lists, purge_server, django_capture_on_commit_callbacks
):
    page = tree["law"]
    paths = purged_by(
        purge_server,
        django_capture_on_commit_callbacks,
        lambda: page.move(tree["news"], "last-child"),
    )
    assert paths == {"/laws/act/", "/news/act/", "/laws/", "/news/"} | lists


def test_r13_changing_a_slug_purges_the_old_url_too(
    tree, lists, purge_server, django_capture_on_commit_callbacks
):
    page = tree["law"]
    page.slug = "act-2569"
    paths = purged_by(
        purge_server, django_capture_on_commit_callbacks, lambda: page.save_revision().publish()
    )
    assert paths == {"/laws/act/", "/laws/act-2569/", "/laws/"} | lists


def test_r13_site_settings_purge_every_page(
    tree, lists, purge_server, django_capture_on_commit_callbacks
):
    def change():
        settings, _ = AgencySettings.objects.get_or_create(site=tree["home"].get_site())
        settings.phone = "0 7400 0000"
        settings.save()

    paths = purged_by(purge_server, django_capture_on_commit_callbacks, change)
    assert paths == {"/", "/news/", "/news/first/", "/news/second/", "/laws/", "/laws/act/"} | lists


def test_r30_a_document_purges_the_pages_that_attach_it_and_the_oit_pages(
    tree, purge_server, django_capture_on_commit_callbacks
):
    document = AgencyDocument(title="ประกาศ", **metadata())
    document.file.save("notice.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    page = tree["law"]
    page.attachments = [("document", document)]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    document.title = "ประกาศ (ฉบับแก้ไข)"
    paths = purged_by(purge_server, django_capture_on_commit_callbacks, document.save)
    assert paths == {"/laws/act/"} | oit_paths()


def test_r13_deleting_a_page_purges_it_and_its_listing(
    tree, lists, purge_server, django_capture_on_commit_callbacks
):
    paths = purged_by(purge_server, django_capture_on_commit_callbacks, tree["law"].delete)
    assert paths == {"/laws/act/", "/laws/"} | lists


def test_r30_a_document_window_opening_purges_the_pages_that_attach_it(
    tree, purge_server, django_capture_on_commit_callbacks
):
    import datetime as dt

    import time_machine

    from prongsai.frontcache.tasks import purge_document_windows

    from .conftest import at

    with time_machine.travel(at(2026, 12, 1, 8, 0), tick=False):
        document = AgencyDocument(title="ประกาศ", publish_from=at(2026, 12, 1, 9, 0), **metadata())
        document.file.save("notice.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
        document.save()
        page = tree["law"]
        page.attachments = [("document", document)]
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
            purge_document_windows.enqueue()  # nothing opens before 09:00
    purge_server.purged.clear()
    with (
        time_machine.travel(at(2026, 12, 1, 8, 59), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        purge_document_windows.enqueue()
    assert purge_server.paths() == set()
    with (
        time_machine.travel(at(2026, 12, 1, 9, 0) + dt.timedelta(seconds=40), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        purge_document_windows.enqueue()
    assert purge_server.paths() == {"/laws/act/"} | oit_paths()
