"""Roles of the network and what each may do. Every view and API endpoint asks here, on the server.

- coordinator (group "Koordination", or a superuser): moderates, edits everything, sees the needs analysis
- planner (group "Planung"): reads everything incl. non-public aggregates, exports; changes nothing
- organisation editor (an OrganisationEditor link): edits only their organisations, submits their events
- network member (an editor of a member organisation, or an accepted individual member): the members' area
- anyone else: reads what is published, may submit proposals to the moderation queue

Django's per-model permissions matter only in the admin: ensure_role_groups() gives the coordinators'
group every permission of the atlas and geodata apps and the planners' group the view permissions;
members of either group get `is_staff` (atlas.directory.signals) so they can open the admin at all.
"""

from django.contrib.auth.models import Group, Permission

from common.publication import PublicationStatus

COORDINATORS = "Koordination"
PLANNERS = "Planung"
ROLE_GROUPS = (COORDINATORS, PLANNERS)
# Apps whose models coordinators manage in the admin (and planners may look at).
ADMIN_APPS = ("atlas", "geodata")


def _authenticated(user):
    return bool(getattr(user, "is_authenticated", False))


def _in_group(user, name):
    if not _authenticated(user):
        return False
    cache = getattr(user, "_atlas_groups", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._atlas_groups = cache
    return name in cache


def forget_cached_roles(user):
    """After changing a user's groups, organisations or membership in the same request/test."""
    for attribute in ("_atlas_groups", "_atlas_organisation_ids", "_atlas_network_member"):
        if hasattr(user, attribute):
            delattr(user, attribute)


def is_coordinator(user):
    return (_authenticated(user) and bool(getattr(user, "is_superuser", False))) or _in_group(user, COORDINATORS)


def is_planner(user):
    return _in_group(user, PLANNERS)


def edited_organisation_ids(user):
    """Primary keys of the organisations the user is an editor of (cached on the user object)."""
    if not _authenticated(user):
        return frozenset()
    cache = getattr(user, "_atlas_organisation_ids", None)
    if cache is None:
        cache = frozenset(user.organisation_links.values_list("organisation_id", flat=True))
        user._atlas_organisation_ids = cache
    return cache


def is_editor_of(user, organisation):
    return organisation is not None and organisation.pk is not None and organisation.pk in edited_organisation_ids(user)


def is_editor(user):
    return bool(edited_organisation_ids(user))


def is_network_member(user):
    """The members' area (working groups, the collaboration board, members-only events and resources):
    coordinators, editors of an organisation that is a member of the network, and individual members
    accepted into it (atlas.membership). Cached on the user object."""
    if is_coordinator(user):
        return True
    if not _authenticated(user):
        return False
    cache = getattr(user, "_atlas_network_member", None)
    if cache is None:
        cache = (user.organisation_links.filter(organisation__network_member=True).exists()
                 or user.network_memberships.filter(kind="individual", status="accepted").exists())
        user._atlas_network_member = cache
    return cache


def can_view_internal(user):
    """Non-public aggregates, the needs analysis overview and exports."""
    return is_coordinator(user) or is_planner(user)


def can_export_internal(user):
    """The internal export (every entry, internal fields, data without publication consent)."""
    return can_view_internal(user)


def can_edit_organisation(user, organisation):
    if is_coordinator(user):
        return True
    return is_editor_of(user, organisation)


def can_edit_entry(user, entry):
    """Organisations: their editors; meeting places: the editors of their operator; events: the editors
    of their organiser. Coordinators: everything. The entry's kind is read from its model name, so the
    roles need not import the features that ask them."""
    if is_coordinator(user):
        return True
    kind = entry._meta.model_name
    if kind == "organisation":
        return is_editor_of(user, entry)
    if kind == "meetingplace":
        return entry.operator_id is not None and entry.operator_id in edited_organisation_ids(user)
    if kind == "event":
        return entry.organiser_id is not None and entry.organiser_id in edited_organisation_ids(user)
    return False


def can_view_entry(user, entry):
    """Published entries: everyone. Unpublished ones (pending, draft, archived): those who may edit them
    and the planners, who read everything."""
    if entry.status == PublicationStatus.PUBLISHED:
        return True
    return is_planner(user) or can_edit_entry(user, entry)


def can_view_history(user, entry):
    """The change history shows who changed what: for those who may edit the entry."""
    return can_edit_entry(user, entry)


def can_revert(user, entry):
    return can_edit_entry(user, entry)


def can_publish(user):
    return is_coordinator(user)


def can_moderate(user):
    return is_coordinator(user)


def can_view_stale_entries(user):
    """The list of entries not verified for 12 months (verification reminders)."""
    return is_coordinator(user)


def can_submit_event_for(user, organisation):
    """Events submitted for an organisation are linked to it; they still wait for moderation."""
    return can_edit_organisation(user, organisation)


def can_view_needs(user, organisation):
    """One organisation's answers and its matches: its editors and coordinators. Planners see only
    the aggregated overview (without names), never one organisation's answers."""
    return is_coordinator(user) or is_editor_of(user, organisation)


def can_view_needs_overview(user):
    """The needs of all organisations together (non-public aggregate)."""
    return can_view_internal(user)


def ensure_role_groups():
    """Creates the role groups with their admin permissions: coordinators all permissions of the
    atlas and geodata apps, planners their view permissions. Idempotent; run after every migrate
    (atlas.apps) and after a test database is flushed."""
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLE_GROUPS}
    app_permissions = Permission.objects.filter(content_type__app_label__in=ADMIN_APPS)
    groups[COORDINATORS].permissions.add(*app_permissions)
    groups[PLANNERS].permissions.add(*app_permissions.filter(codename__startswith="view_"))
    return groups


def grant_role(user, name):
    """Puts the user into a role group (which also makes them staff, see atlas.directory.signals)."""
    group = ensure_role_groups()[name]
    user.groups.add(group)
    forget_cached_roles(user)
    user.refresh_from_db(fields=["is_staff"])
    return user
