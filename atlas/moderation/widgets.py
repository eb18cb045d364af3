"""Form widgets of the moderation forms (proposals, editing)."""

from django import forms
from django.utils import translation


def language_search_text(language):
    """What the language filter matches: the language's own name, its German name, its code, and the
    English name and the name in the reader's language where Django knows the language."""
    names = [language.native_name, language.german_name, language.code]
    try:
        info = translation.get_language_info(language.code)
    except KeyError:
        info = {}
    names += [str(info.get("name", "")), str(info.get("name_translated", ""))]
    return " ".join(dict.fromkeys(name for name in names if name))


class LanguageCheckboxes(forms.CheckboxSelectMultiple):
    """Languages (atlas.directory.models.Language) as checkboxes: each named in itself, marked with its
    lang and dir, and in German; a filter field above them that static/atlas/js/moderation/
    language-filter.js shows and wires (without JavaScript the whole list is there)."""

    template_name = "moderation/widgets/language_checkboxes.html"
    option_template_name = "moderation/widgets/language_option.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        language = getattr(value, "instance", None)
        if language is not None:
            option["language"] = language
            option["search_text"] = language_search_text(language)
        return option
