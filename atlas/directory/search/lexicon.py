"""The words of the published directory: what a query word may be a typo of, and the names to suggest.

Built from the folded search texts (atlas/directory/models/search_text.py: names, descriptions in every
language, addresses, linked vocabulary) of the published organisations and meeting places, in one query
each; words with digits (house numbers, postcodes) are left out of the typo candidates.
"""

from collections import defaultdict
from dataclasses import dataclass

from atlas.directory.models import MeetingPlace, Organisation
from atlas.directory.search.fuzzy import MIN_FUZZY_LENGTH, by_length, closest
from common.text import fold_words


@dataclass(frozen=True)
class Lexicon:
    words_by_length: dict  # {length: [folded words]} of the words that may be typo candidates
    text: str  # every word, one per line: "is this inside some word?" in one substring search
    names: dict  # {folded word of a name: [names]}, for suggestions

    def contains(self, word):
        """Whether `word` occurs inside some word of the published entries (as the search looks for it)."""
        return word in self.text

    def closest(self, word, max_edits):
        return closest(word, self.words_by_length, max_edits)


def build_lexicon():
    words, names = set(), defaultdict(set)
    for model in (Organisation, MeetingPlace):
        for search_text, name in model.objects.published().values_list("search_text", "name"):
            words.update(search_text.split())
            for word in fold_words(name).split():
                if len(word) >= MIN_FUZZY_LENGTH:
                    names[word].add(name)
    candidates = [word for word in words if len(word) >= MIN_FUZZY_LENGTH and not any(c.isdigit() for c in word)]
    return Lexicon(by_length(candidates), "\n".join(sorted(words)),
                   {word: sorted(found) for word, found in sorted(names.items())})
