"""Checks of uploaded resource files: the extension must be allowed, the content must be what the
extension says (magic bytes, and the inner structure of Office/OpenDocument ZIP files) and the file
must be at most MAX_FILE_SIZE. An .exe renamed to .pdf is refused, so is any file too large.

The checks read the upload itself, never trust the browser's Content-Type, and run as a field
validator, so the admin form and ``full_clean()`` both apply them.
"""

import codecs
import os
import re
import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_FILE_SIZE = 10 * 1024 * 1024  # 10 MB
CHUNK = 64 * 1024
# Control characters other than tab, line feed, form feed and carriage return: binary, not text.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Extension → the media type the download is served with.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "txt": "text/plain; charset=utf-8",
}
ALLOWED_EXTENSIONS = tuple(CONTENT_TYPES)

_OOXML_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_ODF_MIMETYPE = {"odt": b"application/vnd.oasis.opendocument.text",
                 "ods": b"application/vnd.oasis.opendocument.spreadsheet"}


def extension_of(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def content_type_for(name):
    return CONTENT_TYPES.get(extension_of(name), "application/octet-stream")


def validate_resource_file(file):
    """Raises ValidationError with a translated message unless ``file`` is an allowed, honest upload."""
    if getattr(file, "_committed", False):
        return  # stored earlier, checked when it was uploaded
    extension = extension_of(file.name)
    if extension not in CONTENT_TYPES:
        raise ValidationError(
            _("Dateien vom Typ „.%(extension)s“ sind nicht erlaubt. Erlaubt sind: %(allowed)s."),
            code="file_type",
            params={"extension": extension or "?", "allowed": ", ".join(ALLOWED_EXTENSIONS)},
        )
    size = file.size
    if size is not None and size > MAX_FILE_SIZE:
        raise ValidationError(
            _("Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(max)s."),
            code="file_size",
            params={"size": filesizeformat(size), "max": filesizeformat(MAX_FILE_SIZE)},
        )
    if size == 0:
        raise ValidationError(_("Die Datei ist leer."), code="file_empty")
    if not _content_matches(file, extension):
        raise ValidationError(
            _("Der Inhalt der Datei passt nicht zur Endung „.%(extension)s“. Bitte eine echte "
              "%(extension_upper)s-Datei hochladen."),
            code="file_content",
            params={"extension": extension, "extension_upper": extension.upper()},
        )


def _content_matches(file, extension):
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        if extension == "pdf":
            return file.read(5) == b"%PDF-"
        if extension == "png":
            return file.read(8) == b"\x89PNG\r\n\x1a\n"
        if extension in ("jpg", "jpeg"):
            return file.read(3) == b"\xff\xd8\xff"
        if extension == "txt":
            return _is_utf8_text(file)
        if extension in _OOXML_PART:
            return _zip_has(file, lambda archive: _OOXML_PART[extension] in archive.namelist()
                            and "[Content_Types].xml" in archive.namelist())
        if extension in _ODF_MIMETYPE:
            return _zip_has(file, lambda archive: archive.read("mimetype").strip() == _ODF_MIMETYPE[extension])
        return False
    finally:
        file.seek(position)


def _zip_has(file, test):
    if file.read(4) != b"PK\x03\x04":
        return False
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            return bool(test(archive))
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return False


def _is_utf8_text(file):
    """Plain text: valid UTF-8 (a byte order mark allowed) without NUL or other binary control bytes."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        while chunk := file.read(CHUNK):
            if _BINARY_CONTROLS.search(decoder.decode(chunk)):
                return False
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True
