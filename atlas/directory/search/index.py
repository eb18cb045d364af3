"""The search's picture of the directory (vocabulary terms and the words of the published entries), built
once per process and data version (atlas.directory.cache) and at most FACTS_TIMEOUT seconds old, as the
directory's other cached facts: a change that bypasses the signals is seen a minute later at the latest."""

import time
from dataclasses import dataclass

from atlas.directory.cache import FACTS_TIMEOUT, data_version
from atlas.directory.search.lexicon import Lexicon, build_lexicon
from atlas.directory.search.vocabulary import VocabularyTerms, load_concepts


@dataclass(frozen=True)
class SearchIndex:
    vocabulary: VocabularyTerms
    lexicon: Lexicon


_current = None  # (data version, time.monotonic() when built, SearchIndex)


def search_index():
    global _current
    version = data_version()  # None while the cache is unreachable: then the age alone decides
    current = _current
    if current is not None and current[0] == version and time.monotonic() - current[1] < FACTS_TIMEOUT:
        return current[2]
    index = SearchIndex(VocabularyTerms(load_concepts()), build_lexicon())
    _current = (version, time.monotonic(), index)
    return index
