"""Search that understands: typo-tolerant, in the six UI languages, with "did you mean".

* query.py — how a query is read (vocabulary terms, typos) and the condition it puts on the entries;
* vocabulary.py, synonyms.py — the vocabularies as terms in every UI language, curated synonyms;
* lexicon.py — the words and names of the published directory; index.py keeps both per data version;
* fuzzy.py — string distance (rapidfuzz), the same on SpatiaLite and PostGIS;
* suggestions.py — "did you mean" candidates (atlas.directory.suggestions keeps those that find something).
"""
