"""Who counts as a member of the network (atlas.roles.permissions.is_network_member)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from atlas.membership.models import Membership
from atlas.roles.permissions import COORDINATORS, PLANNERS, forget_cached_roles, is_network_member
from tests.atlas.directory.factories import make_organisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_editors_of_member_organisations_accepted_individuals_and_coordinators_are_members():
    member = make_organisation(name="Verein A", slug="verein-a", network_member=True)
    other = make_organisation(name="Verein B", slug="verein-b")
    editor_of_member = make_user("red-a", organisations=[member])
    editor_of_other = make_user("red-b", organisations=[other])
    individual = make_user("multi")
    applicant = make_user("wartet")
    Membership.objects.create(kind="individual", user=individual, contact_name="M", activities="x", status="accepted")
    Membership.objects.create(kind="individual", user=applicant, contact_name="W", activities="x")

    assert is_network_member(editor_of_member)
    assert is_network_member(individual)
    assert is_network_member(make_user("koord", role=COORDINATORS))
    assert not is_network_member(editor_of_other)
    assert not is_network_member(applicant)
    assert not is_network_member(make_user("planung", role=PLANNERS))
    assert not is_network_member(AnonymousUser())


def test_leaving_ends_membership_once_the_cached_answer_is_forgotten():
    individual = make_user("multi")
    membership = Membership.objects.create(kind="individual", user=individual, contact_name="M", activities="x",
                                           status="accepted")
    assert is_network_member(individual)
    membership.status = Membership.Status.LEFT
    membership.save()
    forget_cached_roles(individual)
    assert not is_network_member(individual)
