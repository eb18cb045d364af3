"""The coordinates of a point set by hand: decimal point or comma, inside Spandau."""

from django import forms
from django.conf import settings
from django.contrib.gis.geos import Point
from django.utils.translation import gettext_lazy as _

from atlas.geocoding.areas import area_index


def _number(text):
    return float(str(text).strip().replace(" ", "").replace(",", "."))


class CoordinateField(forms.CharField):
    def __init__(self, *, low, high, **kwargs):
        self.low, self.high = low, high
        super().__init__(max_length=20, **kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"}

    def clean(self, value):
        text = super().clean(value)
        try:
            number = _number(text)
        except ValueError:
            raise forms.ValidationError(_("Bitte eine Zahl eingeben, z. B. 52,5361."), code="invalid") from None
        if not self.low <= number <= self.high:
            raise forms.ValidationError(_("Die Zahl muss zwischen %(low)s und %(high)s liegen."), code="range",
                                        params={"low": self.low, "high": self.high})
        return number


class PlaceForm(forms.Form):
    lat = CoordinateField(label=_("Breitengrad"), low=-90, high=90,
                          error_messages={"required": _("Bitte den Breitengrad angeben oder die Stecknadel setzen.")})
    lon = CoordinateField(label=_("Längengrad"), low=-180, high=180,
                          error_messages={"required": _("Bitte den Längengrad angeben oder die Stecknadel setzen.")})

    def clean(self):
        data = super().clean()
        if "lat" in data and "lon" in data:
            if area_index().locate(data["lon"], data["lat"])[0] is None:
                raise forms.ValidationError(_("Der Punkt liegt außerhalb von Spandau. Bitte die Stecknadel in "
                                              "Spandau setzen."), code="outside")
            data["point"] = Point(round(data["lon"], 6), round(data["lat"], 6), srid=settings.STORAGE_SRID)
        return data
