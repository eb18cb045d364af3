"""Descriptions of directory entries in the other UI languages, in one place.

German is the main language: ``short_description`` and ``description`` are the German texts. The
other languages of ``settings.LANGUAGES`` live in the entry's ``translations`` JSON::

    {"tr": {"short_description": "…", "description": "…"}, "ar": {"description": "…"}}

A language or field that is missing (or empty) falls back to the German text. This module offers

* the languages and their native name and writing direction (``TRANSLATED_LANGUAGES``, ``direction``),
* extra, non-model form fields ``short_description_en``, ``description_en``, … for the admin and the
  editors' edit form (``TranslationFormMixin``), reading from and writing into ``translations``,
* the text to show in a language with the language it is really in (``localized``, ``localized_texts``),
  for the detail pages, JSON-LD and the API,
* the language of an API request (``request_language``).
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

SOURCE_LANGUAGE = settings.LANGUAGE_CODE  # "de": the model fields themselves
FIELDS = ("short_description", "description")
TRANSLATED_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE)
UI_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


def native_name(code):
    """'tr' → 'Türkçe' (the name in the language itself)."""
    return get_language_info(code)["name_local"]


def direction(code):
    """'rtl' for a right-to-left language such as Arabic, else 'ltr'."""
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def supported_language(value):
    """'tr', 'TR' or 'tr-TR' → 'tr' when it is one of the UI languages, else None."""
    code = (value or "").strip().lower().replace("_", "-")
    if code in UI_LANGUAGES:
        return code
    base = code.split("-")[0]
    return base if base in UI_LANGUAGES else None


def active_language():
    """The UI language of the request (LocaleMiddleware: cookie, then Accept-Language), reduced to
    one of settings.LANGUAGES."""
    return supported_language(get_language()) or SOURCE_LANGUAGE


# --- reading ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LocalizedText:
    """A text with the language it is in; ``fallback`` when German stands in for the asked language."""

    text: str
    language: str
    fallback: bool = False

    @property
    def direction(self):
        return direction(self.language)

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text)


def translated_text(translations, field, language):
    """The stored translation of one field, or '' (no fallback)."""
    if not isinstance(translations, dict):
        return ""
    texts = translations.get(language)
    if not isinstance(texts, dict):
        return ""
    text = texts.get(field)
    return text.strip() if isinstance(text, str) else ""


def localize(german, translations, field, language):
    """The text of `field` in `language`, or the German text marked as fallback. Also for flat rows
    (the API list reads ``translations`` with ``values_list``)."""
    language = supported_language(language) or SOURCE_LANGUAGE
    if language != SOURCE_LANGUAGE:
        text = translated_text(translations, field, language)
        if text:
            return LocalizedText(text, language)
    return LocalizedText(german or "", SOURCE_LANGUAGE, fallback=language != SOURCE_LANGUAGE)


def localized(entry, field, language=None):
    """The entry's `field` in `language` (default: the active UI language), falling back to German."""
    return localize(getattr(entry, field), entry.translations, field, language or active_language())


def localized_texts(entry, language=None):
    """{"short_description": LocalizedText, "description": LocalizedText} for one entry."""
    language = language or active_language()
    return {field: localized(entry, field, language) for field in FIELDS}


def all_translated_texts(translations):
    """Every translated text of an entry (for the search text)."""
    if not isinstance(translations, dict):
        return []
    return [translated_text(translations, field, language)
            for language in sorted(translations) for field in FIELDS
            if translated_text(translations, field, language)]


# --- the language of an API request --------------------------------------------------------------------

def request_language(request):
    """``?lang=`` when given (a code of settings.LANGUAGES, else ValueError), otherwise the language
    LocaleMiddleware chose from the language cookie or Accept-Language."""
    value = request.GET.get("lang")
    if value is not None:
        code = supported_language(value)
        if code is None:
            raise ValueError(value)
        return code
    return active_language()


# --- editing --------------------------------------------------------------------------------------------

def field_name(field, language):
    """('description', 'tr') → 'description_tr'."""
    return f"{field}_{language}"


TRANSLATION_FIELD_NAMES = tuple(field_name(field, language)
                                for language in TRANSLATED_LANGUAGES for field in FIELDS)


def translation_form_fields(model):
    """{"short_description_en": CharField, "description_en": CharField(Textarea), …}: the same length
    limits as the German fields, labelled with the language's native name, with lang and dir."""
    fields = {}
    for language in TRANSLATED_LANGUAGES:
        attrs = {"lang": language, "dir": direction(language)}
        for field in FIELDS:
            model_field = model._meta.get_field(field)
            if field == "description":
                widget = forms.Textarea(attrs={**attrs, "rows": 4})
            else:
                widget = forms.TextInput(attrs=attrs)
            fields[field_name(field, language)] = forms.CharField(
                label=format_lazy("{} ({})", model_field.verbose_name, native_name(language)),
                max_length=model_field.max_length, required=False, widget=widget,
            )
    return fields


TRANSLATIONS_HINT = _("Deutsch ist die Hauptsprache. Ein leeres Feld zeigt den deutschen Text; "
                      "ein geleertes Feld löscht die Übersetzung.")


def initial_values(translations):
    """Initial values of the translation form fields from an entry's ``translations``."""
    return {field_name(field, language): translated_text(translations, field, language)
            for language in TRANSLATED_LANGUAGES for field in FIELDS}


def updated_translations(translations, cleaned_data):
    """A new ``translations`` dict with the form's values: a filled field is stored, an emptied one
    removed, a language without texts removed. Keys the form does not edit are kept."""
    result = {language: dict(texts) for language, texts in (translations or {}).items() if isinstance(texts, dict)}
    for language in TRANSLATED_LANGUAGES:
        texts = result.setdefault(language, {})
        for field in FIELDS:
            name = field_name(field, language)
            if name not in cleaned_data:
                continue
            value = (cleaned_data.get(name) or "").strip()
            if value:
                texts[field] = value
            else:
                texts.pop(field, None)
        if not texts:
            del result[language]
    return result


class TranslationFormMixin:
    """Adds the translation fields to a ModelForm of an Organisation or MeetingPlace, filled from
    and saved into ``instance.translations``. Put it before ``forms.ModelForm`` in the bases; the
    admin needs them declared (``translation_form``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in translation_form_fields(self._meta.model).items():
            self.fields.setdefault(name, field)
        if self.instance is not None and self.instance.pk:
            for name, value in initial_values(self.instance.translations).items():
                self.initial.setdefault(name, value)

    def translation_groups(self):
        """Per language: code, native name, direction and the bound fields, for fieldsets with a legend."""
        return [{"code": language, "name": native_name(language), "dir": direction(language),
                 "fields": [self[field_name(field, language)] for field in FIELDS]}
                for language in TRANSLATED_LANGUAGES]

    def main_fields(self):
        """The visible fields that are not translations."""
        return [field for field in self.visible_fields() if field.name not in TRANSLATION_FIELD_NAMES]

    def _post_clean(self):
        super()._post_clean()
        self.instance.translations = updated_translations(self.instance.translations, self.cleaned_data)

    def has_changed_translations(self):
        return any(name in self.changed_data for name in TRANSLATION_FIELD_NAMES)


def translation_form(model, base=forms.ModelForm):
    """A ModelForm class with the translation fields declared (ModelAdmin.form: the admin builds its
    form with modelform_factory, which accepts only model fields and declared fields)."""
    return type(f"{model.__name__}TranslationForm", (TranslationFormMixin, base), translation_form_fields(model))
