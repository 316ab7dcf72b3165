"""The steering group's first social contract, so new agreements have a template to start from."""

from django.db import migrations

DEFAULT_TITLE = "CoTech exchange agreement"

# A copy of exchanges.agreements' defaults as they were when this migration was
# written: a migration imports no live module, so later edits there change nothing here.
DEFAULT_TEXT = """\
## Communication
We answer each other within two working days and say early when something gets in the way.

## Time commitment
The helper gives the time agreed in this exchange's terms; the host makes the people and
information needed available. Either side says as soon as the time cannot be kept.

## Who does what
The host owns the work and its decisions; the helper brings their skills, shares what they
know and leaves the host able to carry on without them.

## Confidentiality
What we learn about each other's clients, members and finances stays between us unless we
agree otherwise in writing.

## Licensing
Work made during the exchange is published under an open licence (code under the licence
the host's project already uses, other material under CC BY-SA 4.0) unless the terms say
otherwise.

## Ending early
Either side may end the exchange early with a short written reason. Costs already incurred
are shared as the co-budget says, in proportion to the time given.

## Feedback
At the end both people write a short reflection (what worked, what didn't) so the network
can learn from each exchange.
"""


def add_template(apps, schema_editor):
    AgreementTemplate = apps.get_model("exchanges", "AgreementTemplate")
    if not AgreementTemplate.objects.exists():
        AgreementTemplate.objects.create(title=DEFAULT_TITLE, text=DEFAULT_TEXT)


class Migration(migrations.Migration):
    dependencies = [("exchanges", "0001_initial")]

    operations = [migrations.RunPython(add_template, migrations.RunPython.noop)]
