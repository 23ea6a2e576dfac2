"""Back up the whole install into one archive, restore it onto an empty install, keep N of them.

Run by `manage.py backup` / `manage.py restore` and the nightly job (tasks.py); no web view
reaches them. Operations sits at the end of the import chain: it reads the other apps through
the app registry and the traffic store's own verifier.
"""

import dataclasses
import importlib.metadata
import os
import re
import shutil
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.translation import gettext as _
from packaging.version import InvalidVersion, Version

from . import archive, conf, crypto, database

NAME_PATTERN = re.compile(r"^prongsai-backup-(\d{8}T\d{6})\.tar(\.enc)?$")
# Files the traffic store appends to are copied after the files that anchor them, so a copy
# never has a checkpoint or running head ahead of its segment.
_TRAFFIC_ORDER = {".log": 0, ".head": 1, ".seg": 2}


class BackupRefused(Exception):
    """Refused before anything was changed; the message says why and what to do."""


@dataclasses.dataclass
class RestoreReport:
    manifest: dict
    problems: list[str]
    traffic_records: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def app_version() -> str:
    try:
        return importlib.metadata.version("prongsai")
    except importlib.metadata.PackageNotFoundError:
        return "0"


def _policy(staging: Path) -> Path:
    """The sites and every site's settings (agency policy), readable without restoring."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    objects = list(apps.get_model("wagtailcore", "Site").objects.order_by("pk"))
    for model in apps.get_models():
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting)):
            objects.extend(model.objects.order_by("pk"))
    path = staging / "policy.json"
    path.write_text(serializers.serialize("json", objects, indent=1, ensure_ascii=False), "utf-8")
    return path


def file_roots() -> dict[str, Path]:
    """The folders a backup holds, by their name inside the archive."""
    attachment = apps.get_model("publishing", "RequestAttachment")
    return {
        "media": Path(settings.MEDIA_ROOT),
        "private-media": Path(attachment._meta.get_field("file").storage.location),
        "traffic": Path(settings.TRAFFIC_DIR),
        # The application's visits logs (analytics.visitlog): lines not yet counted, and the
        # files whose read positions the database holds (VisitLogPosition).
        "visits": Path(settings.PRONGSAI_VISITS_DIR),
    }


def _traffic_key(path: Path):
    return (_TRAFFIC_ORDER.get(path.suffix, 0), str(path))


def make_backup(*, directory: Path | None = None, public_key: Path | None = None, now=None) -> Path:
    """Write ``prongsai-backup-<time>.tar`` (``.tar.enc`` when encrypted) and return its path."""
    directory = Path(directory or conf.backup_dir())
    public_key = public_key or conf.public_key_path()
    key = crypto.load_public_key(public_key) if public_key else None
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime(now or timezone.now()).strftime("%Y%m%dT%H%M%S")
    final = directory / f"prongsai-backup-{stamp}.tar{'.enc' if key else ''}"
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=directory))
    try:
        dumped = database.dump(staging)
        tar_path = staging / "archive.tar"
        writer = archive.ArchiveWriter(tar_path)
        writer.add_file(staging / dumped["member"], dumped["member"])
        writer.add_file(_policy(staging), "policy/settings.json")
        for name, root in file_roots().items():
            writer.add_tree(root, name, order=_traffic_key if name == "traffic" else None)
        writer.close(
            {
                "created": timezone.now().isoformat(),
                "app_version": app_version(),
                "database": {
                    "vendor": dumped["vendor"],
                    "member": dumped["member"],
                    "migrations": dumped["migrations"],
                    "counts": dumped["counts"],
                },
            }
        )
        produced = tar_path
        if key:
            produced = staging / "archive.tar.enc"
            crypto.encrypt_file(tar_path, produced, key)
        with open(produced, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(produced, final)  # the archive appears whole or not at all
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return final


def apply_retention(directory: Path | None = None, *, daily=None, monthly=None) -> list[Path]:
    """Keep the newest archive of each of the last N days and of each of the last M months."""
    directory = Path(directory or conf.backup_dir())
    daily = conf.keep_daily() if daily is None else daily
    monthly = conf.keep_monthly() if monthly is None else monthly
    found = []
    for path in directory.glob("prongsai-backup-*"):
        match = NAME_PATTERN.match(path.name)
        if match:
            found.append((match.group(1), path))
    found.sort(reverse=True)
    keep: set[Path] = set()
    days: set[str] = set()
    months: set[str] = set()
    for stamp, path in found:
        if stamp[:8] not in days and len(days) < daily:
            days.add(stamp[:8])
            keep.add(path)
        if stamp[:6] not in months and len(months) < monthly:
            months.add(stamp[:6])
            keep.add(path)
    deleted = [path for _stamp, path in found if path not in keep]
    for path in deleted:
        path.unlink()
    return deleted


def run_backup_job() -> dict:
    path = make_backup()
    deleted = apply_retention(path.parent)
    return {"archive": path.name, "bytes": path.stat().st_size, "deleted": len(deleted)}


# --- restore ---


def _has_files(root: Path) -> bool:
    return root.exists() and any(p.is_file() for p in root.rglob("*"))


def _check_versions(manifest: dict) -> None:
    made_by = str(manifest.get("app_version", "0"))
    try:
        newer = Version(made_by) > Version(app_version())
    except InvalidVersion:
        newer = True
    if newer:
        raise BackupRefused(
            _(
                "ชุดสำรองนี้สร้างโดยโปรงใสรุ่น %(archive)s ซึ่งใหม่กว่ารุ่นที่ติดตั้ง (%(here)s): ติดตั้งรุ่นเดียวกันหรือใหม่กว่าก่อนกู้คืน"
            )
            % {"archive": made_by, "here": app_version()}
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [
        f"{app}.{name}"
        for app, names in manifest["database"]["migrations"].items()
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupRefused(
            _(
                "ชุดสำรองนี้มีโครงสร้างฐานข้อมูลที่รุ่นที่ติดตั้งไม่รู้จัก (%(migrations)s): สร้างโดยรุ่นที่ใหม่กว่า ติดตั้งรุ่นเดียวกันก่อนกู้คืน"
            )
            % {"migrations": ", ".join(unknown[:5])}
        )


def _check_target(manifest: dict, alias: str) -> None:
    here = database.vendor(alias)
    there = manifest["database"]["vendor"]
    if here != there:
        raise BackupRefused(
            _("ชุดสำรองนี้เป็นฐานข้อมูล %(there)s แต่ระบบที่ติดตั้งใช้ %(here)s")
            % {"there": there, "here": here}
        )
    tables = database.table_names(alias)
    if tables:
        raise BackupRefused(
            _(
                "ฐานข้อมูลปลายทางไม่ว่าง (มี %(count)d ตาราง): กู้คืนได้เฉพาะลงฐานข้อมูลที่สร้างใหม่และยังไม่ได้ migrate"
            )
            % {"count": len(tables)}
        )
    for root in file_roots().values():
        if _has_files(root):
            raise BackupRefused(
                _("โฟลเดอร์ %(path)s ไม่ว่าง: กู้คืนได้เฉพาะลงโฟลเดอร์ว่าง") % {"path": root}
            )


def _check_space(manifest: dict) -> None:
    for prefix, root in file_roots().items():
        needed = sum(
            f["size"] for name, f in manifest["files"].items() if name.startswith(prefix + "/")
        )
        root.mkdir(parents=True, exist_ok=True)
        free = shutil.disk_usage(root).free
        if needed > free:
            raise BackupRefused(
                _("พื้นที่ว่างใน %(path)s ไม่พอ: ต้องการ %(needed)d ไบต์ มี %(free)d ไบต์")
                % {"path": root, "needed": needed, "free": free}
            )


def _open(archive_path: Path, private_key: Path | None, work: Path) -> dict:
    source = Path(archive_path)
    if not source.is_file():
        raise BackupRefused(_("ไม่พบไฟล์ชุดสำรอง %(path)s") % {"path": source})
    if crypto.is_encrypted(source):
        if not private_key:
            raise BackupRefused(_("ชุดสำรองนี้เข้ารหัสไว้: ระบุกุญแจส่วนตัวด้วย --key"))
        plain = work / "archive.tar"
        try:
            crypto.decrypt_file(source, plain, crypto.load_private_key(private_key))
        except (crypto.DecryptionError, ValueError) as exc:
            raise BackupRefused(_("ถอดรหัสชุดสำรองไม่ได้: %(error)s") % {"error": exc}) from exc
        source = plain
    try:
        return archive.unpack(source, work / "unpacked")
    except archive.DamagedArchive as exc:
        raise BackupRefused(_("ชุดสำรองเสียหายหรือไม่ครบ จึงไม่กู้คืน: %(error)s") % {"error": exc}) from exc


def _move_tree(staged: Path, target: Path) -> None:
    if not staged.exists():
        return
    for path in sorted(staged.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(staged)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, destination)


def verify_restored(manifest: dict, alias: str = "default") -> RestoreReport:
    from prongsai.trafficlog import verify

    problems = []
    roots = file_roots()
    counts = database.table_counts(alias)
    for table, expected in manifest["database"]["counts"].items():
        if counts.get(table) != expected:
            problems.append(f"table {table}: {counts.get(table)} rows, the backup had {expected}")
    for name, expected in manifest["files"].items():
        root, _sep, rest = name.partition("/")
        base = roots.get(root)
        if base is None:
            continue
        path = Path(base) / rest
        if not path.is_file() or archive.sha256_of(path) != expected["sha256"]:
            problems.append(f"{name}: missing or different from the backup")
    result = verify.verify_all()
    if not result.ok:
        problems.append(f"traffic chain: {result.first_problem()}")
    return RestoreReport(manifest=manifest, problems=problems, traffic_records=result.records)


def restore_backup(
    archive_path: Path, *, private_key: Path | None = None, alias="default", work_dir=None
):
    """Check everything, then restore the database, media and traffic store; verify them."""
    work = Path(tempfile.mkdtemp(prefix="prongsai-restore-", dir=work_dir))
    try:
        manifest = _open(archive_path, private_key, work)
        if manifest.get("format") != archive.FORMAT:
            raise BackupRefused(_("รูปแบบชุดสำรองไม่รู้จัก: สร้างโดยรุ่นที่ใหม่กว่า"))
        _check_versions(manifest)
        _check_target(manifest, alias)
        _check_space(manifest)
        unpacked = work / "unpacked"
        try:
            database.restore(
                unpacked / manifest["database"]["member"], manifest["database"]["vendor"], alias
            )
        except database.DatabaseError as exc:
            raise BackupRefused(str(exc)) from exc
        for name, root in file_roots().items():
            _move_tree(unpacked / name, root)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return verify_restored(manifest, alias)
