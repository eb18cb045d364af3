"""The search's picture of the directory, kept per process and data version (atlas.directory.cache):

* the vocabulary terms (atlas.directory.search.vocabulary), needed by every query and cheap to build:
  at most FACTS_TIMEOUT seconds old, as the directory's other cached facts;
* the words of the published entries (atlas.directory.search.lexicon), needed only for a word found
  nowhere (a typo) and reading every search text, and the entries' names (for suggestions): at most
  LEXICON_TIMEOUT seconds old.
  Whether a word occurs is always asked of the database (lexicon.occurs), so an out-of-date list of
  words — after a change that bypassed the signals — costs at most a typo correction, never a hit.
"""

import time

from atlas.directory.cache import FACTS_TIMEOUT, data_version
from atlas.directory.search.lexicon import build_entry_names, build_lexicon
from atlas.directory.search.vocabulary import VocabularyTerms, load_concepts

LEXICON_TIMEOUT = 600  # seconds

_kept = {}  # name → (data version, time.monotonic() when built, value)


def _current(name, build, timeout):
    version = data_version()  # None while the cache is unreachable: then the age alone decides
    kept = _kept.get(name)
    if kept is not None and kept[0] == version and time.monotonic() - kept[1] < timeout:
        return kept[2]
    value = build()
    _kept[name] = (version, time.monotonic(), value)
    return value


def vocabulary_terms():
    return _current("vocabulary", lambda: VocabularyTerms(load_concepts()), FACTS_TIMEOUT)


def lexicon():
    return _current("lexicon", build_lexicon, LEXICON_TIMEOUT)


def entry_names():
    return _current("names", build_entry_names, LEXICON_TIMEOUT)
