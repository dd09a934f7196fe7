"""How a vendor's facts read on a page: each one known, known to be none, or not verified."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Vendor

KNOWN, NONE, UNKNOWN = "known", "none", "unknown"


@dataclass(frozen=True)
class Fact:
    label: str
    values: tuple[str, ...]
    state: str
    note: str = ""
    is_link: bool = False


def _listed(label: str, values: list[str], verified: bool) -> Fact:
    if values:
        note = "" if verified else _("list not verified; there may be more")
        return Fact(label, tuple(values), KNOWN, note)
    return Fact(label, (), NONE if verified else UNKNOWN)


def _scalar(label: str, value: str | None, *, is_link: bool = False) -> Fact:
    if value in (None, ""):
        return Fact(label, (), UNKNOWN)
    return Fact(label, (str(value),), KNOWN, is_link=is_link)


def _rupiah(amount: int) -> str:
    return "Rp " + number_format(amount, decimal_pos=0, force_grouping=True)


def price_text(vendor: Vendor) -> str | None:
    low, high = vendor.price_min_idr, vendor.price_max_idr
    if low is None and high is None:
        return None
    if low is not None and high is not None and low != high:
        return f"{_rupiah(low)} – {_rupiah(high)}"
    return _rupiah(low if low is not None else high)


def vendor_facts(vendor: Vendor) -> list[Fact]:
    """Every attribute of a vendor's page, in display order. Uses prefetched relations."""
    contract = None
    if vendor.min_contract_months is not None:
        contract = ngettext("%(n)d month", "%(n)d months", vendor.min_contract_months) % {
            "n": vendor.min_contract_months
        }
    return [
        _scalar(_("Website"), vendor.website, is_link=True),
        _scalar(_("Headquarters"), vendor.headquarters_country.name or None),
        _listed(
            _("Delivers from"),
            [c.name for c in vendor.delivery_countries],
            vendor.delivery_countries_verified,
        ),
        _listed(_("Services"), [s.name for s in vendor.services.all()], True),
        _listed(
            _("Industries served"),
            [i.name for i in vendor.industries.all()],
            vendor.industries_verified,
        ),
        _listed(
            _("Work systems"),
            [w.name for w in vendor.work_systems.all()],
            vendor.work_systems_verified,
        ),
        _listed(
            _("Customisation"),
            [c.name for c in vendor.customizations.all()],
            vendor.customizations_verified,
        ),
        _listed(
            _("Certifications"),
            [c.name for c in vendor.certifications.all()],
            vendor.certifications_verified,
        ),
        _listed(
            _("Working languages"),
            [la.name for la in vendor.languages.all()],
            vendor.languages_verified,
        ),
        _scalar(_("Coverage hours"), vendor.get_coverage_display() or None),
        _scalar(_("Size"), vendor.get_size_band_display() or None),
        _scalar(_("Founded"), vendor.founded_year),
        _scalar(_("Indicative price per full-time agent per month"), price_text(vendor)),
        _scalar(_("Minimum contract"), contract),
    ]
