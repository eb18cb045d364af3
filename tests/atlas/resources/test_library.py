"""The resources library: upload checks (type, magic bytes, size), umlaut-tolerant search, filters,
pages and the download. Runs on SpatiaLite and PostGIS; uploads go to a temporary MEDIA_ROOT."""

import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from django.utils import translation
from django.utils.functional import Promise

from atlas.directory.models import Language, PublicationStatus
from atlas.events.models import Topic
from atlas.resources.models import Resource
from atlas.resources.validation import MAX_FILE_SIZE, validate_resource_file
from tests.atlas.resources.factories import make_resource

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def zip_bytes(files, mimetype_first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype_first:
            archive.writestr("mimetype", mimetype_first, compress_type=zipfile.ZIP_STORED)
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
ODT = zip_bytes({"content.xml": "<office:document-content/>"}, "application/vnd.oasis.opendocument.text")
ODS = zip_bytes({"content.xml": "<office:document-content/>"}, "application/vnd.oasis.opendocument.spreadsheet")


def upload(name, content):
    return SimpleUploadedFile(name, content)


def error_of(file):
    with pytest.raises(ValidationError) as error:
        validate_resource_file(file)
    return error.value


# --- upload validation ----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content"), [
    ("leitfaden.pdf", PDF), ("Vorlage.DOCX", DOCX), ("tabelle.xlsx", XLSX), ("text.odt", ODT),
    ("tabelle.ods", ODS), ("bild.png", PNG), ("foto.jpg", JPG), ("foto.jpeg", JPG),
    ("liesmich.txt", "Grüße aus Spandau\r\n\tZeile 2\n".encode()),
    ("bom.txt", "\ufeffمرحبا".encode()),
])
def test_allowed_files_pass(name, content):
    validate_resource_file(upload(name, content))


def test_exe_renamed_pdf_is_refused_by_its_magic_bytes():
    error = error_of(upload("leitfaden.pdf", EXE))
    assert error.code == "file_content"
    assert "Der Inhalt der Datei passt nicht zur Endung „.pdf“" in " ".join(error.messages)


@pytest.mark.parametrize(("name", "content"), [
    ("vorlage.docx", EXE),
    ("vorlage.docx", XLSX),  # a real ZIP, but a spreadsheet
    ("vorlage.docx", b"PK\x03\x04 kaputt"),
    ("tabelle.xlsx", DOCX),
    ("text.odt", ODS),
    ("text.odt", zip_bytes({"content.xml": "<x/>"})),  # no mimetype
    ("bild.png", JPG),
    ("foto.jpg", PDF),
    ("liesmich.txt", EXE),
    ("liesmich.txt", b"\xff\xfe\x00\x00 not utf-8"),
])
def test_content_not_matching_the_extension_is_refused(name, content):
    assert error_of(upload(name, content)).code == "file_content"


@pytest.mark.parametrize("name", ["setup.exe", "skript.js", "seite.html", "bild.svg", "ohne-endung", "archiv.zip"])
def test_other_extensions_are_refused(name):
    error = error_of(upload(name, PDF))
    assert error.code == "file_type"
    assert "nicht erlaubt" in " ".join(error.messages)
    assert "pdf, docx, xlsx, odt, ods, png, jpg" in " ".join(error.messages)


def test_file_over_10_mb_is_refused():
    error = error_of(upload("gross.pdf", PDF + b"0" * (MAX_FILE_SIZE + 1 - len(PDF))))
    assert error.code == "file_size"
    assert "Die Datei ist zu groß (10,0\xa0MB). Erlaubt sind höchstens 10,0\xa0MB." in error.messages[0]
    validate_resource_file(upload("genau.pdf", PDF + b"0" * (MAX_FILE_SIZE - len(PDF))))


def test_messages_are_translatable():
    error = error_of(upload("leitfaden.pdf", EXE))
    with translation.override("de"):
        assert "passt nicht" in error.messages[0]
    # The message is lazy: it is rendered in the language active when it is shown.
    assert isinstance(error.message, Promise)


def test_admin_form_refuses_bad_upload_and_accepts_good_one(media_root):
    form_class = modelform_factory(Resource, fields=["title", "slug", "kind", "status", "file"])
    data = {"title": "Leitfaden", "slug": "leitfaden", "kind": "file", "status": "published"}
    form = form_class(data, {"file": upload("leitfaden.pdf", EXE)})
    assert not form.is_valid()
    assert "passt nicht zur Endung" in form.errors["file"][0]
    form = form_class(data, {"file": upload("leitfaden.pdf", PDF)})
    assert form.is_valid(), form.errors
    resource = form.save()
    assert resource.file.name == "resources/leitfaden.pdf"
    assert (media_root / "resources" / "leitfaden.pdf").read_bytes() == PDF
    # Saving again without a new upload does not re-read the stored file.
    form = form_class({**data, "title": "Leitfaden neu"}, instance=resource)
    assert form.is_valid(), form.errors


def test_link_needs_url_and_file_kind_needs_file():
    with pytest.raises(ValidationError) as error:
        Resource(title="Link", slug="link", kind=Resource.Kind.LINK).full_clean()
    assert "url" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        Resource(title="Datei", slug="datei", kind=Resource.Kind.FILE).full_clean()
    assert "file" in error.value.message_dict


# --- search and filters ---------------------------------------------------------------------------

def titles(client, query=""):
    response = client.get(f"/ressourcen/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    return [resource.title for resource in Resource.objects.all() if f">{resource.title}</a>" in html]


def test_search_tolerates_umlauts(client):
    make_resource(title="Fördermittel für Migrantenselbstorganisationen", kind="funding")
    make_resource(title="Satzung für Vereine", summary="Muster für die Gründung, geprüft von Frau Müller")
    make_resource(title="Ganz anderes Thema")
    funding = ["Fördermittel für Migrantenselbstorganisationen"]
    for query in ("Fördermittel", "foerdermittel", "fordermittel", "FÖRDERMITTEL", "Förder"):
        assert titles(client, f"?q={query}") == funding, query
    assert titles(client, "?q=mueller") == ["Satzung für Vereine"]
    assert titles(client, "?q=grundung satzung") == ["Satzung für Vereine"]
    assert titles(client, "?q=Förderprogramm") == funding  # the kind's German name


def test_search_finds_topics_and_languages_set_later(client):
    resource = make_resource(title="Merkblatt")
    assert titles(client, "?q=ehrenamt") == []
    resource.topics.add(Topic.objects.get(key="volunteering"))
    resource.languages.add(Language.objects.get(code="uk"))
    assert titles(client, "?q=ehrenamt") == ["Merkblatt"]
    assert titles(client, "?q=ukrainisch") == ["Merkblatt"]
    resource.topics.clear()
    assert titles(client, "?q=ehrenamt") == []


def test_filters_by_topic_language_and_kind(client):
    make_resource(title="Recht auf Arabisch", topics=["law"], languages=["ar"], kind="guide")
    make_resource(title="Recht auf Türkisch", topics=["law"], languages=["tr"], kind="template")
    make_resource(title="Gesundheit", topics=["health"], languages=["tr"], kind="contact")
    assert titles(client, "?topic=law") == ["Recht auf Arabisch", "Recht auf Türkisch"]
    assert titles(client, "?topic=law&language=tr") == ["Recht auf Türkisch"]
    assert titles(client, "?kind=contact") == ["Gesundheit"]
    assert titles(client, "?kind=guide,template&language=tr") == ["Recht auf Türkisch"]


@pytest.mark.parametrize(("query", "parameter", "value"), [
    ("?kind=virus", "kind", "virus"), ("?topic=nope", "topic", "nope"), ("?language=xx", "language", "xx"),
    ("?kind=guide,virus&topic=law", "kind", "virus"),
])
def test_unknown_filter_value_is_named_and_that_filter_left_out(client, query, parameter, value):
    make_resource(title="Recht", topics=["law"], kind="guide")
    make_resource(title="Gesundheit", topics=["health"], kind="contact")
    response = client.get(f"/ressourcen/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    found = re.search(r'role="alert"[^>]*>(.*?)</ul>', html, re.DOTALL)
    assert found and f"{parameter}: {value}" in found.group(1), html
    assert ">Recht</a>" in html
    assert (">Gesundheit</a>" in html) == ("topic=law" not in query)


def test_too_long_search_is_named_and_left_out(client):
    make_resource(title="Irgendwas")
    response = client.get("/ressourcen/", {"q": "x" * 201})
    html = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in html
    assert ">Irgendwas</a>" in html


def test_drafts_are_not_listed_nor_shown(client):
    make_resource(title="Öffentlich")
    draft = make_resource(title="Entwurf", status=PublicationStatus.DRAFT)
    assert titles(client) == ["Öffentlich"]
    assert client.get(draft.get_absolute_url()).status_code == 404


# --- pages and download ---------------------------------------------------------------------------

def test_detail_page_with_download_and_link(client):
    resource = make_resource(title="Antragsvorlage", kind="template", summary="Zum Ausfüllen",
                             url="https://example.org/foerderung", file=upload("vorlage.docx", DOCX),
                             topics=["fundraising"])
    response = client.get(resource.get_absolute_url())
    html = response.content.decode()
    assert "Antragsvorlage" in html and "Zum Ausfüllen" in html and "Vorlage" in html
    assert f'href="/ressourcen/{resource.slug}/download/"' in html
    assert 'href="https://example.org/foerderung"' in html
    assert "Fördermittel und Fundraising" in html
    assert "atlas/css/events-resources.css" in html and "<style" not in html


def test_download_is_an_attachment_with_nosniff(client):
    resource = make_resource(kind="file", file=upload("Leitfaden Gründung.pdf", PDF))
    response = client.get(f"/ressourcen/{resource.slug}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Leitfaden" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_txt_download_is_plain_text_attachment(client):
    resource = make_resource(kind="file", file=upload("hinweis.txt", b"<html><script>alert(1)</script>"))
    response = client.get(f"/ressourcen/{resource.slug}/download/")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="hinweis.txt"'


def test_download_of_draft_or_missing_file_is_404(client, media_root):
    draft = make_resource(status=PublicationStatus.DRAFT, file=upload("geheim.pdf", PDF))
    assert client.get(f"/ressourcen/{draft.slug}/download/").status_code == 404
    without = make_resource()
    assert client.get(f"/ressourcen/{without.slug}/download/").status_code == 404
    gone = make_resource(file=upload("weg.pdf", PDF))
    (media_root / gone.file.name).unlink()
    assert client.get(f"/ressourcen/{gone.slug}/download/").status_code == 404
    assert client.get(gone.get_absolute_url()).status_code == 200


def test_pages_escape_user_text(client):
    resource = make_resource(title=XSS, summary=XSS, body=XSS)
    for url in ("/ressourcen/", resource.get_absolute_url(), f"/ressourcen/?q={XSS}"):
        html = client.get(url).content.decode()
        assert ESCAPED_XSS in html, url
        assert XSS not in html, url


def test_sample_resources_are_marked(client):
    resource = make_resource(title="Beispielleitfaden", is_sample=True)
    assert "Beispiel/Sample" in client.get("/ressourcen/").content.decode()
    assert "Beispiel/Sample" in client.get(resource.get_absolute_url()).content.decode()
