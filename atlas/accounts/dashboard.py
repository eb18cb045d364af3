"""What the account page (/konto/, where everyone lands after logging in) shows each role, as counts
that link to their lists:

* coordinators: the moderation queue, entries due for verification, entries without a precise location
  (no point, or one only as precise as a street, planning area or Ortsteil), the last imports and the
  needs analysis at a glance;
* organisation editors: their organisations and meeting places, their events, the state of each
  questionnaire and how many other organisations offer what they need;
* planners: their tools (the template links the planner view, profiles and reports; the figures are
  theirs to open there).

The last imports are read from the change history: every entry an import writes carries the reason
"Import: <file> [<time>]" (atlas.directory.importing.service.import_reason).
"""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from atlas.directory.models import MeetingPlace, Organisation, PublicationStatus, without_precise_point
from atlas.events.models import Event
from atlas.moderation.models import Submission
from atlas.moderation.reminders import stale_meeting_places, stale_organisations
from atlas.needs.models import Need, NeedsAssessment, Offer

IMPORT_PREFIX = "Import: "  # atlas.directory.importing.service.import_reason
LAST_IMPORTS = 5
QUEUE_PREVIEW = 5
# The queue "Lage genau setzen" (atlas/directory/placing/) and its section of each kind.
PLACING_SECTIONS = {"organisation": "placing-organisation", "meetingplace": "placing-treffpunkt"}


def imprecise(model):
    """Entries of ``model`` (not archived) to place by hand: no point, or one only estimated below address
    precision, never one a person set – the entries of the queue "Lage genau setzen"."""
    return model.objects.filter(without_precise_point()).exclude(status=PublicationStatus.ARCHIVED)


def waiting_url(model):
    return (reverse(f"admin:atlas_{model._meta.model_name}_changelist")
            + f"?status__exact={PublicationStatus.PENDING}")


def placing_url(model):
    return reverse("atlas:placing") + "#" + PLACING_SECTIONS[model._meta.model_name]


@dataclass
class ImportRun:
    model: type
    file: str
    user: str
    finished: object  # datetime of its last row
    created: int = 0
    changed: int = 0

    @property
    def label(self):
        return self.model._meta.verbose_name_plural

    @property
    def list_url(self):
        return reverse(f"admin:atlas_{self.model._meta.model_name}_changelist")


def last_imports(limit=LAST_IMPORTS):
    """The latest imports (newest first), each with its file, who ran it and how many entries it created
    and changed. One import's entries share their change reason (see the module docstring)."""
    runs = {}
    for model in (Organisation, MeetingPlace):
        rows = (model.history.filter(history_change_reason__startswith=IMPORT_PREFIX)
                .order_by("-history_date").values_list("history_date", "history_change_reason",
                                                        "history_user__username", "history_type")[:5000])
        for when, reason, username, kind in rows:
            run = runs.get((model, reason))
            if run is None:
                file = reason[len(IMPORT_PREFIX):].rsplit(" [", 1)[0]
                run = runs[(model, reason)] = ImportRun(model=model, file=file, user=username or "", finished=when)
            if kind == "+":
                run.created += 1
            else:
                run.changed += 1
    return sorted(runs.values(), key=lambda run: run.finished, reverse=True)[:limit]


def coordinator_panel():
    pending = Submission.objects.filter(status=Submission.Status.PENDING)
    analysed = NeedsAssessment.objects.exclude(organisation__status=PublicationStatus.ARCHIVED)
    answered = analysed.filter(Q(needs__isnull=False) | Q(offers__isnull=False)).distinct()
    return {
        "pending_count": pending.count(),
        "pending": pending.select_related("organisation", "meeting_place", "event").order_by("created")[
            :QUEUE_PREVIEW],
        "stale_organisations": stale_organisations().count(),
        "stale_meeting_places": stale_meeting_places().count(),
        # Entries that wait for publication (an import's rows, an editor's new entry): the admin's list.
        "waiting": [{"kind": model._meta.model_name, "url": waiting_url(model),
                     "count": model.objects.filter(status=PublicationStatus.PENDING).count()}
                    for model in (Organisation, MeetingPlace)],
        "imprecise": [{"kind": model._meta.model_name, "count": imprecise(model).count(), "url": placing_url(model)}
                      for model in (Organisation, MeetingPlace)],
        "imports": last_imports(),
        "needs": {
            "questionnaires": answered.count(),
            "needs": Need.objects.filter(assessment__in=analysed).count(),
            "offers": Offer.objects.filter(assessment__in=analysed).count(),
            "unanswered": Organisation.objects.published().filter(needs_assessment__isnull=True).count(),
        },
    }


def _matching_offers(organisation_id, needed_topics):
    """Other published organisations offering a topic the organisation needs."""
    if not needed_topics:
        return 0
    return (Offer.objects.filter(topic_id__in=needed_topics,
                                 assessment__organisation__status=PublicationStatus.PUBLISHED)
            .exclude(assessment__organisation_id=organisation_id)
            .values("assessment__organisation_id").distinct().count())


def editor_panel(organisation_ids):
    """Per organisation the editor edits: the entry, its questionnaire (None: not answered yet), its
    needs and the organisations offering them; their meeting places; their events not yet past or
    still waiting for review."""
    organisations = list(Organisation.objects.filter(pk__in=organisation_ids).order_by("name"))
    assessments = {assessment.organisation_id: assessment for assessment in
                   NeedsAssessment.objects.filter(organisation_id__in=organisation_ids)}
    needed = {}
    for organisation_id, topic_id in Need.objects.filter(
            assessment__organisation_id__in=organisation_ids).values_list("assessment__organisation_id",
                                                                         "topic_id"):
        needed.setdefault(organisation_id, set()).add(topic_id)
    rows = [{"organisation": organisation, "assessment": assessments.get(organisation.pk),
             "needs": len(needed.get(organisation.pk, ())),
             "offers": _matching_offers(organisation.pk, needed.get(organisation.pk))}
            for organisation in organisations]
    events = (Event.objects.filter(organiser_id__in=organisation_ids)
              .exclude(status=PublicationStatus.ARCHIVED)
              .filter(Q(end__gte=timezone.now()) | Q(status=PublicationStatus.PENDING))
              .select_related("organiser").order_by("start"))
    return {
        "rows": rows,
        "meeting_places": MeetingPlace.objects.filter(operator_id__in=organisation_ids).order_by("name"),
        "events": events,
    }
