"""The resources library: guides, templates, funding programmes, contacts, links and files.

Files are uploaded by coordinators to MEDIA_ROOT/resources/ and checked for type, content and size
(atlas/resources/validation.py); the public download goes through a view that sends them as an
attachment, never through the media URL.
"""

import os

from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from atlas.directory.models import Language, PublicationStatus
from atlas.events.models import Topic
from atlas.resources.validation import validate_resource_file
from common.text import fold_words


class ResourceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)


class Resource(models.Model):
    class Kind(models.TextChoices):
        GUIDE = "guide", _("Leitfaden")
        TEMPLATE = "template", _("Vorlage")
        FUNDING = "funding", _("Förderprogramm")
        CONTACT = "contact", _("Kontakt")
        LINK = "link", _("Link")
        FILE = "file", _("Datei")

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname"), max_length=120, unique=True)
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices, default=Kind.GUIDE)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300, blank=True)
    body = models.TextField(_("Text"), blank=True)
    topics = models.ManyToManyField(Topic, related_name="resources", blank=True, verbose_name=_("Themen"))
    languages = models.ManyToManyField(Language, related_name="resources", blank=True, verbose_name=_("Sprachen"))
    url = models.URLField(_("Link"), max_length=400, blank=True)
    file = models.FileField(
        _("Datei"), upload_to="resources/", blank=True, max_length=200, validators=[validate_resource_file],
        help_text=_("PDF, DOCX, XLSX, ODT, ODS, PNG, JPG oder TXT, höchstens 10 MB."),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT, db_index=True
    )
    is_sample = models.BooleanField(_("Beispieldatensatz"), default=False)
    # Folded words for umlaut-tolerant search (atlas/directory/search.py), refreshed on save and M2M changes.
    search_text = models.TextField(blank=True, editable=False)
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("geändert"), auto_now=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        app_label = "atlas"
        ordering = ["title"]
        verbose_name = _("Ressource")
        verbose_name_plural = _("Ressourcen")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("resources:resource-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.kind == self.Kind.LINK and not self.url:
            raise ValidationError({"url": _("Ein Link braucht eine Adresse (URL).")})
        if self.kind == self.Kind.FILE and not self.file:
            raise ValidationError({"file": _("Bitte eine Datei hochladen.")})

    @property
    def file_name(self):
        return os.path.basename(self.file.name) if self.file else ""

    def build_search_text(self):
        with translation.override("de"):
            parts = [self.title, self.summary, self.body, str(self.Kind(self.kind).label) if self.kind else ""]
        if self.pk:
            parts.extend(topic.name for topic in self.topics.all())
            parts.extend(f"{language.german_name} {language.native_name}" for language in self.languages.all())
        return fold_words(" ".join(part for part in parts if part))

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def refresh_search_text(self):
        self.search_text = self.build_search_text()
        type(self).objects.filter(pk=self.pk).update(search_text=self.search_text)


def _refresh_after_m2m(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Resource):
        instance.refresh_search_text()


for _relation in ("topics", "languages"):
    m2m_changed.connect(_refresh_after_m2m, sender=getattr(Resource, _relation).through,
                        dispatch_uid=f"resource-search-{_relation}")
