"""The proposal form as a person meets it: required fields marked, the languages as named checkboxes,
mistakes summarised at the top, and the anti-bot timing checked only once the fields are right."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from atlas.directory.models import Language
from atlas.moderation.models import Submission
from atlas.moderation.widgets import language_search_text
from tests.atlas.directory.factories import make_organisation
from tests.atlas.moderation.factories import organisation_data, started
from tests.factories import make_user

pytestmark = pytest.mark.django_db

TOO_FAST = "zu schnell"
EXPIRED = "zu lange geöffnet"


@pytest.fixture(autouse=True)
def slow_enough_forms(settings):
    settings.ATLAS_MIN_FILL_SECONDS = 3
    settings.ATLAS_SUBMISSIONS_PER_HOUR = 5
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def propose(client, **changes):
    return client.post(reverse("moderation:propose-organisation"), organisation_data(**changes))


def error_summary(body):
    found = re.search(r'<div class="error-summary"(.*?)</div>', body, re.DOTALL)
    return found and found.group(0)


def test_a_first_submit_with_mistakes_shows_only_those(client):
    # Sent at once (too fast) and without a name: the missing name is the only thing said.
    token = started(seconds_ago=1)
    response = propose(client, name="", privacy="", started=token)
    body = response.content.decode()
    assert response.status_code == 200 and not Submission.objects.exists()
    assert TOO_FAST not in body
    summary = error_summary(body)
    assert summary and "Bitte korrigieren Sie:" in summary
    assert 'tabindex="-1"' in summary and "autofocus" in summary
    assert '<a href="#id_name">Name: Dieses Feld ist zwingend erforderlich.</a>' in summary
    assert '<a href="#id_privacy">' in summary and "Ohne Ihr Einverständnis" in summary
    assert 'aria-invalid="true"' in body and 'id="id_name_error"' in body
    # The timestamp stays: the corrected form counts from when it was first shown.
    assert re.search(r'name="started" value="([^"]+)"', body).group(1) == token


def test_a_valid_but_too_fast_submit_is_still_refused(client):
    body = propose(client, started=started(seconds_ago=1)).content.decode()
    assert TOO_FAST in body
    assert TOO_FAST in error_summary(body)
    assert not Submission.objects.exists()


def test_a_stale_timestamp_beside_mistakes_is_renewed_silently(client):
    body = propose(client, name="", started="forged").content.decode()
    assert EXPIRED not in body
    assert "Name: Dieses Feld ist zwingend erforderlich." in body
    fresh = re.search(r'name="started" value="([^"]+)"', body).group(1)
    assert fresh != "forged"
    # Corrected and sent after the minimum time, the proposal goes through with the renewed timestamp.
    assert propose(client, started=started(seconds_ago=10)).status_code == 302


def test_a_group_of_checkboxes_is_linked_by_its_first_box(client):
    body = propose(client, languages=["not-a-language"]).content.decode()
    assert '<a href="#id_languages_0">' in error_summary(body)


def test_required_fields_are_marked(client):
    body = client.get(reverse("moderation:propose-organisation")).content.decode()
    assert "Pflichtfeld – bitte ausfüllen" in body
    assert re.search(r'<label for="id_name">Name <span class="required-marker" aria-hidden="true">\*</span></label>',
                     body)
    name_input = re.search(r'<input[^>]*id="id_name"[^>]*>', body).group(0)
    assert " required" in name_input and 'aria-required="true"' in name_input
    privacy = re.search(r'<input[^>]*id="id_privacy"[^>]*>', body).group(0)
    assert " required" in privacy and 'aria-required="true"' in privacy
    assert '<label for="id_short_description">Kurzbeschreibung</label>' in body
    short = re.search(r'<input[^>]*id="id_short_description"[^>]*>', body).group(0)
    assert "required" not in short
    # No summary on a fresh form; no error styles.
    assert error_summary(body) is None


def test_languages_are_checkboxes_named_in_themselves_and_in_german(client):
    body = client.get(reverse("moderation:propose-organisation")).content.decode()
    arabic = Language.objects.get(code="ar")
    assert f'<input type="checkbox" name="languages" value="{arabic.pk}"' in body
    assert ('<span lang="ar" dir="rtl">العربية</span> '
            '<span class="language-german" lang="de" dir="ltr">(Arabisch)</span>') in body
    assert '<span lang="uk" dir="ltr">Українська</span>' in body
    assert re.search(r'<legend>Gesprochene Sprachen</legend>', body)
    # The filter field is there for the module to show; without JavaScript it stays hidden.
    assert re.search(r'<p class="language-filter" hidden>\s*<label for="id_languages_filter">Sprachen filtern</label>',
                     body)
    assert 'src="/static/atlas/js/moderation/language-filter.js"' in body
    assert "<select" not in re.search(r'<fieldset.*?Gesprochene Sprachen.*?</fieldset>', body, re.DOTALL).group(0)


def test_ticked_languages_are_stored(client):
    codes = ["ar", "ku"]
    ids = [str(pk) for pk in Language.objects.filter(code__in=codes).values_list("pk", flat=True)]
    assert propose(client, languages=ids).status_code == 302
    organisation = Submission.objects.get().organisation
    assert sorted(organisation.languages.values_list("code", flat=True)) == codes


def test_the_filter_knows_each_language_by_several_names():
    arabic = Language.objects.get(code="ar")
    with translation.override("ru"):
        text = language_search_text(arabic)
    for name in ("العربية", "Arabisch", "ar", "Arabic", "Арабский"):
        assert name in text
    assert language_search_text(Language.objects.get(code="prs")) == "دری Dari prs"


def test_event_proposal_and_organisation_editing_share_widget_and_summary(client):
    event_page = client.get(reverse("moderation:propose-event")).content.decode()
    assert 'data-language-choices' in event_page
    organisation = make_organisation(name="Editierverein")
    client.force_login(make_user("red-form", organisations=[organisation]))
    url = reverse("moderation:organisation-edit", kwargs={"slug": organisation.slug})
    assert "data-language-choices" in client.get(url).content.decode()
    body = client.post(url, {"name": "", "kind": "association", "wheelchair_access": "unknown"}).content.decode()
    assert '<a href="#id_name">Name: Dieses Feld ist zwingend erforderlich.</a>' in error_summary(body)


def test_the_summary_is_in_the_readers_language(client):
    # Arabic reader: the field's label and Django's message in Arabic.
    client.cookies["django_language"] = "ar"
    body = propose(client, name="").content.decode()
    summary = error_summary(body)
    with translation.override("ar"):
        assert f"{translation.gettext('Name')}: {translation.gettext('This field is required.')}" in summary
