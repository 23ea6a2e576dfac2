"""The common Thai government website satisfaction form, editable afterwards as snippets."""

from django.db import migrations

from ._defaults import create_defaults


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]
    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
