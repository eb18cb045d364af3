"""Typo tolerance and "did you mean" by string distance, with rapidfuzz, the same on every database.

A word is compared with the words of the directory (atlas.directory.search.lexicon) and the terms of its
vocabularies (atlas.directory.search.vocabulary) — a few thousand words, in memory:

* a *typo* is what Elasticsearch's AUTO fuzziness allows, counted as optimal string alignment (a swap of
  two neighbouring letters is one edit): none below four letters or in a word with digits, one edit up to
  five letters, two from six ("Beratnug" → "beratung", "Moshee" → "moschee"); only the nearest words count;
* a *suggestion* needs less: a normalised Indel similarity (rapidfuzz.fuzz.ratio) of at least
  SUGGESTION_SCORE per cent.
"""

from collections import defaultdict

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

MIN_FUZZY_LENGTH = 4
LONG_WORD = 6  # from this length two edits
SUGGESTION_SCORE = 60


def allowed_edits(word):
    if len(word) < MIN_FUZZY_LENGTH or any(character.isdigit() for character in word):
        return 0
    return 1 if len(word) < LONG_WORD else 2


def by_length(words):
    """{length: sorted words}: a word is only compared with words that could be within reach."""
    grouped = defaultdict(list)
    for word in words:
        grouped[len(word)].append(word)
    return {length: sorted(group) for length, group in grouped.items()}


def closest(word, words_by_length, max_edits):
    """(edits, [words]) of the words nearest to `word` within `max_edits` edits; (None, []) if none."""
    best, found = None, []
    for length in range(len(word) - max_edits, len(word) + max_edits + 1):
        for choice, edits, _index in process.extract(word, words_by_length.get(length, ()), scorer=OSA.distance,
                                                     score_cutoff=max_edits, limit=None):
            if best is None or edits < best:
                best, found = edits, [choice]
            elif edits == best:
                found.append(choice)
    return best, sorted(found)


def similar(word, choices, limit):
    """[(choice, score)] of the choices most similar to `word` scoring at least SUGGESTION_SCORE, best
    first (ties in the order of `choices`)."""
    matches = process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=SUGGESTION_SCORE, limit=None)
    ranked = sorted(matches, key=lambda match: (-match[1], match[2]))
    return [(choice, score) for choice, score, _index in ranked[:limit]]
