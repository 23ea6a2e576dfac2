"""`manage.py thai_reindex`: rebuild the search index after a tokenizer or dictionary change."""

from django.core.management.base import BaseCommand

from prongsai.search.indexing import DEFAULT_BATCH_SIZE, reindex_all


class Command(BaseCommand):
    help = "สร้างดัชนีค้นหาใหม่ด้วยการตัดคำภาษาไทย ทำทีละชุดขณะเว็บไซต์ให้บริการอยู่ได้"

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)

    def handle(self, *args, batch_size, **options):
        show = options["verbosity"] > 0

        def progress(label: str, done: int, total: int) -> None:
            if not show:
                return
            width = 30
            filled = width * done // total if total else width
            bar = "#" * filled + "-" * (width - filled)
            ending = "\n" if done >= total else ""
            self.stdout.write(f"\r{label:<36} [{bar}] {done}/{total}", ending=ending)
            self.stdout.flush()

        result = reindex_all(batch_size=batch_size, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"จัดทำดัชนีแล้ว {result['items']} รายการ ใน {result['seconds']:.1f} วินาที "
                f"({result['items_per_second']:.0f} รายการ/วินาที; "
                f"เขียนใหม่เฉพาะที่เปลี่ยน {result['written']} รายการ)"
            )
        )
