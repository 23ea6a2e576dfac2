"""Write one backup archive of this install and apply the retention rule (docs/operations.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from prongsai.operations.services import apply_retention, make_backup


class Command(BaseCommand):
    help = "Back up the database, media, traffic store and site policy into one archive."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, help="target folder (PRONGSAI_BACKUP_DIR)")
        parser.add_argument("--encrypt-to", type=Path, help="X25519 public key (PEM)")
        parser.add_argument("--no-retention", action="store_true", help="delete no old archive")

    def handle(self, *args, **options):
        path = make_backup(directory=options["dir"], public_key=options["encrypt_to"])
        self.stdout.write(f"{path} ({path.stat().st_size} bytes)")
        if not options["no_retention"]:
            for deleted in apply_retention(path.parent):
                self.stdout.write(f"retention: deleted {deleted.name}")
