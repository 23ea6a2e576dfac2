"""The periodic visit count (django-crontask): the footer and reports lag a view by ≤ 1 minute."""

import glob
from pathlib import Path

from crontask import cron
from django.conf import settings
from django.tasks import task


def configured_logs() -> list[Path]:
    """nginx's visits logs (PRONGSAI_VISITS_LOGS, globs) and the application's own files."""
    from .visitlog import visits_dir

    patterns = [*settings.PRONGSAI_VISITS_LOGS, str(visits_dir() / "visits-*.log")]
    return sorted({Path(name) for pattern in patterns for name in glob.glob(pattern)})


@cron("* * * * *")
@task
def count_new_visits():
    from .services import count_visit_logs, forget_old_app_logs, forget_spent_salts

    summary = count_visit_logs(configured_logs())
    forget_spent_salts()
    forget_old_app_logs()
    return {"counted": summary.counted, "malformed": len(summary.malformed)}
