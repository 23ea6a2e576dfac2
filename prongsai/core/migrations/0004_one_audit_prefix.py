"""Rename recorded audit entries to the one ``prongsai.`` prefix (ADR 0170).

History written before the vocabulary in ``core/audit.py`` keeps its label in the log views.
The prefixes are copied here, not imported, so the migration stays as it was written.
"""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat, Substr

RENAMES = {
    "prongsai_accounts.": "prongsai.account.",
    "prongsai_traffic.": "prongsai.traffic.",
    "prongsai_publishing.": "prongsai.publishing.",
}


def _rename(apps, renames):
    for model in ("ModelLogEntry", "PageLogEntry"):
        entries = apps.get_model("wagtailcore", model).objects
        for old, new in renames.items():
            entries.filter(action__startswith=old).update(
                action=Concat(Value(new), Substr("action", len(old) + 1))
            )


def forwards(apps, schema_editor):
    _rename(apps, RENAMES)


def backwards(apps, schema_editor):
    _rename(apps, {new: old for old, new in RENAMES.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_agencysettings_staff_idle_minutes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
