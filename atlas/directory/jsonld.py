"""schema.org JSON-LD of a directory entry, with only what the public may see."""

from atlas.directory.opening_hours import schema_org_specification
from atlas.directory.translations import localized_texts
from atlas.directory.visibility import is_organisation, public_address, public_contact, public_point


def entry_jsonld(entry, permalink, texts=None):
    """`texts`: the descriptions as the page shows them (atlas.directory.translations.localized_texts);
    by default in the active UI language with fallback to German."""
    texts = texts or localized_texts(entry)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization" if is_organisation(entry) else "Place",
        "name": entry.name,
        "url": permalink,
    }
    description = texts["short_description"] or texts["description"]
    if description:
        data["description"] = description.text
    address = public_address(entry)
    if address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": address["street"],
            "postalCode": address["postcode"],
            "addressLocality": "Berlin",
            "addressRegion": "Berlin",
            "addressCountry": "DE",
        }
    contact = public_contact(entry)
    if contact.get("email"):
        data["email"] = contact["email"]
    if contact.get("phone"):
        data["telephone"] = contact["phone"]
    if contact.get("website"):
        data["sameAs"] = contact["website"]
    point = public_point(entry)
    geo = {"@type": "GeoCoordinates", "latitude": round(point.y, 6), "longitude": round(point.x, 6)} if point else None
    hours = schema_org_specification(entry.opening_hours)
    if is_organisation(entry):
        languages = [language.code for language in entry.languages.all()]
        if languages:
            data["knowsLanguage"] = languages
        if geo or hours:
            # Organization has no geo or opening hours of its own: they belong to its place.
            place = {"@type": "Place"}
            if address:
                place["address"] = data["address"]
            if geo:
                place["geo"] = geo
            if hours:
                place["openingHoursSpecification"] = hours
            data["location"] = place
    else:
        if geo:
            data["geo"] = geo
        if hours:
            data["openingHoursSpecification"] = hours
    return data
