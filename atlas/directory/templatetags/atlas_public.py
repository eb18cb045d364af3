"""Template helpers of the public directory pages."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Q
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from atlas.directory.models import Category, Language, MeetingPlaceType, PublicationStatus, TargetGroup
from geodata.models import Ortsteil

register = template.Library()

# The same escapes as Django's json_script: "<", ">" and "&" can never end the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter(is_safe=True)
def ld_json(value):
    """`{{ data|ld_json }}` → a <script type="application/ld+json"> element (no HTML injection)."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    # Safe: after the escapes above the JSON holds no "<", ">" or "&" that could close the element.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def _published(relation):
    return Count(relation, filter=Q(**{f"{relation}__status": PublicationStatus.PUBLISHED}), distinct=True)


@register.inclusion_tag("directory/_filter_fields.html")
def directory_filter_fields(values=None, locked=None, prefix="dir", embed=False, part="", search_label=""):
    """The filter selects of the directory (map panel, embed and the list page), with counts. In an
    embed the filters are fixed by the embed URL: locked ones become hidden fields, the others vanish.
    part: "search" (the search box only, labelled search_label if given), "filters" (the rest) or both."""
    values = values or {}
    locked = locked or {}
    return {
        "prefix": prefix,
        "embed": embed,
        "part": part,
        "search_label": search_label,
        "values": values,
        "locked": locked,
        "categories": Category.objects.annotate(count=_published("organisations")),
        "languages": Language.objects.annotate(count=_published("organisations")),
        "target_groups": TargetGroup.objects.annotate(count=_published("organisations")),
        "ortsteile": Ortsteil.objects.order_by("name"),
        "place_types": MeetingPlaceType.objects.all(),
    }
