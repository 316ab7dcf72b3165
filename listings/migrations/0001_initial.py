"""
Listings move here from profiles: their table (profiles_listing) and its skills
table (profiles_listing_skills) stay as they are, so no row moves. This migration
only tells Django's state that the model lives here now; profiles 0009 forgets it
there, and 0002 moves the content type (and with it permissions and admin history).
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import listings.models
from decimal import Decimal
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('profiles', '0008_member_directory_order'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='Listing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('need', 'Need'), ('offer', 'Offer')], max_length=10)),
                ('category', models.CharField(choices=[('skill-help', 'Skill help'), ('work', 'Work opportunity'), ('in-kind', 'In-kind support'), ('office-space', 'Office space'), ('other', 'Other')], default='skill-help', max_length=20)),
                ('title', models.CharField(max_length=120)),
                ('description', models.TextField(blank=True, help_text='Markdown.', max_length=10000)),
                ('time_amount', models.DecimalField(blank=True, decimal_places=1, max_digits=6, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0.5'))], verbose_name='time involved')),
                ('time_unit', models.CharField(choices=[('hours', 'hours'), ('days', 'days')], default='days', max_length=10)),
                ('cost_kind', models.CharField(choices=[('free', 'Free'), ('paid', 'Paid'), ('negotiable', 'Negotiable')], default='free', max_length=12, verbose_name='cost')),
                ('cost_amount', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0'))])),
                ('currency', models.CharField(default='GBP', max_length=3)),
                ('deadline', models.DateField(blank=True, null=True)),
                ('place', models.CharField(blank=True, max_length=120)),
                ('region', models.CharField(blank=True, db_index=True, max_length=80)),
                ('remote_ok', models.BooleanField(default=True, verbose_name='remote is fine')),
                ('is_public', models.BooleanField(default=False, help_text='Otherwise only members see it.', verbose_name='show to visitors and in feeds')),
                ('expires_on', models.DateField(default=listings.models.default_expiry)),
                ('status', models.CharField(choices=[('open', 'Open'), ('fulfilled', 'Fulfilled'), ('withdrawn', 'Withdrawn')], default='open', max_length=10)),
                ('closed_at', models.DateTimeField(blank=True, null=True)),
                ('reminded_for_expiry', models.DateField(blank=True, null=True)),
                ('confirmed_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('search_text', models.TextField(blank=True, editable=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='listings', to='profiles.member')),
                ('coop', models.ForeignKey(blank=True, help_text='Post on behalf of one of your co-ops, or leave empty for yourself.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='listings', to='profiles.coop')),
                ('skills', models.ManyToManyField(blank=True, related_name='listings', to='profiles.skill')),
            ],
            options={
                'db_table': 'profiles_listing',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['status', 'kind', 'expires_on'], name='listing_open_kind'), models.Index(fields=['-confirmed_at'], name='listing_confirmed'), models.Index(condition=models.Q(('status', 'open')), fields=['kind', 'expires_on'], include=('id', 'author', 'coop', 'region', 'remote_ok', 'confirmed_at'), name='listing_match')],
            },
        ),
            ],
            database_operations=[],
        ),
    ]
