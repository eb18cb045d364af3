"""The permissions matrix: every role × every action, through the real views and the API."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import NoReverseMatch, reverse

from atlas.directory.models import Organisation, PublicationStatus
from atlas.moderation.models import Submission
from atlas.roles import permissions
from atlas.roles.permissions import COORDINATORS, PLANNERS
from tests.atlas.directory.factories import make_organisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor_a", "editor_b", "planner", "coordinator"]


@pytest.fixture
def world():
    a = make_organisation(name="Verein A", slug="verein-a")
    b = make_organisation(name="Verein B", slug="verein-b")
    users = {
        "anonymous": None,
        "editor_a": make_user("red-a", organisations=[a]),
        "editor_b": make_user("red-b", organisations=[b]),
        "planner": make_user("planung", role=PLANNERS),
        "coordinator": make_user("koord", role=COORDINATORS),
    }
    return {"a": a, "b": b, "users": users}


def client_for(client, world, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    return client


def unpublish(organisation):
    Organisation.objects.filter(pk=organisation.pk).update(status=PublicationStatus.PENDING)


def edit_payload(organisation, **changes):
    data = {
        "name": organisation.name, "kind": organisation.kind, "short_description": "neu", "description": "",
        "street": "", "postcode": "", "website": "", "email": "", "phone": "", "opening_hours_note": "",
        "wheelchair_access": organisation.wheelchair_access, "legal_form": "", "founded_year": "",
    }
    data.update(changes)
    return data


def allowed(response):
    return response.status_code in (200, 302) and not (
        response.status_code == 302 and reverse("login") in response["Location"])


def denied(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and reverse("login") in response["Location"])


def check(response, expected):
    assert (allowed(response) if expected else denied(response)), (response.status_code, response.get("Location"))


# role → expected: anonymous, editor of A, editor of B, planner, coordinator
MATRIX = {
    "view_published_page": (True, True, True, True, True),
    "view_published_api": (True, True, True, True, True),
    "view_unpublished_page": (False, True, False, True, True),
    "view_unpublished_api": (False, False, False, False, False),  # the public API is published-only
    "edit_get": (False, True, False, False, True),
    "edit_post": (False, True, False, False, True),
    "publish": (False, False, False, False, True),
    "moderation_queue": (False, False, False, False, True),
    "moderation_approve": (False, False, False, False, True),
    "export_public_csv": (True, True, True, True, True),
    "export_internal_csv": (False, False, False, True, True),
    "needs_overview": (False, False, False, True, True),
    "stale_list": (False, False, False, False, True),
    "history_page": (False, True, False, False, True),
}
CASES = [(action, role, expected[index]) for action, expected in MATRIX.items() for index, role in enumerate(ROLES)]


@pytest.mark.parametrize(("action", "role", "expected"), CASES, ids=[f"{a}-{r}" for a, r, _ in CASES])
def test_matrix(client, world, action, role, expected):
    a = world["a"]
    c = client_for(client, world, role)
    user = world["users"][role] or AnonymousUser()

    if action == "view_published_page":
        check(c.get(a.get_absolute_url()), expected)
    elif action == "view_published_api":
        check(c.get(reverse("api-organisation", kwargs={"slug": a.slug})), expected)
    elif action == "view_unpublished_page":
        unpublish(a)
        check(c.get(a.get_absolute_url()), expected)
    elif action == "view_unpublished_api":
        unpublish(a)
        check(c.get(reverse("api-organisation", kwargs={"slug": a.slug})), expected)
        listed = [f["properties"]["slug"] for f in c.get(reverse("api-organisations")).json()["features"]]
        assert "verein-a" not in listed
    elif action == "edit_get":
        check(c.get(reverse("moderation:organisation-edit", kwargs={"slug": a.slug})), expected)
    elif action == "edit_post":
        response = c.post(reverse("moderation:organisation-edit", kwargs={"slug": a.slug}),
                          edit_payload(a, short_description="Geändert von " + role,
                                       status=PublicationStatus.PUBLISHED))
        check(response, expected)
        a.refresh_from_db()
        assert (a.short_description == "Geändert von " + role) is expected
        assert a.status == PublicationStatus.PUBLISHED  # editing never unpublishes
    elif action == "publish":
        unpublish(a)
        check(c.post(reverse("moderation:publish", kwargs={"kind": "organisation", "slug": a.slug})), expected)
        a.refresh_from_db()
        assert (a.status == PublicationStatus.PUBLISHED) is expected
        assert permissions.can_publish(user) is expected
        # An editor cannot publish through the edit form either: the status field is coordinators' only.
        Organisation.objects.filter(pk=a.pk).update(status=PublicationStatus.PENDING)
        c.post(reverse("moderation:organisation-edit", kwargs={"slug": a.slug}),
               edit_payload(a, status=PublicationStatus.PUBLISHED))
        a.refresh_from_db()
        assert (a.status == PublicationStatus.PUBLISHED) is expected
    elif action == "moderation_queue":
        check(c.get(reverse("moderation:queue")), expected)
        assert permissions.can_moderate(user) is expected
    elif action == "moderation_approve":
        pending = make_organisation(name="Neu", slug="neu-vorgeschlagen", status=PublicationStatus.PENDING)
        submission = Submission.objects.create(kind=Submission.Kind.NEW_ORGANISATION, payload={"name": "Neu"},
                                               organisation=pending, sender_hash="x" * 64)
        check(c.post(reverse("moderation:approve", kwargs={"pk": submission.pk}), {"reason": ""}), expected)
        submission.refresh_from_db()
        pending.refresh_from_db()
        assert (submission.status == Submission.Status.APPROVED) is expected
        assert (pending.status == PublicationStatus.PUBLISHED) is expected
    elif action == "export_public_csv":
        response = c.get(reverse("export-organisations-csv"))
        check(response, expected)
        assert response.status_code == 200
    elif action == "export_internal_csv":
        unpublish(world["b"])
        response = c.get(reverse("export-internal-organisations-csv"))
        check(response, expected)
        if expected:
            assert "Verein B" in response.content.decode("utf-8-sig")  # unpublished entries too
    elif action == "needs_overview":
        assert permissions.can_view_needs_overview(user) is expected
        # One organisation's answers: its editors and coordinators only; planners see aggregates.
        assert permissions.can_view_needs(user, world["b"]) is (role in ("coordinator", "editor_b"))
        url = None
        for name in ("atlas:needs-overview", "needs:overview"):
            try:
                url = reverse(name)
                break
            except NoReverseMatch:
                continue
        if url is not None:
            check(c.get(url), expected)
    elif action == "stale_list":
        check(c.get(reverse("moderation:stale")), expected)
    elif action == "history_page":
        check(c.get(reverse("moderation:history", kwargs={"kind": "organisation", "slug": a.slug})), expected)
    else:  # pragma: no cover
        raise AssertionError(action)


def test_role_groups_carry_admin_permissions():
    groups = permissions.ensure_role_groups()
    coordinators = set(groups[COORDINATORS].permissions.values_list("content_type__app_label", "codename"))
    planners = set(groups[PLANNERS].permissions.values_list("content_type__app_label", "codename"))
    assert ("atlas", "change_organisation") in coordinators
    assert ("atlas", "delete_submission") in coordinators
    assert ("geodata", "add_facility") in coordinators
    assert ("atlas", "view_organisation") in planners
    assert ("atlas", "change_organisation") not in planners
    assert all(codename.startswith("view_") for _, codename in planners)


def test_role_makes_staff_and_opens_the_admin(client):
    coordinator = make_user("koord-admin", role=COORDINATORS)
    planner = make_user("plan-admin", role=PLANNERS)
    assert coordinator.is_staff and planner.is_staff
    client.force_login(coordinator)
    assert client.get(reverse("admin:atlas_organisation_changelist")).status_code == 200
    assert client.get(reverse("admin:atlas_organisation_add")).status_code == 200
    assert client.get(reverse("admin:atlas_submission_changelist")).status_code == 200
    client.force_login(planner)
    assert client.get(reverse("admin:atlas_organisation_changelist")).status_code == 200
    assert client.get(reverse("admin:atlas_organisation_add")).status_code == 403
    # Leaving the role ends admin access.
    planner.groups.remove(Group.objects.get(name=PLANNERS))
    planner.refresh_from_db()
    assert not planner.is_staff


def test_admin_shows_history_of_an_organisation(client):
    organisation = make_organisation(name="Verlaufsverein")
    client.force_login(make_user("koord-hist", role=COORDINATORS))
    response = client.get(reverse("admin:atlas_organisation_history", args=[organisation.pk]))
    assert response.status_code == 200
    assert "Verlaufsverein" in response.content.decode()


def test_superuser_is_coordinator_but_anonymous_is_nothing():
    superuser = make_user("root", is_superuser=True)
    assert permissions.is_coordinator(superuser)
    anonymous = AnonymousUser()
    assert not permissions.is_coordinator(anonymous)
    assert not permissions.can_view_internal(anonymous)
    assert not permissions.can_edit_organisation(anonymous, make_organisation())
