"""Which resources to show: published ones, searched (umlaut-tolerant) and filtered by topic,
language and kind. A bad value is named on the page and that filter left out (common.api.params)."""

from dataclasses import dataclass, field

from atlas.events.queries import LANGUAGE, TOPIC
from atlas.resources.models import Resource
from common.api.params import Parameters, keys, search
from common.queries import linked_to
from common.text import search_filter

PAGE_SIZE = 20
FILTER_PARAMETERS = Parameters({"q": search, "topic": TOPIC, "language": LANGUAGE,
                                "kind": keys(lambda: Resource.Kind.values)})


@dataclass
class ResourceFilters:
    q: str = ""
    topics: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    kinds: list = field(default_factory=list)
    errors: dict = field(default_factory=dict)  # parameter name: message

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
    values, errors = FILTER_PARAMETERS.parse_leniently(params)
    return ResourceFilters(q=values["q"] or "", topics=values["topic"] or [], languages=values["language"] or [],
                           kinds=values["kind"] or [], errors=errors)


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
