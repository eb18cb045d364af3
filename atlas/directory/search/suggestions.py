""""Did you mean …": for a query word that matches nothing, the most similar vocabulary terms (in any UI
language, offered under their name in the reader's language) and names of published entries.

These are candidates; atlas.directory.suggestions keeps those that find something with the other filters.
"""

from dataclasses import dataclass

from atlas.directory.search.fuzzy import similar
from atlas.directory.search.index import entry_names, vocabulary_terms
from common.text import fold_words

MAX_CANDIDATES = 6


@dataclass(frozen=True)
class Suggestion:
    q: str  # the whole query with the word replaced
    label: str  # what replaces it: a vocabulary name in the reader's language, or an entry's name


def replacements(word, language, limit=MAX_CANDIDATES):
    """[label] that `word` may have meant, most similar first; a vocabulary term before a name that is as
    similar, each concept and name once."""
    vocabulary, names = vocabulary_terms(), entry_names()
    ranked = []
    for term, score in similar(word, list(vocabulary.all_terms()), limit * 4):
        ranked.extend((-score, 0, concept.label(language)) for concept in vocabulary.exact(term))
    for name_word, score in similar(word, list(names), limit * 4):
        ranked.extend((-score, 1, name) for name in names[name_word])
    labels = []
    for _score, _kind, label in sorted(ranked):
        if label not in labels:
            labels.append(label)
    return labels[:limit]


def candidates(understood, language):
    """[Suggestion] for the first word of `understood` (atlas.directory.search.query) that matches nothing,
    the rest of the query kept as typed."""
    unmatched = understood.unmatched
    if not unmatched:
        return []
    word = unmatched[0].text
    return [Suggestion(replaced(understood.query, word, label), label) for label in replacements(word, language)]


def replaced(query, word, label):
    """The query with the part that folds to `word` replaced by `label` ("Moschxy Staaken" → "Moschee Staaken")."""
    parts = query.split()
    for position, part in enumerate(parts):
        if fold_words(part) == word:
            return " ".join([*parts[:position], label, *parts[position + 1:]])
    # The word was part of a longer piece ("Moschxy-Staaken"): the folded query with the word replaced.
    return " ".join(label if folded == word else folded for folded in fold_words(query).split())
