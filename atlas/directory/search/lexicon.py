"""The words of the published directory: whether a word occurs, what a word found nowhere may be a typo
of, and the names to suggest.

The words are those of the folded search texts (atlas/directory/models/search_text.py: names,
descriptions in every language, addresses, linked vocabulary) of the published organisations and meeting
places, read in one query each; words with digits (house numbers, postcodes) are no typo candidates.
"""

from collections import defaultdict
from dataclasses import dataclass

from atlas.directory.models import MeetingPlace, Organisation
from atlas.directory.search.fuzzy import MIN_FUZZY_LENGTH, by_length, closest
from common.text import fold_words


def occurs(word):
    """Whether `word` occurs in the search text of a published entry, as the search looks for it (asked of
    the database: always up to date; on PostGIS a trigram index answers it, migration 0012)."""
    return any(model.objects.published().filter(search_text__contains=word).exists()
               for model in (Organisation, MeetingPlace))


@dataclass(frozen=True)
class Lexicon:
    words_by_length: dict  # {length: [folded words]} of the words that may be typo candidates

    def closest(self, word, max_edits):
        return closest(word, self.words_by_length, max_edits)


def build_lexicon():
    texts = [text for model in (Organisation, MeetingPlace)
             for text in model.objects.published().values_list("search_text", flat=True)]
    words = set(" ".join(texts).split())
    return Lexicon(by_length(word for word in words
                             if len(word) >= MIN_FUZZY_LENGTH and not any(c.isdigit() for c in word)))


def build_entry_names():
    """{folded word of a name: [names of published entries]}, for suggestions."""
    names = defaultdict(set)
    for model in (Organisation, MeetingPlace):
        for name in model.objects.published().values_list("name", flat=True):
            for word in fold_words(name).split():
                if len(word) >= MIN_FUZZY_LENGTH:
                    names[word].add(name)
    return {word: sorted(found) for word, found in sorted(names.items())}
