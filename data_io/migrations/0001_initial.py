"""
What was sent to the Murmurations index moves here from profiles: the table
(profiles_murmurationspublication) stays as it is; only Django's state changes
(profiles 0010 forgets the model there, 0002 moves the content type).
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('profiles', '0009_listing_moves_to_listings'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='MurmurationsPublication',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('profile_url', models.URLField(max_length=500, unique=True)),
                ('content_hash', models.CharField(max_length=64)),
                ('published_at', models.DateTimeField()),
                ('node_id', models.CharField(blank=True, max_length=200)),
                ('withdrawn', models.BooleanField(default=False, help_text='The profile stopped being public and the index was told.')),
            ],
            options={
                'db_table': 'profiles_murmurationspublication',
                'ordering': ['profile_url'],
            },
        ),
            ],
            database_operations=[],
        ),
    ]
