"""Users in the roles of the network, for tests:

    coordinator = make_user("koordination", role=COORDINATORS)
    editor = make_user("redaktion", organisations=[organisation])
"""

from django.contrib.auth import get_user_model

from atlas.roles.models import OrganisationEditor
from atlas.roles.permissions import grant_role

PASSWORD = "ein-langes-Test-Passwort-2024"


def make_user(username, role=None, organisations=(), email=None, password=PASSWORD, **kw):
    user = get_user_model().objects.create_user(
        username=username, email=email if email is not None else f"{username}@example.org", password=password, **kw)
    if role:
        grant_role(user, role)
    for organisation in organisations:
        OrganisationEditor.objects.create(organisation=organisation, user=user)
    return user
