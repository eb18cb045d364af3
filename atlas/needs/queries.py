"""Aggregates of the needs analysis: per topic (needs by priority, offers, open needs) and per
Ortsteil (topic × Ortsteil counts), plus the rows of the coordinators' CSV export. The exact
figures: planners see them through atlas.needs.disclosure.

Which organisations count: every organisation with a questionnaire that is not archived (drafts and
entries waiting for review included – the analysis is internal). A need counts once per organisation
and topic (the model allows one need per topic), so "needs" = "organisations needing the topic".

Ortsteil: the public one, as in the directory filter – an individual actor without consent to publish
the address counts in the Ortsteil of its planning area (atlas.directory.queries.HIDDEN_LOCATION).

An *open* need has no suggestion on the matching page: no other published organisation offers the
topic (atlas.needs.matching).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from atlas.directory.models import Organisation, PublicationStatus
from atlas.needs.models import Need, Offer, SupportTopic
from geodata.models import Ortsteil

PRIORITIES = [value for value, _label in Need.Priority.choices]


def analysed_organisations():
    """Organisations whose answers count in the analysis."""
    return Organisation.objects.exclude(status=PublicationStatus.ARCHIVED)


def public_ortsteil_id(kind, consent_publish_address, ortsteil_id, planning_area_ortsteil_id):
    """The Ortsteil the public may associate with the organisation (see the module docstring)."""
    if kind == Organisation.Kind.INDIVIDUAL and not consent_publish_address:
        return planning_area_ortsteil_id
    return ortsteil_id


@dataclass
class TopicRow:
    topic: SupportTopic
    by_priority: dict = field(default_factory=lambda: dict.fromkeys(PRIORITIES, 0))
    offers: int = 0
    open_needs: int = 0

    @property
    def needs(self):
        return sum(self.by_priority.values())

    @property
    def priority_counts(self):
        """Counts in priority order (dringend, wichtig, wünschenswert) for templates."""
        return [self.by_priority[priority] for priority in PRIORITIES]


@dataclass
class OpenNeed:
    organisation: dict  # pk, name, slug, ortsteil name
    topic: SupportTopic
    priority: int
    priority_label: str
    note: str


@dataclass
class Overview:
    topics: list  # [TopicRow] in vocabulary order
    ortsteile: list  # [(ortsteil id or None, name)] – the columns of the Ortsteil table
    by_ortsteil: dict  # {(topic id, ortsteil id or None): number of needs}
    offers_by_ortsteil: dict  # {(topic id, ortsteil id or None): number of offers}
    open_needs: list  # [OpenNeed] by priority, topic, organisation name
    organisations: int  # organisations with at least one need or offer
    assessments: int  # questionnaires counted
    assessments_by_ortsteil: dict = field(default_factory=dict)  # {ortsteil id or None: questionnaires}

    @property
    def total_needs(self):
        return sum(row.needs for row in self.topics)

    @property
    def total_offers(self):
        return sum(row.offers for row in self.topics)

    @property
    def open_total(self):
        return len(self.open_needs)

    def ortsteil_matrix(self):
        """Rows for the template: (TopicRow, [needs per Ortsteil column], total)."""
        rows = []
        for row in self.topics:
            counts = [self.by_ortsteil.get((row.topic.pk, ortsteil_id), 0) for ortsteil_id, _name in self.ortsteile]
            rows.append((row, counts, sum(counts)))
        return rows

    def ortsteil_totals(self):
        return [sum(self.by_ortsteil.get((row.topic.pk, ortsteil_id), 0) for row in self.topics)
                for ortsteil_id, _name in self.ortsteile]


def _organisations_by_pk():
    rows = analysed_organisations().filter(needs_assessment__isnull=False).values_list(
        "pk", "name", "slug", "status", "kind", "consent_publish_address", "ortsteil_id", "planning_area__ortsteil_id")
    ortsteil_names = dict(Ortsteil.objects.values_list("pk", "name"))
    organisations = {}
    for pk, name, slug, status, kind, consent, ortsteil_id, area_ortsteil_id in rows:
        public = public_ortsteil_id(kind, consent, ortsteil_id, area_ortsteil_id)
        organisations[pk] = {"pk": pk, "name": name, "slug": slug, "status": status, "ortsteil_id": public,
                             "ortsteil": ortsteil_names.get(public, "")}
    return organisations


def published_offering():
    """{topic id: {ids of published organisations offering it}}."""
    offering = defaultdict(set)
    for topic_id, organisation_id in Offer.objects.filter(
            assessment__organisation__status=PublicationStatus.PUBLISHED).values_list(
            "topic_id", "assessment__organisation_id"):
        offering[topic_id].add(organisation_id)
    return offering


def needs_overview():
    """Everything the overview page shows; a handful of queries whatever the number of organisations."""
    topics = list(SupportTopic.objects.all())
    rows = {topic.pk: TopicRow(topic) for topic in topics}
    organisations = _organisations_by_pk()
    offering = published_offering()
    priority_labels = dict(Need.Priority.choices)
    by_ortsteil = Counter()
    offers_by_ortsteil = Counter()
    open_needs = []
    active = set()
    for topic_id, organisation_id, priority, note in Need.objects.filter(
            assessment__organisation__in=list(organisations)).values_list(
            "topic_id", "assessment__organisation_id", "priority", "note"):
        organisation = organisations[organisation_id]
        row = rows[topic_id]
        row.by_priority[priority] = row.by_priority.get(priority, 0) + 1
        by_ortsteil[(topic_id, organisation["ortsteil_id"])] += 1
        active.add(organisation_id)
        if not offering.get(topic_id, set()) - {organisation_id}:
            row.open_needs += 1
            open_needs.append(OpenNeed(organisation, row.topic, priority, str(priority_labels[priority]), note))
    for topic_id, organisation_id in Offer.objects.filter(
            assessment__organisation__in=list(organisations)).values_list("topic_id", "assessment__organisation_id"):
        rows[topic_id].offers += 1
        offers_by_ortsteil[(topic_id, organisations[organisation_id]["ortsteil_id"])] += 1
        active.add(organisation_id)
    positions = {topic.pk: index for index, topic in enumerate(topics)}
    open_needs.sort(key=lambda need: (need.priority, positions[need.topic.pk], need.organisation["name"].casefold()))
    columns = [(pk, name) for pk, name in Ortsteil.objects.order_by("key").values_list("pk", "name")]
    used = {ortsteil_id for _topic, ortsteil_id in (*by_ortsteil, *offers_by_ortsteil)}
    if None in used:
        columns.append((None, _("ohne Ortsteil")))
    return Overview(topics=[rows[topic.pk] for topic in topics], ortsteile=columns, by_ortsteil=dict(by_ortsteil),
                    offers_by_ortsteil=dict(offers_by_ortsteil), open_needs=open_needs,
                    organisations=len(active), assessments=len(organisations),
                    assessments_by_ortsteil=dict(Counter(item["ortsteil_id"] for item in organisations.values())))


def organisation_topic_rows():
    """For the coordinators' CSV: one dict per organisation × topic with a need or an offer,
    by organisation name and topic order."""
    organisations = _organisations_by_pk()
    topics = {topic.pk: topic for topic in SupportTopic.objects.all()}
    priority_labels = dict(Need.Priority.choices)
    offering = published_offering()
    pairs = {}

    def pair(organisation_id, topic_id):
        key = (organisation_id, topic_id)
        if key not in pairs:
            pairs[key] = {"organisation": organisations[organisation_id], "topic": topics[topic_id],
                          "need": False, "priority": None, "priority_label": "", "need_note": "",
                          "open": None, "offer": False, "offer_note": ""}
        return pairs[key]

    ids = list(organisations)
    for organisation_id, topic_id, priority, note in Need.objects.filter(
            assessment__organisation__in=ids).values_list("assessment__organisation_id", "topic_id", "priority",
                                                          "note"):
        row = pair(organisation_id, topic_id)
        row.update(need=True, priority=priority, priority_label=str(priority_labels[priority]), need_note=note,
                   open=not offering.get(topic_id, set()) - {organisation_id})
    for organisation_id, topic_id, note in Offer.objects.filter(
            assessment__organisation__in=ids).values_list("assessment__organisation_id", "topic_id", "note"):
        pair(organisation_id, topic_id).update(offer=True, offer_note=note)
    return sorted(pairs.values(), key=lambda row: (row["organisation"]["name"].casefold(),
                                                   row["organisation"]["pk"], row["topic"].position,
                                                   row["topic"].name))
