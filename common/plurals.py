"""Plural forms for the scripts: which translation ngettext chooses for a count, sent to the page once.

The scripts hold no plural rules. For a text with a count (`"%(count)s Einträge"`) the server sends the
distinct translations and, for every count from 0 to 199, the index of the one gettext chose in the
reader's language; static/atlas/js/shared/plurals.js picks from them. The caller passes a function
that calls ngettext with the literal texts, so makemessages finds them:

    plural_table(lambda n: ngettext("%(count)s Eintrag", "%(count)s Einträge", n))
 The plural rules of our
languages (and of gettext's catalogues in general) look only at n, n % 10 and n % 100, so a count
from 200 on chooses like 100 + n % 100.
"""

SAMPLED_COUNTS = 200


def plural_table(translate):
    """{"forms": [translation, …], "index": "0111…"}: index[n] (one digit) names the form that
    translate(n), an ngettext call, gives for count n."""
    forms = []
    index = []
    for count in range(SAMPLED_COUNTS):
        text = translate(count)
        if text not in forms:
            forms.append(text)
        index.append(str(forms.index(text)))
    return {"forms": forms, "index": "".join(index)}
