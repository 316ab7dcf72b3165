# The benchmark's ScaleNetwork table was created here; it now belongs to the bench app,
# installed only under bench.settings. Kept, empty, so databases that applied it stay
# consistent; 0002 drops the old table.

from django.db import migrations


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = []
