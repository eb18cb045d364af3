""""Did you mean …" when a search finds nothing: the candidates of atlas.directory.search.suggestions that
find at least one published entry with the same other filters (place, radius, categories, …).

Used by the API (``suggestions`` beside the features) and by /verzeichnis/; the map's directory panel
shows the API's (static/atlas/js/directory/search-suggestions.js).
"""

from atlas.directory.search.suggestions import candidates

MAX_SUGGESTIONS = 3


def suggestions(selections, language, limit=MAX_SUGGESTIONS):
    """[{"q": the whole query to search instead, "label": the suggested term or name}] for the query of
    `selections` (atlas.directory.queries.Selection of organisations and/or meeting places, the same
    query), each finding something in one of them with the same other filters. [] without a query or when
    every word of it matches something (then the filters together exclude everything)."""
    understood = selections[0].search
    if understood is None:
        return []
    found = []
    for candidate in candidates(understood, language):
        if any(selection.with_query(candidate.q).exists() for selection in selections):
            found.append({"q": candidate.q, "label": candidate.label})
            if len(found) == limit:
                break
    return found
