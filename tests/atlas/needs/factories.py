"""Helpers for the needs analysis tests (tests/atlas/test_needs_*.py): users with roles and answers."""


from django.contrib.auth.models import Group, User

from atlas.needs.models import Need, NeedsAssessment, Offer, SupportTopic
from atlas.roles.models import OrganisationEditor
from atlas.roles.permissions import COORDINATORS, PLANNERS


def make_user(username, coordinator=False, planner=False, editor_of=()):
    user = User.objects.create_user(username=username, password="geheim-und-lang-1")
    if coordinator:
        user.groups.add(Group.objects.get_or_create(name=COORDINATORS)[0])
    if planner:
        user.groups.add(Group.objects.get_or_create(name=PLANNERS)[0])
    for organisation in editor_of:
        OrganisationEditor.objects.create(organisation=organisation, user=user)
    return user


def answer(organisation, needs=(), offers=(), comment=""):
    """needs: [(topic key, priority, note)], offers: [(topic key, note)]."""
    assessment, _created = NeedsAssessment.objects.get_or_create(organisation=organisation,
                                                                 defaults={"comment": comment})
    for key, priority, note in needs:
        Need.objects.create(assessment=assessment, topic=SupportTopic.objects.get(key=key), priority=priority,
                            note=note)
    for key, note in offers:
        Offer.objects.create(assessment=assessment, topic=SupportTopic.objects.get(key=key), note=note)
    return assessment


