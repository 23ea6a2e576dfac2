"""Restore a backup archive onto an empty install and verify it (docs/operations.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from prongsai.operations.services import BackupRefused, restore_backup


class Command(BaseCommand):
    help = "Restore ARCHIVE onto an empty database and empty media/traffic folders, then verify."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--key", type=Path, help="X25519 private key (PEM) of an encrypted archive"
        )
        parser.add_argument("--work-dir", type=Path, help="folder for the unpacked copy")

    def handle(self, *args, **options):
        try:
            report = restore_backup(
                options["archive"], private_key=options["key"], work_dir=options["work_dir"]
            )
        except BackupRefused as exc:
            raise CommandError(str(exc)) from exc
        counts = report.manifest["database"]["counts"]
        self.stdout.write(
            f"restored {sum(counts.values())} rows in {len(counts)} tables, "
            f"{len(report.manifest['files'])} files, {report.traffic_records} traffic records"
        )
        if not report.ok:
            raise CommandError("verification failed:\n" + "\n".join(report.problems))
        self.stdout.write(
            "verified: row counts, file hashes and the traffic chain match the backup"
        )
