"""The text each directory entry keeps for the search: the folded words (common.text) of its own fields
and of the names it is linked to (a seeded meeting place: also the names of its facility records),
refreshed on save and on changes of its links (atlas/directory/signals.py).
Queries are understood by atlas/directory/search/."""

from atlas.directory.translations import all_translated_texts
from common.text import fold_words


def build_search_text(entry):
    """The folded text of an entry: its own words (the descriptions in every language, see
    atlas.directory.translations) and the names of what it is linked to."""
    parts = [entry.name, entry.short_description, entry.description, entry.street, entry.postcode]
    parts.extend(all_translated_texts(getattr(entry, "translations", None)))
    if entry.ortsteil_id:
        parts.append(entry.ortsteil.name)
    if entry.pk:
        for relation in ("categories", "languages", "target_groups", "communities"):
            manager = getattr(entry, relation, None)
            if manager is not None:
                parts.extend(str(item) for item in manager.all())
        if hasattr(entry, "languages"):
            parts.extend(language.german_name for language in entry.languages.all())
        place_type = getattr(entry, "place_type", None)
        if place_type is not None:
            parts.append(place_type.name)
        # A seeded meeting place is found under every name its sources give it (atlas/directory/seeding.py).
        facilities = getattr(entry, "facilities", None)
        if facilities is not None:
            parts.extend(name for name in facilities.values_list("name", flat=True) if name != entry.name)
    return fold_words(" ".join(part for part in parts if part))
