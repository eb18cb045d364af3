"""normalize_query: the one function that knows how people write addresses (no database)."""

import pytest

from atlas.geocoding.normalize import fold, normalize_query


@pytest.mark.parametrize("variant", [
    "Carl-Schurz-Straße", "Carl-Schurz-Str.", "Carl-Schurz-Str", "carl schurz strasse", "CARL-SCHURZ-STRASSE",
    "Carl Schurz Str", "Carlschurzstraße", "carl-schurz-str.",
])
def test_fold_street_spellings(variant):
    assert fold(variant) == fold("Carl-Schurz-Straße")


@pytest.mark.parametrize("variant", [
    "Schönwalder Allee", "Schoenwalder Allee", "Schonwalder Allee", "schönwalder allee",
])
def test_fold_umlauts(variant):
    assert fold(variant) == fold("Schönwalder Allee")


def test_fold_keeps_different_streets_apart():
    assert fold("Carl-Schurz-Straße") != fold("Carl-Schurz-Weg")
    assert fold("Am Strand") != fold("Am Str")


@pytest.mark.parametrize(("text", "street", "number", "suffix", "postcode"), [
    ("Carl-Schurz-Str. 31, 13597 Berlin", "Carl-Schurz-Straße", 31, "", "13597"),
    ("carl schurz strasse 31", "Carl-Schurz-Straße", 31, "", ""),
    ("  Carl-Schurz-Str.31 ,, 13597   Berlin-Spandau ", "Carl-Schurz-Straße", 31, "", "13597"),
    ("Carl-Schurz-Straße 31 13597 Berlin", "Carl-Schurz-Straße", 31, "", "13597"),
    ("13597 Berlin, Carl-Schurz-Straße 31", "Carl-Schurz-Straße", 31, "", "13597"),
    ("Hakenfelder Str. 8c", "Hakenfelder Straße", 8, "C", ""),
    ("Hakenfelder Str. 8 C", "Hakenfelder Straße", 8, "C", ""),
    ("Niederneuendorfer Allee 6-9", "Niederneuendorfer Allee", 6, "", ""),
    ("Niederneuendorfer Allee 6 – 9", "Niederneuendorfer Allee", 6, "", ""),
    ("Straße 133 2, 14089 Berlin", "Straße 133", 2, "", "14089"),
    ("Breite Str 5 Spandau", "Breite Straße", 5, "", ""),
    ("Mauerstrasse 6, Berlin, Deutschland", "Mauerstraße", 6, "", ""),
])
def test_addresses(text, street, number, suffix, postcode):
    query = normalize_query(text)
    assert query.has_address
    assert (query.street_key, query.number, query.suffix, query.postcode) == (fold(street), number, suffix, postcode)


def test_locality_after_street_is_a_hint():
    assert normalize_query("Schoenwalder Allee 26, Hakenfelde").localities == ("Hakenfelde",)


def test_spellings_share_a_cache_key():
    keys = {normalize_query(t).cache_key for t in
            ["Carl-Schurz-Str. 31, 13597 Berlin", "carl schurz strasse 31, 13597", "CARL-SCHURZ-STRASSE 31 13597"]}
    assert len(keys) == 1


@pytest.mark.parametrize(("text", "name"), [
    ("Staaken", "Staaken"), ("Berlin-Staaken", "Staaken"), ("Falkenhagener Feld, Berlin", "Falkenhagener Feld"),
    ("Kita am Wald", "Kita am Wald"), ("Berliner Krisendienst Spandau", "Berliner Krisendienst Spandau"),
])
def test_names(text, name):
    query = normalize_query(text)
    assert not query.has_address
    assert query.name == name


@pytest.mark.parametrize("text", ["", "   ", ",,,", "Berlin", "13597"])
def test_empty(text):
    query = normalize_query(text)
    assert not query.has_address and not query.name_key
