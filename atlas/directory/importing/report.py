"""What an import found and did, row by row, for the preview page and the command's output."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

STATUS_LABELS = {
    "ok": gettext_lazy("ok"),
    "warning": gettext_lazy("Warnung"),
    "error": gettext_lazy("Fehler"),
}
ACTION_LABELS = {
    "create": gettext_lazy("neu"),
    "update": gettext_lazy("aktualisiert"),
    "": "",
}


@dataclass
class RowReport:
    line: int
    name: str = ""
    action: str = ""  # "create" or "update" (what happens / happened on confirm)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # information only: where the geocoder put the point, …

    @property
    def status(self):
        if self.errors:
            return "error"
        return "warning" if self.warnings else "ok"

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def action_label(self):
        return ACTION_LABELS[self.action] if not self.errors else ""

    @property
    def messages(self):
        return [*self.errors, *self.warnings, *self.notes]


@dataclass
class ImportReport:
    kind: str
    filename: str = ""
    dry_run: bool = True
    rows: list = field(default_factory=list)
    file_errors: list = field(default_factory=list)
    file_warnings: list = field(default_factory=list)
    committed: bool = False  # True once the rows are in the database
    # Once committed: the ids of the imported entries without a precise point (none, or only estimated),
    # to be placed by hand ("Lage genau setzen", atlas/directory/placing/).
    to_place: list = field(default_factory=list)
    file_format: str = ""
    encoding: str = ""
    delimiter: str = ""

    @property
    def has_errors(self):
        return bool(self.file_errors) or any(row.errors for row in self.rows)

    def count(self, status):
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self):
        valid = [row for row in self.rows if not row.errors]
        return {
            "rows": len(self.rows),
            "ok": self.count("ok"),
            "warning": self.count("warning"),
            "error": self.count("error"),
            "create": sum(1 for row in valid if row.action == "create"),
            "update": sum(1 for row in valid if row.action == "update"),
        }

    def summary(self):
        counts = self.counts
        if self.file_errors:
            return _("Die Datei kann nicht importiert werden: %(errors)s") % {"errors": " ".join(self.file_errors)}
        if self.has_errors:
            return _("%(error)d von %(rows)d Zeilen haben Fehler – es wurde nichts importiert. Bitte die Fehler in der "
                     "Datei beheben und sie erneut hochladen.") % counts
        if self.committed:
            return _("Import abgeschlossen: %(create)d neu angelegt, %(update)d aktualisiert, %(warning)d mit "
                     "Warnungen.") % counts
        return _("Vorschau: %(rows)d Zeilen, %(ok)d ok, %(warning)d mit Warnungen, keine Fehler. Beim Bestätigen "
                 "werden %(create)d Einträge neu angelegt und %(update)d aktualisiert.") % counts

    def as_text(self):
        """The report as plain text, one line per message (for the management command)."""
        lines = [_("Datei: %(file)s") % {"file": self.filename}]
        lines += [_("Fehler: %(message)s") % {"message": message} for message in self.file_errors]
        lines += [_("Warnung: %(message)s") % {"message": message} for message in self.file_warnings]
        for row in self.rows:
            head = _("Zeile %(line)d") % {"line": row.line}
            label = f"{head}: {row.status_label}"
            if row.action_label:
                label += f" ({row.action_label})"
            lines.append(f"{label} – {row.name or '—'}")
            lines += [f"    {_('Fehler')}: {message}" for message in row.errors]
            lines += [f"    {_('Warnung')}: {message}" for message in row.warnings]
            lines += [f"    {message}" for message in row.notes]
        lines.append(self.summary())
        return "\n".join(lines)
