"""?lang= in a shared link: the page opens in that language and the choice is kept in the cookie."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_lang_parameter_wins_over_cookie_and_is_kept(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    response = client.get("/verzeichnis/?lang=ar", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl"' in response.content.decode()
    assert response["Content-Language"] == "ar"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    # The next page, without the parameter, stays in Arabic.
    assert '<html lang="ar"' in client.get("/verzeichnis/").content.decode()


@pytest.mark.parametrize("value", ["AR", "ar-SY", "ar_SY"])
def test_lang_parameter_accepts_regional_spellings(client, value):
    assert '<html lang="ar"' in client.get(f"/verzeichnis/?lang={value}").content.decode()


def test_unknown_lang_is_ignored_on_pages(client):
    response = client.get("/verzeichnis/?lang=xx", HTTP_ACCEPT_LANGUAGE="uk")
    assert response.status_code == 200
    assert '<html lang="uk"' in response.content.decode()
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_no_cookie_when_it_already_says_so_nor_on_api_answers(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tr"
    assert settings.LANGUAGE_COOKIE_NAME not in client.get("/verzeichnis/?lang=tr").cookies
    response = client.get("/api/categories/?lang=uk")
    assert response.status_code == 200
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert "Консультування" in response.content.decode("utf-8")
