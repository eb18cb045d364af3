from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "atlas.directory"
    label = "atlas_directory"
    verbose_name = _("Verzeichnis")

    def ready(self):
        # Imported here, not at the top: receivers need the models, which load after the app configs.
        from atlas.directory import signals  # noqa: F401  (connects the receivers on import)
