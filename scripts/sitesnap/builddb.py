"""build-db: a SpatiaLite file with the real public data and a fixed set of network data.

The public data come from the project's management commands; everything else is made through the
ORM with models looked up by app label and name (apps.get_model), which the restructure keeps.
Fixed names, slugs, dates (at env.FROZEN_NOW) and password salts: two builds hold the same data.
"""

import datetime
import shutil
import time
from pathlib import Path

from . import env

BERLIN = datetime.timezone(datetime.timedelta(hours=1))  # CET: every fixed date lies in winter time
PASSWORD = "Snapshot-Passwort-2026"  # noqa: S105 (an invented password of invented local accounts)
SALT = "snapshotsalt2026"  # a fixed salt: the same hash (shown masked in the admin) in every build

# username → (groups, superuser); the organisation editor is linked below.
USERS = {
    "koordination": (["Koordination"], False),
    "planung": (["Planung"], False),
    "redaktion": ([], False),
    "admin": ([], True),
}
# The editor's organisation (a sample organisation) and those with a needs assessment.
EDITED_ORGANISATION = "beispiel-migrationsberatung-altstadt"
ASSESSMENTS = {
    EDITED_ORGANISATION: ({"funding": 1, "rooms": 2, "training-fundraising": 3}, ["legal-advice", "translation"]),
    "beispiel-arabischer-frauentreff": ({"rooms": 1, "volunteers": 2}, ["translation"]),
    "beispiel-nachbarschaftscafe-heerstrasse": ({"funding": 1, "visibility": 3}, ["rooms"]),
    "beispiel-ukrainische-hilfe-spandau": ({"funding": 2, "legal-advice": 1}, ["volunteers", "partners"]),
    "beispiel-sprachcafe-hakenfelde": ({"volunteers": 1, "rooms": 2}, ["translation"]),
}


def model(app_label, name):
    found = env.find_model(app_label, name)
    if found is None:
        raise SystemExit(f"no model {app_label}.{name} in this code tree")
    return found


def point(lon, lat):
    """A fixed point (WGS84) of an address, as the geocoder would give it."""
    from django.contrib.gis.geos import Point

    return {"location": Point(lon, lat, srid=4326), "location_precision": "address"}


def at(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def run(command, *args, **options):
    from django.core.management import call_command

    started = time.monotonic()
    call_command(command, *args, verbosity=0, **options)
    print(f"  {command}: {time.monotonic() - started:.1f} s", flush=True)


def build(db_path):
    db_path = Path(db_path).resolve()
    media = env.media_dir(db_path)
    for stale in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(media, ignore_errors=True)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    media.mkdir()
    started = time.monotonic()
    meta = env.start(db_path, media)
    print(f"building {db_path} with {meta['settings']} from {meta['code_tree']}", flush=True)
    run("migrate", interactive=False)
    for command in ("import_geodata", "import_gazetteer", "seed_meeting_places", "compute_coverage",
                    "load_sample_organisations"):
        run(command)
    users = make_users()
    places = make_directory_entries()
    make_events(places)
    make_resources()
    make_needs(users["redaktion"])
    make_submissions()
    make_history(users)
    # Again, with every entry in place: the stored default analysis is current, so no request of a
    # recording recomputes and stores it (which would make pages depend on the order of requests).
    run("compute_coverage")
    # The measured computing time is the one thing two builds would not share.
    model("geodata", "CoverageRun").objects.update(duration_ms=100.0)
    env.close_database()
    print(f"build-db done in {time.monotonic() - started:.1f} s", flush=True)


def make_users():
    from django.contrib.auth.hashers import make_password

    User = model("auth", "User")
    Group = model("auth", "Group")
    ConfirmedEmail = model("atlas", "ConfirmedEmail")
    users = {}
    for username, (groups, superuser) in USERS.items():
        user = User.objects.create(username=username, email=f"{username}@example.org", first_name=username.title(),
                                   last_name="Snapshot", password=make_password(PASSWORD, SALT),
                                   is_superuser=superuser, is_staff=superuser)
        for name in groups:
            user.groups.add(Group.objects.get(name=name))  # role groups exist after migrate
        ConfirmedEmail.objects.create(user=user, email=user.email, confirmed=env.FROZEN_NOW)
        users[username] = user
    Organisation = model("atlas", "Organisation")
    model("atlas", "OrganisationEditor").objects.create(
        organisation=Organisation.objects.get(slug=EDITED_ORGANISATION), user=users["redaktion"])
    return users


def vocabulary(name, *keys):
    return list(model("atlas", name).objects.filter(key__in=keys).order_by("key"))


def languages(*codes):
    return list(model("atlas", "Language").objects.filter(code__in=codes).order_by("code"))


def make_directory_entries():
    """A published organisation of our own, an unpublished (draft) one, a meeting place with rooms,
    and an entry not verified for years; returns meeting places for the events."""
    Organisation = model("atlas", "Organisation")
    MeetingPlace = model("atlas", "MeetingPlace")
    verein = Organisation.objects.create(
        slug="deutsch-tuerkischer-kulturverein-spandau", name="Deutsch-Türkischer Kulturverein Spandau e. V.",
        kind="association", short_description="Kulturarbeit, Elternberatung und Sprachkurse seit 1989.",
        description="Der Verein bietet Beratung, Sprachkurse und Kulturveranstaltungen.",
        street="Carl-Schurz-Straße 17", postcode="13597", **point(13.2036, 52.5362),
        website="https://kulturverein.example.org/",
        email="info@kulturverein.example.org", phone="030 1234567", status="published", network_member=True,
        consent_publish_contact=True, consent_publish_address=True, founded_year=1989, legal_form="e. V.",
        opening_hours={"mo": [["10:00", "14:00"]], "we": [["15:00", "19:00"]]}, wheelchair_access="limited",
        last_verified=datetime.date(2024, 3, 1),  # due for verification (older than a year)
        translations={"en": {"short_description": "Cultural work, parent counselling and language courses."}},
    )
    verein.categories.set(vocabulary("Category", "culture", "counselling", "language-courses"))
    verein.languages.set(languages("de", "tr"))
    verein.target_groups.set(vocabulary("TargetGroup", "families", "everyone"))
    verein.communities.set(vocabulary("Community", "turkish"))
    Organisation.objects.create(slug="entwurf-initiative-weststaaken", name="Initiative Weststaaken (Entwurf)",
                                kind="initiative", short_description="Noch nicht veröffentlicht.", status="draft")
    place_type = model("atlas", "MeetingPlaceType").objects.get(key="community-centre")
    saal = MeetingPlace.objects.create(
        slug="nachbarschaftssaal-neustadt", name="Nachbarschaftssaal Neustadt", place_type=place_type,
        short_description="Saal und Gruppenraum für Vereine, buchbar.", street="Lynarstraße 10", postcode="13585",
        **point(13.1985, 52.5435),
        status="published", bookable=True, cost="kostenlos für gemeinnützige Vereine", operator=verein,
        wheelchair_access="yes", last_verified=datetime.date(2026, 10, 1),
        opening_hours={"tu": [["09:00", "21:00"]], "fr": [["09:00", "21:00"]]})
    Room = model("atlas", "Room")
    Room.objects.create(meeting_place=saal, name="Großer Saal", capacity=80)
    Room.objects.create(meeting_place=saal, name="Gruppenraum", capacity=15, note="mit Beamer")
    seeded = MeetingPlace.objects.filter(status="published", facility__isnull=False).order_by("slug").first()
    return [saal, seeded]


def make_events(places):
    Event = model("atlas", "Event")
    Organisation = model("atlas", "Organisation")
    verein = Organisation.objects.get(slug="deutsch-tuerkischer-kulturverein-spandau")
    rows = [
        # slug, title, kind, start, end, place, topics, status
        ("netzwerktreffen-herbst-2026", "Netzwerktreffen Herbst 2026", "meeting", at(2026, 10, 14, 18),
         at(2026, 10, 14, 20, 30), places[0], ("networking",), "published"),
        ("workshop-vereinsgruendung-2026", "Workshop: Einen Verein gründen", "workshop", at(2026, 9, 23, 17),
         at(2026, 9, 23, 19), places[1], ("networking", "fundraising"), "published"),
        ("ausstellung-wege-nach-spandau", "Ausstellung: Wege nach Spandau", "event", at(2026, 11, 10, 10),
         at(2026, 11, 30, 18), places[0], (), "published"),
        ("workshop-foerdermittel-beantragen", "Workshop: Fördermittel beantragen", "workshop",
         at(2026, 12, 8, 17), at(2026, 12, 8, 20), places[0], ("fundraising",), "published"),
        ("schulung-datenschutz-im-verein", "Schulung: Datenschutz im Verein", "training", at(2027, 1, 20, 18),
         at(2027, 1, 20, 21), None, ("law",), "published"),
        ("netzwerktreffen-entwurf-2027", "Netzwerktreffen Frühjahr 2027 (Entwurf)", "meeting", at(2027, 3, 3, 18),
         at(2027, 3, 3, 20), places[0], (), "draft"),
    ]
    topics = {topic.key: topic for topic in model("atlas", "Topic").objects.all()}
    for slug, title, kind, start, end, place, topic_keys, status in rows:
        own_address = {} if place else {"street": "Altstädter Ring 1", "postcode": "13597"}
        event = Event(slug=slug, title=title, kind=kind, start=start, end=end, meeting_place=place, status=status,
                      description=f"{title}. Offen für alle Vereine und Initiativen.", organiser=verein,
                      capacity=30, registration_url="https://anmeldung.example.org/" + slug, **own_address)
        if own_address:
            own_address.update(point(13.2070, 52.5390))
        event.save()
        event.topics.set([topics[key] for key in topic_keys if key in topics])
        event.languages.set(languages("de", "tr", "ar"))
    missing = sorted({key for row in rows for key in row[6]} - set(topics))
    if missing:
        print(f"  note: no topics {missing}; existing: {sorted(topics)}")


def make_resources():
    from django.core.files.base import ContentFile

    Resource = model("atlas", "Resource")
    topics = {topic.key: topic for topic in model("atlas", "Topic").objects.all()}
    rows = [
        ("leitfaden-vereinsgruendung", "Leitfaden Vereinsgründung", "guide", ("networking",),
         "Schritt für Schritt zum eingetragenen Verein.", "", "published"),
        ("foerderprogramm-integrationsfonds", "Förderprogramm Integrationsfonds Spandau", "funding", ("fundraising",),
         "Zuschüsse bis 5.000 € für Projekte von Migrantenorganisationen.", "https://foerderung.example.org/",
         "published"),
        ("link-beratungsstellen-berlin", "Beratungsstellen in Berlin", "link", (),
         "Übersicht der Migrationsberatungen.", "https://beratung.example.org/", "published"),
        ("vorlage-satzung-entwurf", "Vorlage Satzung (Entwurf)", "template", (), "Noch in Arbeit.", "", "draft"),
    ]
    for slug, title, kind, topic_keys, summary, url, status in rows:
        resource = Resource.objects.create(slug=slug, title=title, kind=kind, summary=summary, url=url,
                                           status=status, body=f"{summary}\n\nWeitere Hinweise folgen.")
        resource.topics.set([topics[key] for key in topic_keys if key in topics])
        resource.languages.set(languages("de", "en"))
    checkliste = Resource(slug="checkliste-veranstaltungen", title="Checkliste für Veranstaltungen", kind="file",
                          summary="Was vor einer Veranstaltung zu klären ist.", status="published")
    checkliste.file.save("checkliste-veranstaltungen.txt",
                         ContentFile("Raum buchen\nEinladung verschicken\nDolmetschen klären\n".encode()), save=True)


def make_needs(editor):
    Organisation = model("atlas", "Organisation")
    NeedsAssessment = model("atlas", "NeedsAssessment")
    topics = {topic.key: topic for topic in model("atlas", "SupportTopic").objects.all()}
    for slug, (needs, offers) in ASSESSMENTS.items():
        assessment = NeedsAssessment.objects.create(organisation=Organisation.objects.get(slug=slug),
                                                    comment=f"Bedarfe von {slug}", updated_by=editor)
        for key, priority in needs.items():
            assessment.needs.create(topic=topics[key], priority=priority, note=f"{key} (Priorität {priority})")
        for key in offers:
            assessment.offers.create(topic=topics[key], note=f"Wir bieten: {key}")


def make_submissions():
    """Pending proposals of a new organisation, meeting place and event, a pending correction, and one
    decided proposal."""
    Organisation = model("atlas", "Organisation")
    MeetingPlace = model("atlas", "MeetingPlace")
    Event = model("atlas", "Event")
    Submission = model("atlas", "Submission")
    hash_of = "0" * 63
    neu = Organisation.objects.create(slug="initiative-neue-nachbarn-hakenfelde", name="Initiative Neue Nachbarn",
                                      kind="initiative", status="pending", street="Streitstraße 30", postcode="13587",
                                      **point(13.2088, 52.5569),
                                      short_description="Patenschaften für neu Zugezogene.")
    Submission.objects.create(kind="new_organisation", organisation=neu, sender_hash=hash_of + "1",
                              submitter_name="Ayşe Beispiel", submitter_email="ayse@example.org",
                              payload={"name": neu.name, "kind": "initiative", "street": neu.street,
                                       "postcode": neu.postcode, "short_description": neu.short_description})
    place_type = model("atlas", "MeetingPlaceType").objects.get(key="cafe")
    cafe = MeetingPlace.objects.create(slug="cafe-begegnung-vorschlag", name="Café Begegnung", place_type=place_type,
                                       status="pending", street="Breite Straße 20", postcode="13597",
                                       **point(13.2050, 52.5370))
    Submission.objects.create(kind="new_meeting_place", meeting_place=cafe, sender_hash=hash_of + "2",
                              payload={"name": cafe.name, "place_type": place_type.pk, "street": cafe.street,
                                       "postcode": cafe.postcode})
    fest = Event.objects.create(slug="nachbarschaftsfest-vorschlag", title="Nachbarschaftsfest (Vorschlag)",
                                kind="event", status="pending", start=at(2026, 12, 12, 14), end=at(2026, 12, 12, 18),
                                meeting_place=MeetingPlace.objects.get(slug="nachbarschaftssaal-neustadt"))
    Submission.objects.create(kind="new_event", event=fest, sender_hash=hash_of + "3", submitter_name="Nachbarn",
                              payload={"title": fest.title, "start": fest.start.isoformat(),
                                       "end": fest.end.isoformat()})
    verein = Organisation.objects.get(slug="deutsch-tuerkischer-kulturverein-spandau")
    Submission.objects.create(kind="correction", organisation=verein, sender_hash=hash_of + "4",
                              payload={"fields": {"phone": "030 7654321"}, "message": "Neue Telefonnummer."})
    Submission.objects.create(kind="correction", organisation=verein, sender_hash=hash_of + "5", status="rejected",
                              reason="Keine Quelle.", reviewed=env.FROZEN_NOW,
                              reviewed_by=model("auth", "User").objects.get(username="koordination"),
                              payload={"fields": {"website": "https://falsch.example.org/"}, "message": ""})


def make_history(users):
    """A version by the organisation's editor in the history of their organisation."""
    organisation = model("atlas", "Organisation").objects.get(slug=EDITED_ORGANISATION)
    organisation.phone = "030 3333333"
    organisation._history_user = users["redaktion"]
    organisation._change_reason = "Telefonnummer geändert"
    organisation.save()
