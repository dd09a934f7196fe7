"""Vendors' own submissions: the public form, the facts it proposes, and their difference
against the current profile. Writes live in catalog/services.py (the one write path).

A fact's value is plain data: text, a whole number, a list of codes (slugs or country codes,
sorted) or, for the price, ``[from, to]``. "Unknown" is None or an empty list.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from bpo_advisor.rupiah import RupiahField

from . import evidence
from .models import (
    LIST_FACTS,
    Certification,
    Coverage,
    Dimension,
    Fact,
    Industry,
    Language,
    LegalEntity,
    Service,
    ServiceCategory,
    SizeBand,
    Vendor,
)
from .presenters import pricing_text

# Which model names the codes of each list fact.
CODES = {
    Fact.SERVICES: (Service, {}),
    Fact.INDUSTRIES: (Industry, {}),
    Fact.WORK_SYSTEMS: (ServiceCategory, {"dimension": Dimension.WORK_SYSTEM}),
    Fact.CUSTOMIZATIONS: (ServiceCategory, {"dimension": Dimension.CUSTOMIZATION}),
    Fact.CERTIFICATIONS: (Certification, {}),
    Fact.LANGUAGES: (Language, {}),
}
EVIDENCE_FORMS = 3
PRICE_CAP = 10**12  # Rp per FTE per month: far above any real price, below overflow


def current_facts(vendor: Vendor | None) -> dict[str, object]:
    """The vendor's facts as plain data (every fact, unknowns as None or [])."""
    if vendor is None:
        return {fact.value: ([] if fact in LIST_FACTS else None) for fact in Fact}
    facts: dict[str, object] = {
        Fact.NAME: vendor.name,
        Fact.SHORT_DESCRIPTION: vendor.short_description or None,
        Fact.LONG_DESCRIPTION: vendor.long_description or None,
        Fact.WEBSITE: vendor.website or None,
        Fact.HEADQUARTERS: str(vendor.headquarters_country) or None,
        Fact.DELIVERY_COUNTRIES: sorted(str(c) for c in vendor.delivery_countries),
        Fact.COVERAGE: vendor.coverage or None,
        Fact.SIZE_BAND: vendor.size_band or None,
        Fact.FOUNDED_YEAR: vendor.founded_year,
        Fact.PRICE: (
            None
            if vendor.price_min_idr is None and vendor.price_max_idr is None
            else [vendor.price_min_idr, vendor.price_max_idr]
        ),
        Fact.MIN_CONTRACT: vendor.min_contract_months,
        Fact.LEGAL_ENTITY: vendor.legal_entity or None,
        Fact.NIB: vendor.nib or None,
        Fact.KBLI: vendor.kbli_codes or None,
        Fact.PSE: vendor.pse_registered,
        Fact.DATA_LOCATIONS: sorted(str(c) for c in vendor.data_locations),
        Fact.BPJS: vendor.bpjs_compliant,
        Fact.PRICING_MODELS: sorted(c for c in vendor.pricing_models.split(",") if c),
    }
    for fact in CODES:
        facts[fact] = sorted(getattr(vendor, fact).values_list("slug", flat=True))
    return {str(k): v for k, v in facts.items()}


@dataclass(frozen=True)
class Difference:
    fact: str
    label: str
    current: str
    proposed: str


def display(fact: str, value) -> str:
    """A fact's value in words, in the active language."""
    if value in (None, [], ""):
        return str(_("unknown"))
    if fact in CODES:
        model, _filters = CODES[Fact(fact)]
        names = {o.slug: o.name for o in model.objects.filter(slug__in=value)}
        return ", ".join(names.get(slug, slug) for slug in value)
    if fact in (Fact.DELIVERY_COUNTRIES, Fact.DATA_LOCATIONS):
        return ", ".join(dict(countries).get(code, code) for code in value)
    if fact in (Fact.PSE, Fact.BPJS):
        return str(_("yes") if value else _("no"))
    if fact == Fact.LEGAL_ENTITY:
        return str(LegalEntity(value).label)
    if fact == Fact.PRICING_MODELS:
        return pricing_text(",".join(value)) or ""
    if fact == Fact.HEADQUARTERS:
        return str(dict(countries).get(value, value))
    if fact == Fact.COVERAGE:
        return str(Coverage(value).label)
    if fact == Fact.SIZE_BAND:
        return str(SizeBand(value).label)
    if fact == Fact.PRICE:
        low, high = value
        return " – ".join(f"Rp {n:,}".replace(",", ".") for n in (low, high) if n is not None)
    return str(value)


def differences(submission) -> list[Difference]:
    """Each proposed fact beside the current profile's, in the catalog's order."""
    now = current_facts(submission.vendor)
    return [
        Difference(fact.value, str(fact.label), display(fact, now.get(fact)), display(fact, value))
        for fact in Fact
        if (value := submission.proposed.get(fact.value)) is not None
    ]


def _codes(fact: Fact, label, *, required: bool = False) -> forms.MultipleChoiceField:
    model, filters = CODES[fact]
    return forms.MultipleChoiceField(
        label=label,
        required=required,
        choices=lambda: [(o.slug, o.name) for o in model.objects.filter(**filters)],
        widget=forms.CheckboxSelectMultiple,
    )


def _maybe(label) -> forms.TypedChoiceField:
    """Yes, no, or left empty: unknown."""
    return forms.TypedChoiceField(
        label=label,
        required=False,
        choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
        empty_value=None,
    )


class SubmissionForm(forms.Form):
    """Every catalog attribute, the contact, and a honeypot. Prefilled with the current
    profile; only what differs from it is proposed."""

    name = forms.CharField(label=Fact.NAME.label, max_length=200)
    short_description = forms.CharField(
        label=Fact.SHORT_DESCRIPTION.label, max_length=300, required=False
    )
    long_description = forms.CharField(
        label=Fact.LONG_DESCRIPTION.label,
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    website = forms.URLField(label=Fact.WEBSITE.label, required=False, assume_scheme="https")
    headquarters_country = forms.ChoiceField(
        label=Fact.HEADQUARTERS.label,
        required=False,
        choices=lambda: [("", "—"), *countries],
    )
    delivery_countries = forms.MultipleChoiceField(
        label=Fact.DELIVERY_COUNTRIES.label,
        required=False,
        choices=lambda: list(countries),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Every country the vendor delivers from (hold Ctrl or ⌘ to pick several)."),
    )
    services = _codes(Fact.SERVICES, Fact.SERVICES.label, required=True)
    industries = _codes(Fact.INDUSTRIES, Fact.INDUSTRIES.label)
    work_systems = _codes(Fact.WORK_SYSTEMS, Fact.WORK_SYSTEMS.label)
    customizations = _codes(Fact.CUSTOMIZATIONS, Fact.CUSTOMIZATIONS.label)
    certifications = _codes(Fact.CERTIFICATIONS, Fact.CERTIFICATIONS.label)
    languages = _codes(Fact.LANGUAGES, Fact.LANGUAGES.label)
    coverage = forms.ChoiceField(
        label=Fact.COVERAGE.label, required=False, choices=[("", "—"), *Coverage.choices]
    )
    size_band = forms.ChoiceField(
        label=Fact.SIZE_BAND.label, required=False, choices=[("", "—"), *SizeBand.choices]
    )
    founded_year = forms.IntegerField(
        label=Fact.FOUNDED_YEAR.label, required=False, min_value=1800, max_value=2100
    )
    price_min_idr = RupiahField(
        label=_("Price per FTE per month, from (Rp)"), required=False, max_value=PRICE_CAP
    )
    price_max_idr = RupiahField(
        label=_("Price per FTE per month, to (Rp)"), required=False, max_value=PRICE_CAP
    )
    min_contract_months = forms.IntegerField(
        label=_("Minimum contract (months)"), required=False, min_value=1, max_value=240
    )
    legal_entity = forms.ChoiceField(
        label=Fact.LEGAL_ENTITY.label, required=False, choices=[("", "—"), *LegalEntity.choices]
    )
    nib = forms.RegexField(
        label=Fact.NIB.label,
        required=False,
        regex=r"^\d{13}$",
        error_messages={"invalid": _("An NIB has 13 digits.")},
    )
    kbli_codes = forms.RegexField(
        label=Fact.KBLI.label,
        required=False,
        max_length=200,
        regex=r"^\d{5}(,\d{5})*$",
        error_messages={"invalid": _("Five-digit KBLI codes, separated by commas.")},
        help_text=_("Five-digit codes separated by commas, e.g. 82200,78200."),
    )
    pse_registered = _maybe(Fact.PSE.label)
    data_locations = forms.MultipleChoiceField(
        label=Fact.DATA_LOCATIONS.label,
        required=False,
        choices=lambda: list(countries),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Every country where client data is stored or processed, backups included."),
    )
    bpjs_compliant = _maybe(_("Are all your staff registered with BPJS?"))
    pricing_models = forms.MultipleChoiceField(
        label=Fact.PRICING_MODELS.label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            ("per_fte", _("Per full-time agent (FTE)")),
            ("per_transaction", _("Per transaction")),
            ("outcome", _("Outcome-based")),
        ],
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=200)
    contact_email = forms.EmailField(
        label=_("Your work email"),
        help_text=_("We write to this address when a curator has reviewed your proposal."),
    )
    message = forms.CharField(
        label=_("Message to the curators"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The honeypot: hidden from people (and from screen readers); bots fill it in.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, vendor: Vendor | None = None, **kwargs):
        self.vendor = vendor
        self.current = current_facts(vendor)
        if vendor is not None and "initial" not in kwargs:
            initial = {k: v for k, v in self.current.items() if k != Fact.PRICE}
            for flag in (Fact.PSE, Fact.BPJS):
                value = self.current.get(flag)
                initial[flag.value] = "" if value is None else ("yes" if value else "no")
            initial["price_min_idr"] = vendor.price_min_idr
            initial["price_max_idr"] = vendor.price_max_idr
            kwargs["initial"] = initial
        super().__init__(*args, **kwargs)

    def clean_homepage(self):
        if self.cleaned_data.get("homepage"):
            raise forms.ValidationError(_("This field must stay empty."), code="honeypot")
        return ""

    def clean(self):
        data = super().clean()
        low, high = data.get("price_min_idr"), data.get("price_max_idr")
        if low is not None and high is not None and low > high:
            self.add_error("price_max_idr", _("The upper price must not be below the lower price."))
        return data

    def proposed(self) -> dict[str, object]:
        """The facts that differ from the current profile, as plain data."""
        data = self.cleaned_data
        values: dict[str, object] = {}
        for fact in Fact:
            if fact == Fact.PRICE:
                low, high = data.get("price_min_idr"), data.get("price_max_idr")
                value = None if low is None and high is None else [low, high]
            elif fact in LIST_FACTS or fact == Fact.PRICING_MODELS:
                value = sorted(data.get(fact.value) or [])
            else:
                value = data.get(fact.value)
                value = None if value in ("", None) else value
            if value not in (None, []) and value != self.current.get(fact.value):
                values[fact.value] = value
        return values


class EvidenceForm(forms.Form):
    """One evidence file, optionally a certificate with its details."""

    file = forms.FileField(label=_("File (PDF, PNG or JPEG, at most 5 MB)"), required=False)
    certification = forms.ModelChoiceField(
        label=_("Certificate for"), queryset=Certification.objects.all(), required=False
    )
    number = forms.CharField(label=_("Certificate number"), max_length=120, required=False)
    issuer = forms.CharField(label=_("Issuer"), max_length=200, required=False)
    issued_on = forms.DateField(
        label=_("Issued on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    expires_on = forms.DateField(
        label=_("Expires on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    scope = forms.CharField(label=_("Scope"), max_length=500, required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            upload.checked_type = evidence.content_type(upload)
        return upload

    def clean(self):
        data = super().clean()
        details = any(data.get(k) for k in ("certification", "number", "issuer", "scope"))
        if details and not data.get("file"):
            self.add_error("file", _("Attach the certificate these details describe."))
        if data.get("certification") and not data.get("expires_on") and not data.get("number"):
            self.add_error("number", _("Give the certificate number or its expiry date."))
        issued, expires = data.get("issued_on"), data.get("expires_on")
        if issued and expires and expires < issued:
            self.add_error("expires_on", _("A certificate cannot expire before it is issued."))
        return data


EvidenceFormSet = forms.formset_factory(EvidenceForm, extra=EVIDENCE_FORMS, max_num=EVIDENCE_FORMS)
