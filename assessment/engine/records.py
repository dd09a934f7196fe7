"""The light vendor record the engine ranks (built from the catalog by services.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class VendorRecord:
    slug: str
    name: str
    services: frozenset[str]
    delivery_countries: tuple[str, ...] = ()
    delivery_countries_verified: bool = False
    industries: frozenset[str] = frozenset()
    industries_verified: bool = False
    certifications: frozenset[str] = frozenset()
    certifications_verified: bool = False
    languages: frozenset[str] = frozenset()
    languages_verified: bool = False
    work_systems: frozenset[str] = frozenset()
    work_systems_verified: bool = False
    customizations: frozenset[str] = frozenset()
    customizations_verified: bool = False
    coverage: str | None = None
    size_band: str | None = None
    price_min_idr: int | None = None
    price_max_idr: int | None = None
    # Where the vendor stores or processes client data (countries); verified: complete.
    data_locations: tuple[str, ...] = ()
    data_locations_verified: bool = False
    # Which Indonesian legal facts a source states (legal_entity, nib, pse_registered,
    # bpjs_compliant); the rest are due-diligence questions (engine/compliance.py).
    legal_known: frozenset[str] = frozenset()
