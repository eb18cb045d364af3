"""The directory's vocabularies as search terms in all six UI languages, whatever the reader's language.

Each field of activity, target group, community, kind of meeting place and spoken language is a
*concept*: its name in every UI language (the catalogues' translations of the seeded names, Django's
names of languages), the curated synonyms (atlas/directory/search/synonyms.py) and the topics without a
vocabulary entry (mosque, church, synagogue). A query word or phrase that is one of a concept's terms
finds the entries linked to it, and the entries whose texts contain one of its words: "мечеть", "مسجد",
"cami" and "Moschee" are all the topic *mosque*, "консультація" and "استشارة" the field *Beratung*.
"""

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.conf.locale import LANG_INFO
from django.utils import translation

from atlas.directory.models import Category, Community, Language, MeetingPlaceType, TargetGroup
from atlas.directory.search import synonyms
from atlas.directory.search.fuzzy import by_length, closest
from atlas.directory.translations import SOURCE_LANGUAGE, UI_LANGUAGES
from common.text import fold_words

# Words shorter than this are looked up as terms but never looked for inside the entries' texts
# (Arabic "فن", Turkish "din" would be inside countless words).
MIN_TEXT_WORD = 4
# A query word this long that is the beginning of a term stands for it ("консульт" → консультація),
# when it is no term itself: the list follows the typing.
MIN_PREFIX = 4
MAX_TERM_WORDS = 6
# Django's names of languages under another code.
DJANGO_LANGUAGE_CODES = {"zh": "zh-hans"}

VOCABULARIES = (
    # vocabulary, model, synonyms by key
    ("category", Category, synonyms.CATEGORIES),
    ("target_group", TargetGroup, synonyms.TARGET_GROUPS),
    ("community", Community, synonyms.COMMUNITIES),
    ("place_type", MeetingPlaceType, synonyms.MEETING_PLACE_TYPES),
)


@dataclass(frozen=True)
class Concept:
    vocabulary: str  # category, target_group, community, place_type, language or topic
    key: str  # the vocabulary entry's key, the language code, the topic
    labels: tuple  # ((UI language, name in it), …)
    terms: frozenset  # folded terms
    text_words: tuple  # folded words looked for in the entries' texts (none inside another)

    @property
    def id(self):
        return f"{self.vocabulary}:{self.key}"

    def label(self, language):
        labels = dict(self.labels)
        return labels.get(language) or labels[SOURCE_LANGUAGE]


def shortest_covering(words):
    """The words of which none contains another (a text containing "beratung" contains "sozialberatung"
    or not; looking for "beratung" is enough), sorted."""
    kept = []
    for word in sorted(set(words), key=lambda word: (len(word), word)):
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return tuple(sorted(kept))


def concept(vocabulary, key, labels, words, links_only=False):
    return _concept(vocabulary, key, tuple(sorted(labels.items())), tuple(words), links_only)


@lru_cache(maxsize=4096)  # the same names and synonyms each time the terms are rebuilt: folded once
def _concept(vocabulary, key, labels, words, links_only):
    terms = frozenset(term for term in (fold_words(word) for word in [*dict(labels).values(), *words]) if term)
    text_words = () if links_only else shortest_covering(term for term in terms if len(term) >= MIN_TEXT_WORD)
    return Concept(vocabulary, key, labels, terms, text_words)


def _synonym_words(table, key):
    return [word for words in table.get(key, {}).values() for word in words]


@lru_cache(maxsize=4096)  # the catalogues do not change while the process runs
def translated(name, language):
    with translation.override(language):
        return translation.gettext(name)


def language_name(code, german_name, native_name, language):
    """The name of the language `code` in the UI language `language`."""
    if language == SOURCE_LANGUAGE:
        return german_name
    info = LANG_INFO.get(DJANGO_LANGUAGE_CODES.get(code, code))
    if info and "name" in info:
        return translated(info["name"], language)
    curated = synonyms.LANGUAGES.get(code, {}).get(language)
    return curated[0] if curated else native_name


def load_concepts():
    """Every concept, from the vocabularies in the database, the catalogues and the synonyms."""
    concepts = []
    for vocabulary, model, table in VOCABULARIES:
        for key, name in model.objects.values_list("key", "name"):
            labels = {language: translated(name, language) for language in UI_LANGUAGES}
            concepts.append(concept(vocabulary, key, labels, [name, *_synonym_words(table, key)],
                                    links_only=(vocabulary, key) in synonyms.LINKS_ONLY))
    for code, native_name, german_name in Language.objects.values_list("code", "native_name", "german_name"):
        labels = {language: language_name(code, german_name, native_name, language) for language in UI_LANGUAGES}
        concepts.append(concept("language", code, labels,
                                [native_name, german_name, *_synonym_words(synonyms.LANGUAGES, code)]))
    for key, words in synonyms.TOPICS.items():
        labels = {language: words[language][0] for language in UI_LANGUAGES}
        concepts.append(concept("topic", key, labels, _synonym_words(synonyms.TOPICS, key)))
    return concepts


class VocabularyTerms:
    """The terms of all concepts: looked up whole, by their beginning, or with typos (atlas.directory.search.fuzzy)."""

    def __init__(self, concepts):
        self.concepts = {concept.id: concept for concept in concepts}
        self.by_term = defaultdict(set)
        for concept in concepts:
            for term in concept.terms:
                self.by_term[term].add(concept.id)
        single_words = [term for term in self.by_term if " " not in term]
        self.sorted_words = sorted(single_words)
        self.words_by_length = by_length(single_words)

    def _concepts(self, ids):
        return tuple(self.concepts[pk] for pk in sorted(ids))

    def exact(self, term):
        return self._concepts(self.by_term.get(term, ()))

    def starting_with(self, prefix):
        """Concepts with a one-word term beginning with `prefix`."""
        if len(prefix) < MIN_PREFIX:
            return ()
        ids = set()
        for word in self.sorted_words[bisect_left(self.sorted_words, prefix):]:
            if not word.startswith(prefix):
                break
            ids |= self.by_term[word]
        return self._concepts(ids)

    def closest(self, word, max_edits):
        """(edits, concepts) of the one-word terms nearest to `word` within `max_edits`."""
        edits, terms = closest(word, self.words_by_length, max_edits)
        return edits, self._concepts({pk for term in terms for pk in self.by_term[term]})

    def all_terms(self):
        return self.by_term.keys()
