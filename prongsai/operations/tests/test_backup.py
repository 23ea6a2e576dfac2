"""Backups: bad archives and targets are refused before anything changes; encryption; retention;
the nightly job's runs and failures on the daily check (R32, R40)."""

import datetime as dt
import io
import json
import tarfile
from pathlib import Path

import pytest
import time_machine
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from django.core.management import CommandError, call_command
from django.db import connections

from prongsai.core.dailycheck import registered_checks
from prongsai.monitoring.models import JobRun
from prongsai.operations import crypto, database, services, tasks
from prongsai.operations.services import BackupRefused

from .conftest import point_private_media

# Backups read committed data (pg_dump runs in its own session), so the tests commit theirs.
pytestmark = pytest.mark.django_db(transaction=True)

BANGKOK = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture
def archive(folders, home_page, client):
    client.get("/")
    (Path(folders) / "media" / "documents").mkdir(parents=True)
    (Path(folders) / "media" / "documents" / "a.pdf").write_bytes(b"%PDF-1.4 a")
    return services.make_backup()


def assert_untouched(alias, settings):
    assert database.table_names(alias) == []
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.*"))
    assert not any(Path(settings.TRAFFIC_DIR).rglob("*.*"))


def rewrite_manifest(path: Path, change) -> None:
    with tarfile.open(path) as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar.getmembers()]
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for member, data in members:
            if member.name == "manifest.json":
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode()
                member.size = len(data)
            tar.addfile(member, io.BytesIO(data))


def test_r40_archive_holds_every_member_with_its_hash(archive):
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert names[-1] == "manifest.json"
    assert set(manifest["files"]) == set(names[:-1])
    assert {"policy/settings.json", "media/documents/a.pdf"} <= set(manifest["files"])
    assert any(name.startswith("traffic/") and name.endswith(".seg") for name in names)
    assert manifest["database"]["counts"]["wagtailcore_page"] >= 2
    assert "0001_initial" in manifest["database"]["migrations"]["sitepages"]
    assert manifest["app_version"] == services.app_version()


def test_r40_corrupt_archive_is_refused_before_anything_changes(archive, fresh_install, settings):
    alias, switch_folders = fresh_install
    switch_folders()
    data = bytearray(archive.read_bytes())
    data[700] ^= 0xFF  # inside the database dump, the first member
    archive.write_bytes(bytes(data))
    with pytest.raises(BackupRefused, match="ชุดสำรองเสียหายหรือไม่ครบ.*does not match its hash"):
        services.restore_backup(archive, alias=alias)
    assert_untouched(alias, settings)


def test_r40_truncated_archive_is_refused_before_anything_changes(archive, fresh_install, settings):
    alias, switch_folders = fresh_install
    switch_folders()
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(BackupRefused, match="ชุดสำรองเสียหายหรือไม่ครบ"):
        services.restore_backup(archive, alias=alias)
    assert_untouched(alias, settings)


def test_r40_archive_from_a_newer_version_is_refused(archive, fresh_install, settings):
    alias, switch_folders = fresh_install
    switch_folders()
    rewrite_manifest(archive, lambda manifest: manifest.update(app_version="99.0"))
    with pytest.raises(BackupRefused, match="ใหม่กว่ารุ่นที่ติดตั้ง"):
        services.restore_backup(archive, alias=alias)
    rewrite_manifest(
        archive,
        lambda manifest: (
            manifest.update(app_version=services.app_version()),
            manifest["database"]["migrations"]["sitepages"].append("9999_from_the_future"),
        ),
    )
    with pytest.raises(BackupRefused, match="sitepages.9999_from_the_future"):
        services.restore_backup(archive, alias=alias)
    assert_untouched(alias, settings)


def test_r40_restore_onto_a_non_empty_database_is_refused(archive, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "empty" / "media"
    point_private_media(monkeypatch, tmp_path / "empty" / "private-media")
    settings.TRAFFIC_DIR = tmp_path / "empty-traffic"
    before = database.table_counts()
    with pytest.raises(CommandError, match="ฐานข้อมูลปลายทางไม่ว่าง"):
        call_command("restore", str(archive))
    assert database.table_counts() == before


def test_r40_restore_into_non_empty_folders_is_refused(archive, fresh_install, settings):
    alias, _switch = fresh_install  # media and traffic still hold the live files
    with pytest.raises(BackupRefused, match="ไม่ว่าง"):
        services.restore_backup(archive, alias=alias)
    assert database.table_names(alias) == []


def _key_pair(tmp_path):
    private = X25519PrivateKey.generate()
    private_path, public_path = tmp_path / "backup.key", tmp_path / "backup.pub"
    private_path.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    public_path.write_bytes(
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return private_path, public_path


def test_r40_encrypted_archive_restores_only_with_its_private_key(
    folders, home_page, client, fresh_install, settings, tmp_path
):
    alias, switch_folders = fresh_install
    client.get("/")
    private_path, public_path = _key_pair(tmp_path)
    settings.PRONGSAI_BACKUP_PUBLIC_KEY = str(public_path)
    archive = services.make_backup()
    assert archive.name.endswith(".tar.enc") and crypto.is_encrypted(archive)
    assert b"wagtailcore_page" not in archive.read_bytes()
    switch_folders()
    with pytest.raises(BackupRefused, match="--key"):
        services.restore_backup(archive, alias=alias)
    (tmp_path / "other").mkdir()
    wrong, _public = _key_pair(tmp_path / "other")
    with pytest.raises(BackupRefused, match="ถอดรหัสชุดสำรองไม่ได้"):
        services.restore_backup(archive, alias=alias, private_key=wrong)
    cut = tmp_path / "cut.tar.enc"
    cut.write_bytes(archive.read_bytes()[:-100])
    with pytest.raises(BackupRefused, match="ถอดรหัสชุดสำรองไม่ได้"):
        services.restore_backup(cut, alias=alias, private_key=private_path)
    assert_untouched(alias, settings)
    report = services.restore_backup(archive, alias=alias, private_key=private_path)
    assert report.ok, report.problems
    assert report.traffic_records == 1


def test_retention_keeps_the_newest_of_each_recent_day_and_month(tmp_path):
    names = [
        "prongsai-backup-20261206T023000.tar",
        "prongsai-backup-20261205T023000.tar",
        "prongsai-backup-20261205T120000.tar.enc",
        "prongsai-backup-20261204T023000.tar",
        "prongsai-backup-20261130T023000.tar",
        "prongsai-backup-20261015T023000.tar",
        "prongsai-backup-20260901T023000.tar",
        "notes.txt",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    deleted = services.apply_retention(tmp_path, daily=2, monthly=3)
    assert sorted(p.name for p in deleted) == [
        "prongsai-backup-20260901T023000.tar",
        "prongsai-backup-20261204T023000.tar",
        "prongsai-backup-20261205T023000.tar",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [
            "notes.txt",
            "prongsai-backup-20261015T023000.tar",
            "prongsai-backup-20261130T023000.tar",
            "prongsai-backup-20261205T120000.tar.enc",
            "prongsai-backup-20261206T023000.tar",
        ]
    )


def _backup_findings():
    check = next(c for c in registered_checks() if c.key == "operations-backup")
    return check.run(today=None)


def test_r32_backup_job_runs_are_recorded_and_a_failure_shows_on_the_daily_check(
    folders, home_page, settings
):
    with time_machine.travel(dt.datetime(2026, 12, 6, 2, 30, tzinfo=BANGKOK), tick=False):
        tasks.backup.enqueue()
    run = JobRun.objects.get(job="backup")
    assert run.outcome == "success"
    assert run.counts["archive"] == "prongsai-backup-20261206T023000.tar"
    assert (Path(settings.PRONGSAI_BACKUP_DIR) / run.counts["archive"]).is_file()
    with time_machine.travel(dt.datetime(2026, 12, 6, 9, 0, tzinfo=BANGKOK), tick=False):
        assert _backup_findings() == []

    blocker = Path(folders) / "not-a-folder"
    blocker.write_text("the backup disk is not mounted")
    settings.PRONGSAI_BACKUP_DIR = blocker / "backups"
    with time_machine.travel(dt.datetime(2026, 12, 7, 2, 30, tzinfo=BANGKOK), tick=False):
        tasks.backup.enqueue()
    with time_machine.travel(dt.datetime(2026, 12, 7, 9, 0, tzinfo=BANGKOK), tick=False):
        findings = _backup_findings()
    assert [f.summary for f in findings] == ["การสำรองข้อมูลครั้งล่าสุดล้มเหลว (7 ธ.ค. 2569 02:30 น.)"]
    assert "Not a directory" in findings[0].detail
    with time_machine.travel(dt.datetime(2026, 12, 8, 9, 0, tzinfo=BANGKOK), tick=False):
        summaries = [f.summary for f in _backup_findings()]
    assert summaries[1] == "ไม่มีชุดสำรองข้อมูลที่สำเร็จภายใน 48 ชั่วโมง"


def test_backup_command_writes_an_archive(folders, home_page):
    out = io.StringIO()
    call_command("backup", stdout=out)
    written = Path(out.getvalue().split(" (")[0])
    assert written.is_file() and written.parent == Path(folders) / "backups"
    with tarfile.open(written) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert manifest["database"]["vendor"] == connections["default"].vendor
