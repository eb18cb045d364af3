"""The import in the admin: upload → preview (nothing written) → "Import bestätigen" → result, and
beside it the help page of the file format with its templates (CSV and XLSX) to download.

The uploaded file is kept between the steps in the session (base64, at most MAX_FILE_SIZE), under a
random token, so two imports in two tabs do not mix. Only users with the add permission on the model
may import; the file's Status column and changes to existing entries need the change permission.
"""

import base64
import secrets
import time

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from atlas.directory.exporting.views import FILE_STEMS, file_response
from atlas.directory.importing import help as format_help
from atlas.directory.importing import template_files
from atlas.directory.importing.service import MAX_FILE_SIZE, run_import

SESSION_KEY = "atlas_import_uploads"
MAX_KEPT_UPLOADS = 3
UPLOAD_LIFETIME_S = 3600


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Datei (CSV oder Excel .xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("Die Datei ist %(size)s MB groß; höchstens %(limit)d MB sind möglich. Bitte in mehrere Dateien "
                  "aufteilen.") % {"size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ","),
                                   "limit": MAX_FILE_SIZE // 1024 // 1024})
        return upload


class ImportAdminMixin:
    """For a ModelAdmin of Organisation (import_kind "organisations") or MeetingPlace ("meeting-places")."""

    import_kind = "organisations"

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name=f"{prefix}_import"),
            path("import/confirm/", self.admin_site.admin_view(self.import_confirm_view),
                 name=f"{prefix}_import_confirm"),
            path("import/format/", self.admin_site.admin_view(self.import_help_view), name=f"{prefix}_import_help"),
            path("import/vorlage.<str:file_format>", self.admin_site.admin_view(self.import_template_view),
                 name=f"{prefix}_import_template"),
            *super().get_urls(),
        ]

    def _import_context(self, request, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("%(models)s importieren") % {"models": self.opts.verbose_name_plural},
            "changelist_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"),
            "import_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import"),
            "confirm_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import_confirm"),
            "help_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import_help"),
            "placing_url": reverse("atlas:placing"),
            "max_size_mb": MAX_FILE_SIZE // 1024 // 1024,
            "can_set_status": self.has_change_permission(request),
            **extra,
        }

    def _run(self, request, data, filename, dry_run):
        can_change = self.has_change_permission(request)
        return run_import(data, filename, kind=self.import_kind, dry_run=dry_run, can_set_status=can_change,
                          can_update=can_change)

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            report = self._run(request, data, upload.name, dry_run=True)
            token = self._keep_upload(request, upload.name, data) if not report.has_errors else ""
            return TemplateResponse(request, "admin/atlas/import_preview.html",
                                    self._import_context(request, report=report, token=token))
        return TemplateResponse(request, "admin/atlas/import_form.html", self._import_context(request, form=form))

    def import_confirm_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return redirect(self._import_context(request)["import_url"])
        upload = self._take_upload(request, request.POST.get("token", ""))
        if upload is None:
            messages.error(request, _("Die hochgeladene Datei ist nicht mehr vorhanden (abgelaufen oder schon "
                                      "importiert). Bitte erneut hochladen."))
            return redirect(self._import_context(request)["import_url"])
        name, data = upload
        report = self._run(request, data, name, dry_run=False)
        if not report.committed:
            messages.error(request, report.summary())
            return TemplateResponse(request, "admin/atlas/import_preview.html",
                                    self._import_context(request, report=report, token=""))
        messages.success(request, report.summary())
        flagged = report.counts["warning"]
        if flagged:
            messages.warning(request, ngettext(
                "%(count)d Zeile hatte Warnungen – bitte die Meldungen der Vorschau, mögliche Doppelungen und die Lage "
                "prüfen.",
                "%(count)d Zeilen hatten Warnungen – bitte die Meldungen der Vorschau, mögliche Doppelungen und die "
                "Lage prüfen.", flagged) % {"count": flagged})
        if report.to_place:
            # After the import: straight to the entries whose point is only approximate or missing.
            count = len(report.to_place)
            messages.info(request, ngettext(
                "%(count)d Eintrag dieses Imports hat keinen genauen Punkt. Bitte setzen Sie ihn hier auf der Karte.",
                "%(count)d Einträge dieses Imports haben keinen genauen Punkt. Bitte setzen Sie ihn hier auf der "
                "Karte.", count) % {"count": count})
            return redirect(self._import_context(request)["placing_url"])
        return redirect(self._import_context(request)["changelist_url"])

    def import_help_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_import_template"
        return TemplateResponse(request, "admin/atlas/import_help.html", self._import_context(
            request, title=_("Dateiformat für den Import: %(models)s") % {"models": self.opts.verbose_name_plural},
            columns=format_help.columns(self.import_kind),
            value_tables=format_help.value_tables(self.import_kind),
            kind=self.import_kind, template_csv_url=reverse(name, args=["csv"]),
            template_xlsx_url=reverse(name, args=["xlsx"])))

    def import_template_view(self, request, file_format):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if file_format == "csv":
            content = template_files.template_csv(self.import_kind)
        elif file_format == "xlsx":
            content = template_files.template_xlsx(self.import_kind)
        else:
            raise Http404
        return file_response(content, file_format, f"{FILE_STEMS[self.import_kind]}-vorlage")

    # --- the file between the steps --------------------------------------------------------------

    def _keep_upload(self, request, name, data):
        uploads = {token: item for token, item in request.session.get(SESSION_KEY, {}).items()
                   if item.get("time", 0) > time.time() - UPLOAD_LIFETIME_S}
        for token in sorted(uploads, key=lambda t: uploads[t]["time"])[:-MAX_KEPT_UPLOADS + 1 or None]:
            uploads.pop(token)
        token = secrets.token_urlsafe(16)
        uploads[token] = {"name": name, "model": self.opts.label_lower, "time": time.time(),
                          "data": base64.b64encode(data).decode("ascii")}
        request.session[SESSION_KEY] = uploads
        return token

    def _take_upload(self, request, token):
        uploads = request.session.get(SESSION_KEY, {})
        item = uploads.get(token)
        if (item is None or item.get("model") != self.opts.label_lower
                or item.get("time", 0) < time.time() - UPLOAD_LIFETIME_S):
            return None
        uploads.pop(token)
        request.session[SESSION_KEY] = uploads
        return item["name"], base64.b64decode(item["data"])
