"""A meeting place stands for one or more facility records (one real place may appear in several layers,
or several times in one): MeetingPlace.facility (one-to-one) becomes MeetingPlace.facilities through
MeetingPlaceFacility, each facility record linked to one place at most. The existing links are kept; the
next ``seed_meeting_places`` merges the places that are one site (atlas/directory/seeding.py)."""

import django.db.models.deletion
from django.db import migrations, models


def copy_links(apps, schema_editor):
    MeetingPlace = apps.get_model("atlas", "MeetingPlace")
    MeetingPlaceFacility = apps.get_model("atlas", "MeetingPlaceFacility")
    MeetingPlaceFacility.objects.bulk_create(
        MeetingPlaceFacility(meeting_place_id=pk, facility_id=facility_id)
        for pk, facility_id in MeetingPlace.objects.filter(facility__isnull=False).values_list("pk", "facility_id")
    )


def restore_links(apps, schema_editor):
    MeetingPlace = apps.get_model("atlas", "MeetingPlace")
    MeetingPlaceFacility = apps.get_model("atlas", "MeetingPlaceFacility")
    # Going back, a place keeps one of its records (the lowest id); the others are left unlinked.
    for link in MeetingPlaceFacility.objects.order_by("-facility_id"):
        MeetingPlace.objects.filter(pk=link.meeting_place_id).update(facility_id=link.facility_id)


class Migration(migrations.Migration):

    dependencies = [
        ('atlas', '0013_search_trigram_index'),
        ('geodata', '0003_transit_stops'),
    ]

    operations = [
        migrations.CreateModel(
            name='MeetingPlaceFacility',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('facility', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='meeting_place_link', to='geodata.facility')),
                ('meeting_place', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='facility_links', to='atlas.meetingplace')),
            ],
            options={
                'verbose_name': 'Einrichtung der Quelle',
                'verbose_name_plural': 'Einrichtungen der Quellen',
            },
        ),
        migrations.AddField(
            model_name='meetingplace',
            name='facilities',
            field=models.ManyToManyField(blank=True, related_name='meeting_places', through='atlas.MeetingPlaceFacility', to='geodata.facility', verbose_name='Einrichtungen der Quellen'),
        ),
        migrations.RunPython(copy_links, restore_links),
        migrations.RemoveField(
            model_name='historicalmeetingplace',
            name='facility',
        ),
        migrations.RemoveField(
            model_name='meetingplace',
            name='facility',
        ),
    ]
