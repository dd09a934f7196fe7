from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assessment"
    verbose_name = _("Needs analysis")

    def ready(self) -> None:
        from catalog import curation

        from .selectors import recent_unknowns

        # The curator's work queue ranks unknown facts by their weight in saved results.
        if recent_unknowns not in curation.IMPACT_SOURCES:
            curation.IMPACT_SOURCES.append(recent_unknowns)
