"""A search query as the directory understands it, and the condition it puts on the entries.

The folded query (common.text) is read left to right. The longest run of words that is a vocabulary term
in any UI language is one *token* standing for its concepts ("Menschen mit Behinderung", "مسجد"). Any
other word is a token of its own and is taken as typed when it occurs in the directory's words or is the
beginning of a term; otherwise it stands for the nearest words and terms within the typos allowed
(atlas.directory.search.fuzzy): "Beratnug" for "beratung". A word matching nothing stays as typed
(nothing is found: atlas.directory.search.suggestions offers what it may have meant).

Every token must match an entry (AND); a token matches an entry whose search text contains one of its
words, or one of its concepts' words, or that is linked to one of its concepts (field of activity,
target group, community, spoken language, kind of meeting place).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q

from atlas.directory.search.fuzzy import allowed_edits
from atlas.directory.search.index import lexicon, vocabulary_terms
from atlas.directory.search.lexicon import occurs
from atlas.directory.search.vocabulary import MAX_TERM_WORDS, shortest_covering
from common.queries import linked_to
from common.text import query_words

# vocabulary → (field of the entry, field of the vocabulary entry that holds the concept's key)
LINKS = {
    "category": ("categories", "key"),
    "target_group": ("target_groups", "key"),
    "community": ("communities", "key"),
    "language": ("languages", "code"),
    "place_type": ("place_type", "key"),
}


@dataclass(frozen=True)
class Token:
    text: str  # the folded word or words of the query it stands for
    words: tuple = ()  # folded words to look for in the search texts
    concepts: tuple = ()  # atlas.directory.search.vocabulary.Concept
    corrected: bool = False  # found by typo tolerance only
    matched: bool = True  # False: matches nothing anywhere

    def signature(self):
        return self.words, tuple(concept.id for concept in self.concepts)

    def condition(self, model):
        text_words = [*self.words, *(word for concept in self.concepts for word in concept.text_words)]
        condition = Q()
        for word in shortest_covering(text_words):
            condition |= Q(search_text__contains=word)
        keys = defaultdict(list)
        for concept in self.concepts:
            keys[concept.vocabulary].append(concept.key)
        for vocabulary, values in sorted(keys.items()):
            if vocabulary in LINKS:
                condition |= _linked(model, *LINKS[vocabulary], sorted(values))
        return condition


def _linked(model, field, key_field, keys):
    try:
        relation = model._meta.get_field(field)
    except FieldDoesNotExist:
        return Q(pk__in=[])
    if relation.many_to_many:
        return linked_to(model, field, keys, key_field)
    return Q(**{f"{field}__{key_field}__in": keys})


@dataclass(frozen=True)
class UnderstoodQuery:
    query: str
    tokens: tuple

    def signature(self):
        """What the query selects (for the keys of cached facts and statements): the same query may
        select differently after the directory changed."""
        return tuple(token.signature() for token in self.tokens)

    def condition(self, model):
        condition = Q()
        for token in self.tokens:
            condition &= token.condition(model)
        return condition

    @property
    def corrected(self):
        return any(token.corrected for token in self.tokens)

    @property
    def unmatched(self):
        return [token for token in self.tokens if not token.matched]


def understand(query):
    vocabulary = vocabulary_terms()
    words = query_words(query)
    tokens, start = [], 0
    while start < len(words):
        for end in range(min(len(words), start + MAX_TERM_WORDS), start + 1, -1):
            phrase = " ".join(words[start:end])
            concepts = vocabulary.exact(phrase)
            if concepts:
                tokens.append(Token(phrase, (phrase,), concepts))
                start = end
                break
        else:
            tokens.append(understand_word(words[start], vocabulary))
            start += 1
    return UnderstoodQuery(query, tuple(tokens))


def understand_word(word, vocabulary):
    concepts = vocabulary.exact(word) or vocabulary.starting_with(word)
    if concepts or occurs(word):
        return Token(word, (word,), concepts)
    max_edits = allowed_edits(word)
    if max_edits:
        word_edits, words = lexicon().closest(word, max_edits)
        term_edits, concepts = vocabulary.closest(word, max_edits)
        best = min(edits for edits in (word_edits, term_edits) if edits is not None) if words or concepts else None
        if best is not None:
            return Token(word, tuple(words) if word_edits == best else (),
                         concepts if term_edits == best else (), corrected=True)
    return Token(word, (word,), matched=False)
