"""The steering group's first social contract, so new agreements have a template to start from."""

from django.db import migrations

from exchanges.agreements import DEFAULT_TEXT, DEFAULT_TITLE


def add_template(apps, schema_editor):
    AgreementTemplate = apps.get_model("exchanges", "AgreementTemplate")
    if not AgreementTemplate.objects.exists():
        AgreementTemplate.objects.create(title=DEFAULT_TITLE, text=DEFAULT_TEXT)


class Migration(migrations.Migration):
    dependencies = [("exchanges", "0001_initial")]

    operations = [migrations.RunPython(add_template, migrations.RunPython.noop)]
