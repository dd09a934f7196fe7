"""CSV / spreadsheet import and export of vendors (django-import-export).

A file is all or nothing: any row with an unknown slug, a bad country code or an invalid
value is reported with its row number and reason, and no row of that file is saved.
"""

from __future__ import annotations

import reversion
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django_countries import countries
from import_export import fields, resources, widgets

from .models import Certification, Dimension, Industry, Language, Service, ServiceCategory, Vendor

SEPARATOR = ","


class StrictSlugsWidget(widgets.ManyToManyWidget):
    """Comma-separated slugs; an unknown slug is an error, never silently dropped."""

    def __init__(self, model, queryset=None):
        super().__init__(model, separator=SEPARATOR, field="slug")
        self.queryset = queryset if queryset is not None else model.objects.all()

    def clean(self, value, row=None, **kwargs):
        if not value:
            return self.queryset.none()
        slugs = [s.strip() for s in str(value).split(self.separator) if s.strip()]
        found = {obj.slug: obj for obj in self.queryset.filter(slug__in=slugs)}
        unknown = [s for s in slugs if s not in found]
        if unknown:
            raise ValueError(_("unknown slug(s): %(slugs)s") % {"slugs": ", ".join(unknown)})
        return [found[s] for s in slugs]

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return SEPARATOR.join(sorted(item.slug for item in value.all()))


class CountryCodesWidget(widgets.Widget):
    """Comma-separated ISO 3166-1 alpha-2 codes (``ID,MY``)."""

    def clean(self, value, row=None, **kwargs):
        if not value:
            return []
        codes = [c.strip().upper() for c in str(value).split(SEPARATOR) if c.strip()]
        bad = [c for c in codes if c not in countries]
        if bad:
            raise ValueError(_("unknown country code(s): %(codes)s") % {"codes": ", ".join(bad)})
        return codes

    def render(self, value, obj=None, **kwargs):
        return SEPARATOR.join(c.code for c in value) if value else ""


class CountryCodeWidget(CountryCodesWidget):
    def clean(self, value, row=None, **kwargs):
        codes = super().clean(value, row, **kwargs)
        if len(codes) > 1:
            raise ValueError(_("give one country code"))
        return codes[0] if codes else ""

    def render(self, value, obj=None, **kwargs):
        return value.code if value else ""


def _m2m(attribute: str, model, queryset=None) -> fields.Field:
    return fields.Field(
        attribute=attribute, column_name=attribute, widget=StrictSlugsWidget(model, queryset)
    )


class VendorResource(resources.ModelResource):
    headquarters_country = fields.Field(
        attribute="headquarters_country",
        column_name="headquarters_country",
        widget=CountryCodeWidget(),
    )
    delivery_countries = fields.Field(
        attribute="delivery_countries",
        column_name="delivery_countries",
        widget=CountryCodesWidget(),
    )
    services = _m2m("services", Service)
    industries = _m2m("industries", Industry)
    work_systems = _m2m(
        "work_systems",
        ServiceCategory,
        ServiceCategory.objects.filter(dimension=Dimension.WORK_SYSTEM),
    )
    customizations = _m2m(
        "customizations",
        ServiceCategory,
        ServiceCategory.objects.filter(dimension=Dimension.CUSTOMIZATION),
    )
    data_locations = fields.Field(
        attribute="data_locations",
        column_name="data_locations",
        widget=CountryCodesWidget(),
    )
    certifications = _m2m("certifications", Certification)
    languages = _m2m("languages", Language)

    class Meta:
        model = Vendor
        import_id_fields = ("slug",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        fields = (
            "slug",
            "name",
            "short_description",
            "long_description",
            "website",
            "headquarters_country",
            "delivery_countries",
            "delivery_countries_verified",
            "services",
            "industries",
            "industries_verified",
            "work_systems",
            "work_systems_verified",
            "customizations",
            "customizations_verified",
            "certifications",
            "certifications_verified",
            "languages",
            "languages_verified",
            "coverage",
            "size_band",
            "founded_year",
            "price_min_idr",
            "price_max_idr",
            "min_contract_months",
            "legal_entity",
            "nib",
            "kbli_codes",
            "pse_registered",
            "data_locations",
            "data_locations_verified",
            "bpjs_compliant",
            "pricing_models",
            "is_active",
            "last_verified_at",
            "verification_source",
        )
        export_order = fields

    def __init__(self, *, file_name: str = "", user=None, **kwargs):
        super().__init__(**kwargs)
        self.file_name = file_name
        self.user = user

    def import_row(self, row, instance_loader, **kwargs):
        """Each row is its own revision in the vendor's history: the file and the row."""
        with reversion.create_revision():
            # The spreadsheet's row: the header is row 1.
            reversion.set_comment(
                f"Import: {self.file_name or 'file'}, row {kwargs.get('row_number', 0) + 1}"
            )
            if self.user is not None and self.user.is_authenticated:
                reversion.set_user(self.user)
            return super().import_row(row, instance_loader, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        """Validate the many-to-many columns with the others, so every bad field of a row
        is reported together as a validation error (the library saves them later)."""
        errors: dict[str, ValidationError] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors.update(exc.error_dict)
        for field in self.get_import_fields():
            if not isinstance(field.widget, widgets.ManyToManyWidget):
                continue
            if field.column_name not in row:
                continue
            try:
                field.clean(row, **kwargs)
            except ValueError as exc:
                errors[field.attribute] = [ValidationError(str(exc), code="invalid")]
        if "services" in row and not (row.get("services") or "").strip():
            errors["services"] = [ValidationError(_("at least one service slug is required"))]
        if errors:
            raise ValidationError(errors)
