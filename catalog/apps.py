from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "catalog"
    verbose_name = _("Vendor catalog")

    def ready(self) -> None:
        import reversion

        from . import signals  # noqa: F401 - connects the catalog's write hooks
        from .models import CertificationEvidence, FactCheck, Vendor

        # Every change to a vendor, its relations (serialised with it), its evidence and its
        # fact checks is kept as a version: who, when, from which source (the comment).
        for model in (CertificationEvidence, FactCheck):
            if not reversion.is_registered(model):
                reversion.register(model)
        if not reversion.is_registered(Vendor):
            reversion.register(Vendor, follow=("evidence", "fact_checks"))
