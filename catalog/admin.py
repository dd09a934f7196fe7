"""Catalog curation in Django admin."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin

from . import services
from .models import Certification, Industry, Language, Service, ServiceCategory, Vendor
from .resources import VendorResource


class BilingualAdmin(admin.ModelAdmin):
    list_display = ("slug", "name_id", "name_en")
    search_fields = ("slug", "name_id", "name_en")
    ordering = ("pk",)


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(BilingualAdmin):
    list_display = ("slug", "dimension", "family", "position", "name_id", "name_en", "parent")
    list_filter = ("dimension", "family")


@admin.register(Service)
class ServiceAdmin(BilingualAdmin):
    list_display = ("slug", "function", "name_id", "name_en")
    list_filter = ("function",)
    list_select_related = ("function",)


admin.site.register(Industry, BilingualAdmin)
admin.site.register(Certification, BilingualAdmin)
admin.site.register(Language, BilingualAdmin)


class VerifiedFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return (("yes", _("verified")), ("no", _("never verified")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(last_verified_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(last_verified_at__isnull=True)
        return queryset


@admin.register(Vendor)
class VendorAdmin(ImportExportModelAdmin):
    class Media:
        # Names the autocomplete widgets' search boxes after their field (axe-core: the
        # select2 boxes Django's admin draws have no label of their own).
        js = ("js/admin-labels.js",)

    resource_classes = [VendorResource]
    list_display = (
        "name",
        "slug",
        "coverage",
        "size_band",
        "is_active",
        "is_synthetic",
        "last_verified_at",
    )
    list_display_links = ("name",)
    list_filter = (
        "is_active",
        "is_synthetic",
        VerifiedFilter,
        "coverage",
        "size_band",
        "services__function",
        "certifications",
    )
    search_fields = ("name", "slug", "short_description")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = (
        "services",
        "industries",
        "work_systems",
        "customizations",
        "certifications",
        "languages",
    )
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_per_page = 50
    show_full_result_count = False
    actions = ("activate", "deactivate", "mark_verified")
    fieldsets = (
        (None, {"fields": ("name", "slug", "short_description", "long_description", "website")}),
        (
            _("Where it works from"),
            {
                "fields": (
                    "headquarters_country",
                    "delivery_countries",
                    "delivery_countries_verified",
                )
            },
        ),
        (
            _("What it offers"),
            {
                "description": _(
                    "Leave a “verified” box unticked while a list may be incomplete: the "
                    "advisor then treats the missing part as unknown, not as absent."
                ),
                "fields": (
                    "services",
                    ("industries", "industries_verified"),
                    ("work_systems", "work_systems_verified"),
                    ("customizations", "customizations_verified"),
                    ("certifications", "certifications_verified"),
                    ("languages", "languages_verified"),
                    "coverage",
                    "size_band",
                    "founded_year",
                ),
            },
        ),
        (
            _("Commercial terms"),
            {"fields": (("price_min_idr", "price_max_idr"), "min_contract_months")},
        ),
        (
            _("Status and verification"),
            {"fields": ("is_active", "is_synthetic", "last_verified_at", "verification_source")},
        ),
    )

    @admin.action(description=_("Activate selected vendors"), permissions=["change"])
    def activate(self, request, queryset):
        count = services.vendors_set_active(vendors=queryset, active=True)
        self.message_user(
            request,
            ngettext("%(n)d vendor activated.", "%(n)d vendors activated.", count) % {"n": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Deactivate selected vendors"), permissions=["change"])
    def deactivate(self, request, queryset):
        count = services.vendors_set_active(vendors=queryset, active=False)
        self.message_user(
            request,
            ngettext("%(n)d vendor deactivated.", "%(n)d vendors deactivated.", count)
            % {"n": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark selected vendors verified today"), permissions=["change"])
    def mark_verified(self, request, queryset):
        count = services.vendors_mark_verified(vendors=queryset)
        self.message_user(
            request,
            ngettext("%(n)d vendor marked verified.", "%(n)d vendors marked verified.", count)
            % {"n": count},
            messages.SUCCESS,
        )
