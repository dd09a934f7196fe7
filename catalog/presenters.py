"""How a vendor's facts read on a page: each one known, known to be none, or not verified."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import Fact as Code
from .models import Vendor

KNOWN, NONE, UNKNOWN = "known", "none", "unknown"


@dataclass(frozen=True)
class Fact:
    label: str
    values: tuple[str, ...]
    state: str
    note: str = ""
    is_link: bool = False
    code: str = ""
    source: str = ""  # where the fact was checked, and when (checked_on)
    checked_on: object = None
    reverify: bool = False  # checked more than a year ago: worth checking again


def _listed(label: str, values: list[str], verified: bool) -> Fact:
    if values:
        note = "" if verified else _("list not verified; there may be more")
        return Fact(label, tuple(values), KNOWN, note)
    return Fact(label, (), NONE if verified else UNKNOWN)


def _scalar(label: str, value: str | None, *, is_link: bool = False) -> Fact:
    if value in (None, ""):
        return Fact(label, (), UNKNOWN)
    return Fact(label, (str(value),), KNOWN, is_link=is_link)


def _flag(label: str, value: bool | None) -> Fact:
    if value is None:
        return Fact(label, (), UNKNOWN)
    return Fact(label, (str(_("yes") if value else _("no")),), KNOWN)


def _codes(text: str) -> str | None:
    return ", ".join(c for c in text.split(",") if c) or None


PRICING_LABELS = {
    "per_fte": gettext_lazy("per full-time agent (FTE)"),
    "per_transaction": gettext_lazy("per transaction"),
    "outcome": gettext_lazy("outcome-based"),
}


def pricing_text(codes: str) -> str | None:
    return ", ".join(str(PRICING_LABELS.get(c, c)) for c in codes.split(",") if c) or None


def _rupiah(amount: int) -> str:
    return "Rp " + number_format(amount, decimal_pos=0, force_grouping=True)


def price_text(vendor: Vendor) -> str | None:
    low, high = vendor.price_min_idr, vendor.price_max_idr
    if low is None and high is None:
        return None
    if low is not None and high is not None and low != high:
        return f"{_rupiah(low)} – {_rupiah(high)}"
    return _rupiah(low if low is not None else high)


REVERIFY_DAYS = 365


def vendor_facts(vendor: Vendor, today=None) -> list[Fact]:
    """Every attribute of a vendor's page, in display order, each with its source and date.
    Uses prefetched relations. A certification whose every certificate has expired is
    unknown again (not "none"); a fact a curator marked stale reads as unknown."""
    day = today or timezone.localdate()
    evidence = list(vendor.evidence.all())
    current = {e.certification_id for e in evidence if e.current_on(day)}
    expired: dict[int, object] = {}
    for e in evidence:
        if e.certification_id not in current:
            expired[e.certification_id] = max(
                e.expires_on, expired.get(e.certification_id, e.expires_on)
            )
    certifications = [c for c in vendor.certifications.all() if c.pk not in expired]
    gone = [c for c in vendor.certifications.all() if c.pk in expired]
    contract = None
    if vendor.min_contract_months is not None:
        contract = ngettext("%(n)d month", "%(n)d months", vendor.min_contract_months) % {
            "n": vendor.min_contract_months
        }
    certification_fact = _listed(
        _("Certifications"),
        [c.name for c in certifications],
        vendor.certifications_verified and not gone,
    )
    if gone:
        lapsed = "; ".join(
            _("%(name)s expired on %(day)s")
            % {"name": c.name, "day": date_format(expired[c.pk], "DATE_FORMAT")}
            for c in gone
        )
        state = certification_fact.state if certifications else UNKNOWN
        certification_fact = replace(certification_fact, state=state, note=lapsed)
    facts = [
        (Code.WEBSITE, _scalar(_("Website"), vendor.website, is_link=True)),
        (Code.HEADQUARTERS, _scalar(_("Headquarters"), vendor.headquarters_country.name or None)),
        (
            Code.DELIVERY_COUNTRIES,
            _listed(
                _("Delivers from"),
                [c.name for c in vendor.delivery_countries],
                vendor.delivery_countries_verified,
            ),
        ),
        (Code.SERVICES, _listed(_("Services"), [s.name for s in vendor.services.all()], True)),
        (
            Code.INDUSTRIES,
            _listed(
                _("Industries served"),
                [i.name for i in vendor.industries.all()],
                vendor.industries_verified,
            ),
        ),
        (
            Code.WORK_SYSTEMS,
            _listed(
                _("Work systems"),
                [w.name for w in vendor.work_systems.all()],
                vendor.work_systems_verified,
            ),
        ),
        (
            Code.CUSTOMIZATIONS,
            _listed(
                _("Customisation"),
                [c.name for c in vendor.customizations.all()],
                vendor.customizations_verified,
            ),
        ),
        (Code.CERTIFICATIONS, certification_fact),
        (
            Code.LANGUAGES,
            _listed(
                _("Working languages"),
                [la.name for la in vendor.languages.all()],
                vendor.languages_verified,
            ),
        ),
        (Code.COVERAGE, _scalar(_("Coverage hours"), vendor.get_coverage_display() or None)),
        (Code.SIZE_BAND, _scalar(_("Size"), vendor.get_size_band_display() or None)),
        (Code.FOUNDED_YEAR, _scalar(_("Founded"), vendor.founded_year)),
        (
            Code.PRICE,
            _scalar(_("Indicative price per full-time agent per month"), price_text(vendor)),
        ),
        (Code.MIN_CONTRACT, _scalar(_("Minimum contract"), contract)),
        (Code.LEGAL_ENTITY, _scalar(_("Legal entity"), vendor.get_legal_entity_display() or None)),
        (Code.NIB, _scalar(_("Business identification number (NIB)"), vendor.nib or None)),
        (Code.KBLI, _scalar(_("Business classification (KBLI)"), _codes(vendor.kbli_codes))),
        (
            Code.PSE,
            _flag(_("Registered electronic system operator (PSE)"), vendor.pse_registered),
        ),
        (
            Code.DATA_LOCATIONS,
            _listed(
                _("Where client data is processed"),
                [c.name for c in vendor.data_locations],
                vendor.data_locations_verified,
            ),
        ),
        (
            Code.BPJS,
            _flag(_("Staff registered with BPJS (vendor's statement)"), vendor.bpjs_compliant),
        ),
        (Code.PRICING_MODELS, _scalar(_("Pricing models"), pricing_text(vendor.pricing_models))),
    ]
    checks = {c.fact: c for c in vendor.fact_checks.all()}
    return [_sourced(fact, code, checks.get(code), vendor, day) for code, fact in facts]


def _sourced(fact: Fact, code: str, check, vendor: Vendor, day) -> Fact:
    """The fact with where and when it was checked: its own check, else the vendor's."""
    if check is not None and check.stale:
        return replace(
            fact,
            code=code,
            state=UNKNOWN,
            values=(),
            note=_("marked stale by a curator: unknown until it is checked again"),
            source=check.source,
            checked_on=check.checked_on,
        )
    if fact.state == UNKNOWN:
        return replace(fact, code=code)
    source, checked = (
        (check.source, check.checked_on)
        if check is not None
        else (vendor.verification_source, vendor.last_verified_at)
    )
    old = checked is not None and checked < day - timedelta(days=REVERIFY_DAYS)
    return replace(fact, code=code, source=source, checked_on=checked, reverify=old)
