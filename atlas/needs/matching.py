"""Matching: for each need of an organisation, the organisations offering that topic, nearest first.

The rule (docs/needs.md):

- candidates are *published* organisations other than the organisation itself that offer the topic
  in their questionnaire;
- the distance is planar in EPSG:25833 (``location_metric``), measured with the directory's query
  (atlas.directory.queries), so the public point rule holds: an individual actor without consent to
  publish the address counts at its planning area's public point – its exact point cannot be inferred;
- the origin is the organisation's own point (only its editors and the coordinators see the page);
- order: nearest first by whole metres, ties by name (case-insensitive), then by id; candidates without
  any location (no point, no planning area) come last, by name, without a distance;
- needs are listed by priority (dringend first), then in the vocabulary's order.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from atlas.directory.filters import DirectoryFilters
from atlas.directory.models import Organisation, PublicationStatus
from atlas.directory.queries import filter_entries, walking_minutes
from atlas.directory.visibility import public_contact
from atlas.needs.models import Need, NeedsAssessment, Offer


@dataclass
class Suggestion:
    organisation: Organisation
    offer_note: str
    distance_m: int | None
    walking_minutes: int | None
    contact: dict
    ortsteil: str
    exact: bool  # False: measured from the planning area's public point


@dataclass
class NeedMatch:
    need: Need
    suggestions: list = field(default_factory=list)


def public_ortsteil_name(organisation):
    """The Ortsteil shown publicly (the planning area's for a hidden individual's address)."""
    if not organisation.shows_exact_location:
        area = organisation.planning_area
        return area.ortsteil.name if area is not None else ""
    return organisation.ortsteil.name if organisation.ortsteil_id else ""


def distances_from(origin, organisation_ids):
    """{organisation id: distance in metres (float)} for the published, located ones among
    ``organisation_ids``, measured from the WGS84 ``origin`` with the directory's public point rule."""
    if origin is None or not organisation_ids:
        return {}
    ids = sorted(organisation_ids)
    selection = filter_entries(Organisation.objects.filter(pk__in=ids),
                               DirectoryFilters(near=origin, page_size=len(ids)))
    return dict(selection.hits(0, len(ids)))


def _order_key(suggestion):
    located = suggestion.distance_m is not None
    return (not located, suggestion.distance_m if located else 0, suggestion.organisation.name.casefold(),
            suggestion.organisation.pk)


def matches_for(organisation):
    """[NeedMatch] of ``organisation``'s needs, each with its suggestions in order (see module docstring)."""
    assessment = NeedsAssessment.objects.filter(organisation=organisation).first()
    if assessment is None:
        return []
    needs = list(assessment.needs.select_related("topic").order_by("priority", "topic__position", "topic__name"))
    if not needs:
        return []
    offers = (Offer.objects.filter(topic_id__in={need.topic_id for need in needs},
                                   assessment__organisation__status=PublicationStatus.PUBLISHED)
              .exclude(assessment__organisation_id=organisation.pk)
              .values_list("topic_id", "assessment__organisation_id", "note"))
    by_topic = defaultdict(list)
    for topic_id, organisation_id, note in offers:
        by_topic[topic_id].append((organisation_id, note))
    offering_ids = {organisation_id for rows in by_topic.values() for organisation_id, _note in rows}
    offering = (Organisation.objects.published().filter(pk__in=offering_ids)
                .select_related("ortsteil", "planning_area__ortsteil").in_bulk())
    distances = distances_from(organisation.location, set(offering))
    details = {}
    for pk, other in offering.items():
        distance = distances.get(pk)
        metres = round(distance) if distance is not None else None
        details[pk] = {"distance_m": metres, "walking_minutes": walking_minutes(metres),
                       "contact": public_contact(other), "ortsteil": public_ortsteil_name(other),
                       "exact": other.shows_exact_location}
    result = []
    for need in needs:
        suggestions = [Suggestion(organisation=offering[pk], offer_note=note, **details[pk])
                       for pk, note in by_topic.get(need.topic_id, []) if pk in offering]
        suggestions.sort(key=_order_key)
        result.append(NeedMatch(need=need, suggestions=suggestions))
    return result
