"""The public catalog's filters: every filter lives in the query string so a list can be shared."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import F, Q, QuerySet
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .facets import LEGAL_FACTS, LEGAL_FILTERS, facets, legal_matches
from .models import (
    Certification,
    Coverage,
    Dimension,
    FactCheck,
    Industry,
    Language,
    Service,
    ServiceCategory,
    Vendor,
)
from .presenters import PRICING_LABELS
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


class Offered(BaseChoiceIterator):
    """A menu's choices: "Any", then the values that occur among the listed vendors.
    Worked out on first use, then kept (widgets read their choices more than once)."""

    def __init__(self, owner: VendorFilter, field, attribute: str):
        self.owner, self.field, self.attribute = owner, field, attribute
        self._choices: list[tuple[str, str]] | None = None

    def __iter__(self):
        if self._choices is None:
            offered = list(self._offered())
            # Ticked boxes need no "Any": none ticked is any.
            self._choices = (
                offered if self.attribute == "legal" else [("", str(_("Any"))), *offered]
            )
        return iter(self._choices)

    def _offered(self):
        present = self.owner.present()[self.attribute]
        if self.attribute == "countries":
            named = ((code, str(name)) for code, name in countries if code in present)
            return sorted(named, key=lambda choice: choice[1])
        if self.attribute == "pricing":
            return [(code, str(label)) for code, label in PRICING_LABELS.items() if code in present]
        if self.attribute == "legal":
            return [(code, str(label)) for code, label in LEGAL_FILTERS.items() if code in present]
        if self.attribute == "coverage":
            return [(code, label) for code, label in Coverage.choices if code in present]
        return [(item.slug, item.name) for item in self.field.queryset.filter(slug__in=present)]


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
        label=_("Certification"),
        field_name="certifications",
        queryset=Certification.objects.all(),
        method="filter_certification",
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
    pricing = django_filters.ChoiceFilter(
        label=_("Pricing model"),
        choices=list(PRICING_LABELS.items()),
        method="filter_pricing",
        empty_label=_("Any"),
        widget=QuickSelect,
    )
    legal = django_filters.MultipleChoiceFilter(
        label=_("Indonesian legal facts"),
        choices=list(LEGAL_FILTERS.items()),
        method="filter_legal",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
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
        self.include_synthetic = include_synthetic
        for name in ("service", "function", "industry", "certification", "language"):
            self.filters[name].field.label_from_instance = lambda obj: obj.name
        self.filters["sort"].extra["widget"] = QuickSelect
        self.filters["q"].extra["widget"] = forms.TextInput(attrs={"class": "form-control"})

    def present(self) -> dict[str, frozenset[str]]:
        if not hasattr(self, "_present"):
            self._present = facets(include_synthetic=self.include_synthetic)
        return self._present

    @property
    def form(self):
        """Every known code is accepted (a shared link, the API); the menus offer only what
        occurs among the listed vendors, worked out when a menu is drawn (once per catalog
        version): validating a query costs nothing more."""
        if not hasattr(self, "_form"):
            form = super().form
            for name, attribute in (
                ("service", "services"),
                ("function", "functions"),
                ("industry", "industries"),
                ("certification", "certifications"),
                ("language", "languages"),
            ):
                form.fields[name].widget.choices = Offered(self, form.fields[name], attribute)
            form.fields["country"].widget.choices = Offered(self, None, "countries")
            form.fields["pricing"].widget.choices = Offered(self, None, "pricing")
            form.fields["legal"].widget.choices = Offered(self, None, "legal")
            form.fields["coverage"].widget.choices = Offered(self, None, "coverage")
        return self._form

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

    def filter_certification(self, queryset, name, value):
        """Vendors listing the certification, less those whose every certificate for it
        has expired (the advisor counts it unknown from the day after expiry)."""
        if not value:
            return queryset
        from django.db.models import Count, Q
        from django.utils import timezone

        from .models import CertificationEvidence

        current = Q(expires_on__isnull=True) | Q(expires_on__gte=timezone.localdate())
        lapsed = (
            CertificationEvidence.objects.filter(certification=value)
            .values("vendor_id")
            .annotate(current=Count("pk", filter=current))
            .filter(current=0)
            .values("vendor_id")
        )
        return queryset.filter(certifications=value).exclude(pk__in=lapsed)

    def filter_pricing(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Codes are stored comma-separated, and none is part of another.
        return queryset.filter(pricing_models__contains=value) if value else queryset

    def filter_legal(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        """Vendors stating every ticked fact, less those a curator marked stale."""
        for code in value or ():
            stale = FactCheck.objects.filter(fact__in=LEGAL_FACTS[code], stale=True)
            queryset = queryset.filter(legal_matches(code)).exclude(
                pk__in=stale.values("vendor_id")
            )
        return queryset

    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Codes are stored comma-separated; two-letter codes cannot match across a comma.
        return queryset.filter(delivery_countries__contains=value)
