"""The six UI languages: complete compiled catalogues, right-to-left Arabic, a switcher that stays."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def test_all_six_languages_are_offered_german_first():
    assert [code for code, _name in settings.LANGUAGES] == ["de", "en", "tr", "ar", "uk", "ru"]
    assert settings.LANGUAGE_CODE == "de"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is installed by `make`")
@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_is_complete_and_valid(language):
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip()
    assert "untranslated" not in statistics, statistics
    assert "fuzzy" not in statistics, statistics
    assert (po.parent / "django.mo").exists(), "run `make messages` (compilemessages)"


@pytest.mark.django_db
@pytest.mark.parametrize("language, word", [("en", "Map"), ("tr", "Harita"), ("uk", "Карта"), ("ru", "Карта")])
def test_pages_speak_the_chosen_language(client, language, word):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<html lang="{language}" dir="ltr">' in html
    assert f">{word}</a>" in html  # the first navigation link


@pytest.mark.django_db
def test_language_switcher_keeps_the_current_page(client):
    response = client.post("/i18n/setlang/", {"language": "tr", "next": "/planungsraeume/"})
    assert response.status_code == 302
    assert response["Location"] == "/planungsraeume/"
    html = client.get("/planungsraeume/").content.decode()
    assert '<html lang="tr"' in html
