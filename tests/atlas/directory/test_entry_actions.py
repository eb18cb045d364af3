"""Entry points of the network's workflows on an organisation's page, shown only to those allowed."""

import pytest
from django.urls import reverse

from atlas.roles.permissions import COORDINATORS, PLANNERS
from tests.atlas.directory.factories import make_organisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role, sees_needs",
    [("anonymous", False), ("editor", True), ("other_editor", False), ("planner", False), ("coordinator", True)],
)
def test_needs_and_matching_links_follow_the_roles(client, role, sees_needs):
    organisation = make_organisation(name="Verein mit Bedarfen")
    other = make_organisation(name="Anderer Verein")
    users = {
        "editor": lambda: make_user("redaktion", organisations=[organisation]),
        "other_editor": lambda: make_user("andere", organisations=[other]),
        "planner": lambda: make_user("planung", role=PLANNERS),
        "coordinator": lambda: make_user("koordination", role=COORDINATORS),
    }
    if role in users:
        client.force_login(users[role]())
    html = client.get(organisation.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    questionnaire = reverse("needs:questionnaire", kwargs={"slug": organisation.slug})
    matching = reverse("needs:matching", kwargs={"slug": organisation.slug})
    assert (questionnaire in html) is sees_needs
    assert (matching in html) is sees_needs
    # The link is only a convenience: the page itself decides on the server.
    expected_status = 200 if sees_needs else (302 if role == "anonymous" else 403)
    assert client.get(questionnaire).status_code == expected_status
