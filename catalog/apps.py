from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "catalog"
    verbose_name = _("Vendor catalog")

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the catalog's write hooks
