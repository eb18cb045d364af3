"""The questionnaire of the needs analysis: saving and re-rendering the answers, one transaction, and
who may open the per-organisation pages (questionnaire and matching)."""

import re

import pytest
from django.urls import reverse

from atlas.directory.models import PublicationStatus
from atlas.needs.forms import QuestionnaireForm
from atlas.needs.models import Need, NeedsAssessment, Offer, SupportTopic
from atlas.roles.permissions import COORDINATORS, PLANNERS
from tests.atlas.directory.factories import make_organisation
from tests.atlas.needs.factories import answer
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def questionnaire_url(organisation):
    return reverse("needs:questionnaire", kwargs={"slug": organisation.slug})


def matching_url(organisation):
    return reverse("needs:matching", kwargs={"slug": organisation.slug})


def get(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    return response, response.content.decode()


def test_urls():
    assert reverse("needs:questionnaire", kwargs={"slug": "x"}) == "/organisationen/x/bedarfe/"
    assert reverse("needs:matching", kwargs={"slug": "x"}) == "/organisationen/x/vernetzung/"
    assert reverse("needs:overview") == "/bedarfsanalyse/"
    assert reverse("needs:overview-csv") == "/bedarfsanalyse.csv"


def test_the_form_lists_every_topic():
    form = QuestionnaireForm(organisation=make_organisation())
    assert [row["topic"].key for row in form.rows()] == list(SupportTopic.objects.values_list("key", flat=True))
    assert len(form.rows()) == 13


def test_questionnaire_saves_and_re_renders_the_answers(client):
    organisation = make_organisation(name="Elternverein")
    editor = make_user("redakteurin", organisations=[organisation])
    client.force_login(editor)
    response, html = get(client, questionnaire_url(organisation))
    assert response.status_code == 200
    assert "Bedarfe und Angebote: Elternverein" in html
    assert html.count("<fieldset") == 13
    assert not NeedsAssessment.objects.filter(organisation=organisation).exists()

    response = client.post(questionnaire_url(organisation), {
        "need_rooms": "on", "priority_rooms": "1", "need_note_rooms": "Saal für 40 Personen, abends",
        "need_funding": "on", "priority_funding": "3",
        "offer_translation": "on", "offer_note_translation": "Arabisch und Türkisch",
        "offer_volunteers": "on",
        "comment": "Wir wachsen.",
    })
    assert response.status_code == 302
    assert response["Location"] == questionnaire_url(organisation) + "?gespeichert=1"

    assessment = NeedsAssessment.objects.get(organisation=organisation)
    assert assessment.comment == "Wir wachsen." and assessment.updated_by == editor
    assert {(need.topic.key, need.priority, need.note) for need in assessment.needs.all()} == {
        ("rooms", 1, "Saal für 40 Personen, abends"), ("funding", 3, "")}
    assert {(offer.topic.key, offer.note) for offer in assessment.offers.all()} == {
        ("translation", "Arabisch und Türkisch"), ("volunteers", "")}

    response, html = get(client, response["Location"])
    assert "Gespeichert" in html
    assert re.search(r'<input type="checkbox" name="need_rooms" id="id_need_rooms" checked>', html)
    assert re.search(r'<input type="checkbox" name="need_funding" id="id_need_funding" checked>', html)
    assert re.search(r'<input type="checkbox" name="need_volunteers" id="id_need_volunteers">', html)
    assert re.search(r'<input type="checkbox" name="offer_translation" id="id_offer_translation" checked>', html)
    assert 'value="Saal für 40 Personen, abends"' in html
    assert 'value="Arabisch und Türkisch"' in html
    assert re.search(r'<select name="priority_rooms"[^>]*>.*?<option value="1" selected>', html, re.DOTALL)
    assert re.search(r'<select name="priority_funding"[^>]*>.*?<option value="3" selected>', html, re.DOTALL)
    assert "Wir wachsen.</textarea>" in html

    # Unticking removes, changing updates; untouched topics stay away.
    client.post(questionnaire_url(organisation), {
        "need_funding": "on", "priority_funding": "2", "need_note_funding": "Miete",
        "offer_translation": "on", "offer_note_translation": "Arabisch",
    })
    assessment.refresh_from_db()
    assert [(need.topic.key, need.priority, need.note) for need in assessment.needs.all()] == [("funding", 2, "Miete")]
    assert [(offer.topic.key, offer.note) for offer in assessment.offers.all()] == [("translation", "Arabisch")]
    assert assessment.comment == ""
    assert NeedsAssessment.objects.filter(organisation=organisation).count() == 1


def test_a_note_without_its_checkbox_is_an_error_and_nothing_is_saved(client):
    organisation = make_organisation()
    client.force_login(make_user("r", organisations=[organisation]))
    response = client.post(questionnaire_url(organisation), {"need_note_rooms": "ohne Haken", "need_funding": "on"},
                           HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte „Bedarf“ ankreuzen" in html and 'aria-invalid="true"' in html
    assert 'value="ohne Haken"' in html
    assert not NeedsAssessment.objects.filter(organisation=organisation).exists()


def test_invalid_priority_is_rejected(client):
    organisation = make_organisation()
    client.force_login(make_user("r", organisations=[organisation]))
    response = client.post(questionnaire_url(organisation), {"need_rooms": "on", "priority_rooms": "7"})
    assert response.status_code == 200
    assert not Need.objects.exists()


def test_saving_is_one_transaction(monkeypatch):
    organisation = make_organisation()
    answer(organisation, needs=[("rooms", 1, "alt")], comment="alt")
    form = QuestionnaireForm({"need_funding": "on", "priority_funding": "1", "offer_rooms": "on",
                              "comment": "neu"}, organisation=organisation)
    assert form.is_valid(), form.errors

    def fail(*args, **kwargs):
        raise RuntimeError("Datenbank weg")

    monkeypatch.setattr(Offer.objects, "update_or_create", fail)
    with pytest.raises(RuntimeError):
        form.save()
    assessment = NeedsAssessment.objects.get(organisation=organisation)
    assert assessment.comment == "alt"
    assert [(need.topic.key, need.note) for need in assessment.needs.all()] == [("rooms", "alt")]
    assert not Offer.objects.exists()


# --- permissions -----------------------------------------------------------------------------------

def test_anonymous_visitors_are_sent_to_the_login(client):
    organisation = make_organisation()
    for url in (questionnaire_url(organisation), matching_url(organisation)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={url}"
    response = client.post(questionnaire_url(organisation), {"need_rooms": "on"})
    assert response.status_code == 302 and not NeedsAssessment.objects.exists()


def test_an_editor_answers_for_their_organisation_only(client):
    own = make_organisation(name="A")
    other = make_organisation(name="B")
    client.force_login(make_user("redakteur", organisations=[own]))
    assert client.get(questionnaire_url(own)).status_code == 200
    assert client.get(matching_url(own)).status_code == 200
    assert client.get(questionnaire_url(other)).status_code == 403
    assert client.get(matching_url(other)).status_code == 403
    response = client.post(questionnaire_url(other), {"need_rooms": "on", "priority_rooms": "1"})
    assert response.status_code == 403
    assert not NeedsAssessment.objects.filter(organisation=other).exists()
    assert client.get("/organisationen/gibt-es-nicht/bedarfe/").status_code == 404


def test_editors_may_answer_before_publication(client):
    draft = make_organisation(status=PublicationStatus.DRAFT)
    client.force_login(make_user("r", organisations=[draft]))
    response, html = get(client, questionnaire_url(draft))
    assert response.status_code == 200
    assert f'href="{draft.get_absolute_url()}"' not in html  # no link to a public page not there yet
    assert client.post(questionnaire_url(draft), {"offer_rooms": "on"}).status_code == 302


def test_coordinators_answer_for_any_organisation(client):
    organisation = make_organisation()
    client.force_login(make_user("koordination", role=COORDINATORS))
    assert client.get(questionnaire_url(organisation)).status_code == 200
    assert client.get(matching_url(organisation)).status_code == 200
    assert client.post(questionnaire_url(organisation), {"need_rooms": "on", "priority_rooms": "2"}).status_code == 302
    assert Need.objects.get().assessment.organisation == organisation


def test_planners_and_other_users_may_not_open_an_organisations_answers(client):
    organisation = make_organisation()
    for user in (make_user("planung", role=PLANNERS), make_user("irgendwer")):
        client.force_login(user)
        assert client.get(questionnaire_url(organisation)).status_code == 403
        assert client.get(matching_url(organisation)).status_code == 403
        assert client.post(questionnaire_url(organisation), {"need_rooms": "on"}).status_code == 403
    assert not NeedsAssessment.objects.exists()
