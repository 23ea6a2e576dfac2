"""The loaded demo copied into a test (prongsai/core/testing.py, ADR 0315 and 0330): the test
gets the demo's rows, new rows get ids after the copied ones, and the rollback leaves the
database as it was — on SQLite and on PostgreSQL."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Page

from prongsai.accounts.models import User
from prongsai.core import testing
from prongsai.sitepages.models import HomePage


class _RolledBack(Exception):
    pass


def _rewind_id_sequence(model) -> None:
    """Set the table's id sequence back to 1, as a flush that resets sequences leaves it (a
    sequence is not rolled back with the test). SQLite takes the next id from the table's
    highest one, so there is nothing to rewind."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), 1, false)",
                [model._meta.db_table],
            )


def _new_rows(home):
    """A page under the demo's home page and a user, saved after the copy."""
    page = home.add_child(instance=Page(title="หน้าใหม่หลังสำเนา", slug="new-after-the-copy"))
    user = User.objects.create(username="new-after-the-copy")
    return page, user


def test_the_demo_fixture_gives_the_test_the_loaded_demo(demo):
    assert isinstance(demo, HomePage) and demo.live
    assert Page.objects.live().descendant_of(demo).count() >= 50
    assert User.objects.filter(username="approver", must_change_password=True).exists()
    # Content type ids are the copy's, and this process does not remember older ones.
    assert demo.content_type_id == ContentType.objects.get_for_model(HomePage).pk


def test_a_filled_copy_is_gone_after_the_rollback_and_new_rows_get_new_ids(_demo_copy, db):
    pages_before, users_before = Page.objects.count(), User.objects.count()
    assert not User.objects.filter(username="approver").exists()
    _rewind_id_sequence(Page)
    _rewind_id_sequence(User)

    with pytest.raises(_RolledBack), transaction.atomic():
        testing.fill_from_copy()
        home = HomePage.objects.get()
        copied_pages = set(Page.objects.values_list("pk", flat=True))
        copied_users = set(User.objects.values_list("pk", flat=True))
        assert len(copied_pages) > 50 and User.objects.filter(username="approver").exists()

        page, user = _new_rows(home)  # an id taken again would fail as a duplicate key

        assert page.pk > max(copied_pages) and user.pk > max(copied_users)
        assert page.get_parent().specific == home
        raise _RolledBack

    testing.forget_cached_rows()
    assert (Page.objects.count(), User.objects.count()) == (pages_before, users_before)
    assert not User.objects.filter(username__in=["approver", "new-after-the-copy"]).exists()
    assert not Page.objects.filter(slug="new-after-the-copy").exists()
