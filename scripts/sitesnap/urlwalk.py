"""Every URL pattern of the project (the root resolver, walked recursively) as concrete paths.

Path parameters are filled with real objects of the fixed database (looked up by app label and model
name), plus one value that does not exist; the rules go by the URL's text, which the restructure
keeps. A parameter no rule knows is reported (index and _meta.json), never silently skipped.
"""

import re
from dataclasses import dataclass, field

MISSING_SLUG = "gibt-es-nicht"
MISSING_NUMBER = "999999"


@dataclass
class Plan:
    """What to record: (role-set, path-with-query) pairs and what could not be covered."""

    pages: list = field(default_factory=list)  # paths for every role and language
    admin: list = field(default_factory=list)  # paths for the superuser only
    templates: list = field(default_factory=list)  # every pattern as walked, for the index
    uncovered: list = field(default_factory=list)  # (template, reason)


def model(app_label, name):
    from .env import find_model

    found = find_model(app_label, name)
    if found is None:
        raise SystemExit(f"no model {app_label}.{name} in this code tree")
    return found


def templates():
    """Every pattern as '/organisationen/<slug>/', in the resolver's order."""
    from django.urls import URLResolver, get_resolver
    from django.urls.resolvers import RegexPattern

    def walk(patterns, prefix):
        for pattern in patterns:
            piece = str(pattern.pattern)
            if isinstance(pattern.pattern, RegexPattern):
                piece = re.sub(r"\(\?P<(\w+)>[^()]*\)", r"<\1>", piece).lstrip("^").rstrip("$")
                piece = piece.replace("\\.", ".").replace("\\Z", "")
            else:
                piece = re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", piece)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + piece)
            else:
                yield "/" + prefix + piece

    return list(walk(get_resolver().url_patterns, ""))


def slugs(app_label, name, **filters):
    return list(model(app_label, name).objects.filter(**filters).order_by("slug").values_list("slug", flat=True))


def values():
    """Parameter values by kind of object: the fixed entries of build-db first, then the data's own."""
    Organisation = model("atlas", "Organisation")
    orgs = ["beispiel-migrationsberatung-altstadt", "beispiel-sprachmittlerin-falkenhagener-feld",
            "deutsch-tuerkischer-kulturverein-spandau", "entwurf-initiative-weststaaken",
            "initiative-neue-nachbarn-hakenfelde"]
    orgs = [slug for slug in orgs if Organisation.objects.filter(slug=slug).exists()]
    seeded = slugs("atlas", "MeetingPlace", status="published", facility__isnull=False)[:1]
    places = [slug for slug in ["nachbarschaftssaal-neustadt", *seeded, "cafe-begegnung-vorschlag"]
              if model("atlas", "MeetingPlace").objects.filter(slug=slug).exists()]
    events = slugs("atlas", "Event")
    months = sorted({(event.start.year, event.start.month) for event in model("atlas", "Event").objects.all()})
    ortsteile = sorted(model("geodata", "Ortsteil").objects.values_list("key", flat=True))
    areas = sorted(model("geodata", "PlanningArea").objects.values_list("key", flat=True))
    facilities = [str(pk) for pk in model("geodata", "Facility").objects.order_by("pk").values_list("pk", flat=True)]
    submissions = [str(pk) for pk in model("atlas", "Submission").objects.order_by("pk").values_list("pk", flat=True)]
    return {
        "organisation": orgs + [MISSING_SLUG],
        "meeting_place": places + [MISSING_SLUG],
        "event": events + [MISSING_SLUG],
        "resource": slugs("atlas", "Resource") + [MISSING_SLUG],
        "ortsteil": ortsteile[:1] + ortsteile[-1:] + ["9999"],
        "ortsteil_pdf": ortsteile[:1] + ["9999"],
        "planning_area": areas[:2] + [MISSING_NUMBER],
        "facility": facilities[:2] + [MISSING_NUMBER, "abc"],
        "submission": submissions + [MISSING_NUMBER],
        "month": [{"year": f"{y:04d}", "month": f"{m:02d}"} for y, m in months] + [{"year": "1999", "month": "13"}],
        "kind_slug": [{"kind": "organisation", "slug": orgs[2]}, {"kind": "organisation", "slug": orgs[3]},
                      {"kind": "treffpunkt", "slug": places[0]}, {"kind": "treffpunkt", "slug": places[-1]},
                      {"kind": "veranstaltung", "slug": "workshop-foerdermittel-beantragen"},
                      {"kind": "unbekannt", "slug": MISSING_SLUG}],
    }


# (regular expression on the template, kind of values, parameter name); the first match decides.
RULES = [
    (r"^/(api/)?organisation(en|s)/<slug>/", "organisation", "slug"),
    (r"^/(api/meeting-places|treffpunkte)/<slug>/", "meeting_place", "slug"),
    (r"^/veranstaltungen/<year>/<month>/", "month", None),
    (r"^/veranstaltungen/<slug>/", "event", "slug"),
    (r"^/ressourcen/<slug>/", "resource", "slug"),
    (r"^/ortsteile/<key>/bericht\.pdf$", "ortsteil_pdf", "key"),
    (r"^/(api/)?ortsteile/<key>/", "ortsteil", "key"),
    (r"^/(api/planning-areas|planungsraeume|planung/zahlen)/<key>/", "planning_area", "key"),
    (r"^/api/facilities/<pk>/", "facility", "pk"),
    (r"^/moderation/<pk>/", "submission", "pk"),
    (r"/<kind>/<slug>/", "kind_slug", None),
    (r"^/konto/bestaetigen/<token>/", "fixed", {"token": "ungueltiger-link"}),
    (r"^/konto/passwort-neu/<uidb64>/<token>/", "fixed", {"uidb64": "MQ", "token": "ungueltiger-link"}),
]


def fill(template, known):
    """Concrete paths for a template with parameters; None when no rule applies."""
    names = re.findall(r"<(\w+)>", template)
    for expression, kind, name in RULES:
        if not re.search(expression, template):
            continue
        if kind == "fixed":
            choices = [name]
        elif name is not None and len(names) == 1:  # the schema may call it {id} where the route says <pk>
            choices = [{names[0]: value} for value in known[kind]]
        elif name is None:
            choices = known[kind]
        else:
            choices = [{name: value} for value in known[kind]]
        if any(set(names) - set(choice) for choice in choices):
            return None
        return [re.sub(r"<(\w+)>", lambda match, choice=choice: str(choice[match.group(1)]), template)
                for choice in choices]
    return None


# Query variants of pages (filters the pages read themselves); {area} is a planning-area key.
PAGE_QUERIES = [
    "/verzeichnis/?q=beratung", "/verzeichnis/?category=counselling", "/verzeichnis/?language=tr",
    "/verzeichnis/?ortsteil=0501", "/verzeichnis/?page=2", "/verzeichnis/?category=gibt-es-nicht",
    "/embed/?category=counselling", "/veranstaltungen/?topic=fundraising", "/veranstaltungen/archiv/?page=2",
    "/ressourcen/?topic=fundraising", "/ressourcen/?q=verein", "/events.ics?topic=fundraising",
    "/planung/?catchment=1500&need=residents", "/planung/zahlen/{area}/?catchment=1500",
    "/planung/zahlen/{area}/?catchment=abc",
    "/organisationen/beispiel-migrationsberatung-altstadt/bedarfe/?gespeichert=1",
    "/api/schema/?format=json", "/api/schema/?format=yaml", "/api/schema/?format=xml",
]


def admin_paths(template, plan):
    """The superuser's admin pages: index, app indexes, each registered model's changelist, add form
    and the change form and history of its first object, and the admin's pages without parameters."""
    from django.contrib import admin

    tail = template[len("/admin/"):]
    if "<" not in tail and "(" not in tail:
        return [template]
    if tail == "<app_label>/":
        return sorted({f"/admin/{m._meta.app_label}/" for m in admin.site._registry})
    match = re.fullmatch(r"(\w+)/(\w+)/<(object_id|id)>/(change/|history/|password/)", tail)
    if match:
        app_label, model_name, _, page = match.groups()
        first = model(app_label, model_name).objects.order_by("pk").values_list("pk", flat=True).first()
        if first is None:
            plan.uncovered.append((template, "no object in the fixed database"))
            return []
        return [f"/admin/{app_label}/{model_name}/{first}/{page}"]
    if re.fullmatch(r"(\w+)/(\w+)/<object_id>/(delete/)?", tail):
        return []  # the delete confirmation and the bare redirect to the change form: left out
    plan.uncovered.append((template, "admin page with parameters left out"))
    return []


def plan():
    known = values()
    result = Plan(templates=templates())
    for template in result.templates:
        if template.startswith("/admin/"):
            result.admin.extend(admin_paths(template, result))
            if template == "/admin/":
                result.pages.append(template)  # what the other roles get there
            continue
        if "<" not in template and "(" not in template:
            result.pages.append(template)
            continue
        paths = fill(template, known)
        if paths is None:
            result.uncovered.append((template, "no rule fills its parameters"))
        else:
            result.pages.extend(paths)
    area = known["planning_area"][0]
    result.pages.extend(query.format(area=area) for query in PAGE_QUERIES)
    result.pages = sorted(set(result.pages))
    result.admin = sorted(set(result.admin))
    return result
