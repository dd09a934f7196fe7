"""URLs: the API is language-neutral; pages carry a language prefix (/id/, /en/)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from assessment import reference

from .health import health

admin.site.site_header = _("BPO Advisor administration")
admin.site.site_title = _("BPO Advisor")
admin.site.index_title = _("Catalog curation")


def favicon(request):
    """Browsers ask for /favicon.ico on pages that do not link one (the admin)."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


urlpatterns = [
    path("favicon.ico", favicon),
    path("health/", health, name="health"),
    path("api/docs/", reference.docs_redirect),
    path("api/", include("assessment.api_urls")),
    path("api/", include("catalog.api_urls")),
]

urlpatterns += i18n_patterns(
    path("", TemplateView.as_view(template_name="home.html"), name="home"),
    path("catalog/", include("catalog.urls")),
    path("assess/", include("assessment.urls")),
    path("admin/", admin.site.urls),
    path("api/docs/", reference.docs, name="api-docs"),
    prefix_default_language=True,
)
