"""Plural tables for the scripts (common.plurals): gettext's choice for each count, in the reader's language."""

from django.utils import translation

from common.plurals import plural_table

# A text the catalogues already translate with all their plural forms.
SINGULAR, PLURAL = "%(counter)s Eintrag", "%(counter)s Einträge"


def entries(count):
    return translation.ngettext(SINGULAR, PLURAL, count)


def form(table, count):
    return table["forms"][int(table["index"][count])]


def test_german_has_one_form_for_one_and_another_for_the_rest():
    with translation.override("de"):
        table = plural_table(entries)
    assert table["forms"] == [PLURAL, SINGULAR]  # in the order of the first count that chose each: 0, 1
    assert len(table["index"]) == 200
    assert form(table, 1) == SINGULAR
    assert {form(table, n) for n in (0, 2, 5, 11, 21, 199)} == {PLURAL}


def test_russian_chooses_one_few_and_many_as_gettext_does():
    with translation.override("ru"):
        table = plural_table(entries)
    assert form(table, 1) == form(table, 21) == form(table, 101) == "%(counter)s запись"
    assert form(table, 2) == form(table, 24) == form(table, 122) == "%(counter)s записи"
    assert form(table, 5) == form(table, 11) == form(table, 112) == "%(counter)s записей"
    # Each translation once: the table names forms, not plural indexes.
    assert len(table["forms"]) == len(set(table["forms"])) == 3


def test_arabic_keeps_its_distinct_forms():
    with translation.override("ar"):
        table = plural_table(entries)
        expected = {n: translation.ngettext(SINGULAR, PLURAL, n) for n in (0, 1, 2, 3, 11, 100, 103, 111)}
    for count, text in expected.items():
        assert form(table, count) == text
