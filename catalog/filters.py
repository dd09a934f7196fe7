"""The public catalog's filters: every filter lives in the query string so a list can be shared."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .facets import facets
from .models import (
    Certification,
    Coverage,
    Dimension,
    Industry,
    Language,
    Service,
    ServiceCategory,
    Vendor,
)
from .widgets import QuickSelect


class SlugChoice(django_filters.ModelChoiceFilter):
    """A reference-data filter addressed by slug in the URL (``?service=payroll``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("empty_label", _("Any"))
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)


class UnknownLastOrdering(django_filters.OrderingFilter):
    """Vendors whose sort value is unknown (NULL) come last in either direction, on every
    database (PostgreSQL would put them first when descending)."""

    def get_ordering_value(self, param):
        descending = param.startswith("-")
        field = self.param_map[param[1:] if descending else param]
        expression = F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True)
        return expression

    def filter(self, qs, value):
        if value in ([], (), {}, "", None):
            return qs
        return qs.order_by(*[self.get_ordering_value(p) for p in value], "name", "pk")


class VendorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    service = SlugChoice(label=_("Service"), field_name="services", queryset=Service.objects.all())
    function = SlugChoice(
        label=_("Function"),
        field_name="services__function",
        queryset=ServiceCategory.objects.filter(dimension=Dimension.FUNCTION),
        method="filter_function",
    )
    industry = SlugChoice(
        label=_("Industry"), field_name="industries", queryset=Industry.objects.all()
    )
    country = django_filters.ChoiceFilter(
        label=_("Delivers from"),
        choices=lambda: list(countries),
        method="filter_country",
        empty_label=_("Any"),
        widget=QuickSelect,
    )
    certification = SlugChoice(
        label=_("Certification"), field_name="certifications", queryset=Certification.objects.all()
    )
    language = SlugChoice(
        label=_("Working language"), field_name="languages", queryset=Language.objects.all()
    )
    coverage = django_filters.ChoiceFilter(
        label=_("Coverage hours"),
        choices=Coverage.choices,
        empty_label=_("Any"),
        widget=QuickSelect,
    )
    sort = UnknownLastOrdering(
        label=_("Sort by"),
        fields=(("name", "name"), ("founded_year", "founded"), ("price_min_idr", "price")),
        field_labels={
            "name": _("Name (A–Z)"),
            "-name": _("Name (Z–A)"),
            "founded": _("Founded (oldest first)"),
            "-founded": _("Founded (newest first)"),
            "price": _("Price (lowest first)"),
            "-price": _("Price (highest first)"),
        },
        empty_label=None,
    )

    class Meta:
        model = Vendor
        fields: list[str] = []

    def __init__(self, *args, include_synthetic: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what occurs among the listed vendors is offered (kept per catalog version).
        present = facets(include_synthetic=include_synthetic)
        for name, attribute in (
            ("service", "services"),
            ("function", "functions"),
            ("industry", "industries"),
            ("certification", "certifications"),
            ("language", "languages"),
        ):
            chooser = self.filters[name]
            chooser.queryset = chooser.queryset.filter(slug__in=present[attribute])
            chooser.field.label_from_instance = lambda obj: obj.name
        self.filters["country"].extra["choices"] = sorted(
            ((code, str(name)) for code, name in countries if code in present["countries"]),
            key=lambda choice: choice[1],
        )
        self.filters["coverage"].extra["choices"] = [
            (code, label) for code, label in Coverage.choices if code in present["coverage"]
        ]
        self.filters["sort"].extra["widget"] = QuickSelect
        self.filters["q"].extra["widget"] = forms.TextInput(attrs={"class": "form-control"})

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(short_description__icontains=value)
            | Q(long_description__icontains=value)
        )

    def filter_function(self, queryset: QuerySet, name: str, value: ServiceCategory) -> QuerySet:
        # A parent function (KPO) also matches its children (LPO, RPO).
        functions = [value.pk, *value.children.values_list("pk", flat=True)]
        ids = Vendor.objects.filter(services__function__in=functions).values("pk")
        return queryset.filter(pk__in=ids)

    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Codes are stored comma-separated; two-letter codes cannot match across a comma.
        return queryset.filter(delivery_countries__contains=value)
