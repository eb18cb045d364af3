"""Which resources to show: published ones, searched (umlaut-tolerant) and filtered by topic,
language and kind. Unknown filter values are reported and ignored."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from atlas.directory.models import Language
from atlas.events.models import Topic
from atlas.events.queries import query_values
from atlas.resources.models import Resource
from common.queries import linked_to
from common.text import search_filter

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20


@dataclass
class ResourceFilters:
    q: str = ""
    topics: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    kinds: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def active(self):
        return bool(self.q or self.topics or self.languages or self.kinds)

    def as_query(self):
        pairs = [("q", self.q)] if self.q else []
        for name, values in (("topic", self.topics), ("language", self.languages), ("kind", self.kinds)):
            if values:
                pairs.append((name, ",".join(values)))
        return pairs


def parse_filters(params):
    filters = ResourceFilters()
    q = " ".join((params.get("q") or "").split())
    if len(q) > MAX_QUERY_LENGTH:
        filters.errors.append(_("Die Suche darf höchstens %(max)d Zeichen lang sein.") % {"max": MAX_QUERY_LENGTH})
        q = q[:MAX_QUERY_LENGTH]
    filters.q = q
    checks = (
        ("topic", "topics", lambda keys: Topic.objects.filter(key__in=keys).values_list("key", flat=True),
         _("Unbekanntes Thema: %(values)s.")),
        ("language", "languages", lambda codes: Language.objects.filter(code__in=codes).values_list("code", flat=True),
         _("Unbekannte Sprache: %(values)s.")),
        ("kind", "kinds", lambda kinds: [kind for kind in kinds if kind in Resource.Kind.values],
         _("Unbekannte Art: %(values)s.")),
    )
    for parameter, attribute, valid_of, message in checks:
        values = query_values(params, parameter)
        if not values:
            continue
        valid = set(valid_of(values))
        setattr(filters, attribute, [value for value in values if value in valid])
        unknown = [value for value in values if value not in valid]
        if unknown:
            filters.errors.append(message % {"values": ", ".join(unknown)})
    return filters


def filter_resources(filters):
    resources = Resource.objects.published().prefetch_related("topics", "languages")
    if filters.q:
        resources = resources.filter(search_filter(filters.q))
    if filters.topics:
        resources = resources.filter(linked_to(Resource, "topics", filters.topics, "key"))
    if filters.languages:
        resources = resources.filter(linked_to(Resource, "languages", filters.languages, "code"))
    if filters.kinds:
        resources = resources.filter(kind__in=filters.kinds)
    return resources.order_by("title")
