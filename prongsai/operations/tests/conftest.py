"""A fresh install to restore into: its own database (a second alias), media and traffic folders.

On PostgreSQL the database is created next to the test database (its name plus ``_restore``)
and dropped afterwards; on SQLite it is a new file.
"""

import copy

import pytest
from django.db import connections

from prongsai.publishing.models import RequestAttachment
from prongsai.publishing.tests.conftest import (  # noqa: F401 - fixtures shared with publishing
    _no_second_factor_in_publishing_tests,
    classes,
    news_index,
    people,
)
from prongsai.trafficlog import store

ALIAS = "restore_drill"


def private_media():
    """Request attachments' storage: its folder is fixed when the model is loaded (ADR 0081)."""
    return RequestAttachment._meta.get_field("file").storage


def point_private_media(monkeypatch, path):
    storage = private_media()
    monkeypatch.setattr(storage, "_location", str(path))
    for cached in ("base_location", "location"):
        storage.__dict__.pop(cached, None)


@pytest.fixture
def folders(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    point_private_media(monkeypatch, tmp_path / "private-media")
    settings.TRAFFIC_DIR = tmp_path / "traffic"
    settings.PRONGSAI_VISITS_DIR = tmp_path / "visits"
    settings.PRONGSAI_BACKUP_DIR = tmp_path / "backups"
    yield tmp_path
    store.process_writer().close()
    for cached in ("base_location", "location"):
        private_media().__dict__.pop(cached, None)


@pytest.fixture
def fresh_install(settings, tmp_path, monkeypatch):
    """Point media and traffic at new empty folders and give a new empty database alias."""
    default = connections["default"]
    config = copy.deepcopy(default.settings_dict)
    if default.vendor == "postgresql":
        config["NAME"] = f"{default.settings_dict['NAME']}_restore"
        _recreate_postgres(config["NAME"])
    else:
        config["NAME"] = str(tmp_path / "restored.sqlite3")
    connections.settings[ALIAS] = config
    # Opened here: Django's test case refuses to open aliases it was not set up with, and an
    # alias that exists only for this test cannot be declared there.
    connections[ALIAS].connect()

    def switch_folders():
        store.process_writer().close()
        settings.MEDIA_ROOT = tmp_path / "restored" / "media"
        point_private_media(monkeypatch, tmp_path / "restored" / "private-media")
        settings.TRAFFIC_DIR = tmp_path / "restored" / "traffic"
        settings.PRONGSAI_VISITS_DIR = tmp_path / "restored" / "visits"

    yield ALIAS, switch_folders
    connections[ALIAS].close()
    del connections[ALIAS]
    del connections.settings[ALIAS]
    if default.vendor == "postgresql":
        _drop_postgres(config["NAME"])


def _recreate_postgres(name):
    _drop_postgres(name)
    with connections["default"]._nodb_cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')


def _drop_postgres(name):
    with connections["default"]._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
