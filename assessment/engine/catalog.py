"""The catalog as columns: what the ranking reads, built once per catalog version.

One numpy column per fact and one boolean matrix per listed attribute (vendors × the
values that occur in the catalog), so the must-haves and the scores are computed for every
vendor at once instead of one Python object at a time. The records stay beside the columns:
the few vendors that are shown are described from them (names, services, what is unknown),
and the tests hold the columns equal to the former per-vendor scoring. Read from the
database, a record is built only when a ranking shows its vendor (``Records``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

import numpy as np

from . import weights as W
from .records import VendorRecord

LISTED = ("services", "industries", "certifications", "languages", "work_systems", "customizations")
VERIFIED = (
    "delivery_countries",
    "industries",
    "certifications",
    "languages",
    "work_systems",
    "customizations",
    "data_locations",
)


@dataclass(frozen=True)
class Listed:
    """One listed attribute: which vendors list which value."""

    index: dict[str, int]  # value -> column
    matrix: np.ndarray  # bool, vendors × values

    def has(self, value: str) -> np.ndarray:
        """Vendors that list the value (all False when no vendor does)."""
        column = self.index.get(value)
        if column is None:
            return np.zeros(self.matrix.shape[0], dtype=bool)
        return self.matrix[:, column]

    def count(self, values: Iterable[str]) -> np.ndarray:
        """How many of the values each vendor lists."""
        columns = [self.index[v] for v in values if v in self.index]
        if not columns:
            return np.zeros(self.matrix.shape[0], dtype=np.int64)
        return self.matrix[:, columns].sum(axis=1, dtype=np.int64)

    def of(self, row: int) -> frozenset[str]:
        """The values one vendor lists."""
        values = list(self.index)  # in column order
        return frozenset(values[column] for column in np.flatnonzero(self.matrix[row]))

    def present(self, rows: np.ndarray) -> frozenset[str]:
        """The values that at least one of the given vendors lists."""
        if not rows.any():
            return frozenset()
        used = self.matrix[rows].any(axis=0)
        return frozenset(value for value, column in self.index.items() if used[column])


def _listed(lists: Iterable[Iterable[str]]) -> Listed:
    """Which vendor lists which value, from one collection of values per vendor in catalog
    order. The values are laid end to end and the cells set in one step, instead of one
    Python step per value: at 100,000 vendors the catalog's columns build in 0.8 s
    instead of 1.2 s."""
    lists = list(lists)
    lengths = np.fromiter(map(len, lists), dtype=np.intp, count=len(lists))
    flat = list(chain.from_iterable(lists))  # vendor by vendor: row i repeats lengths[i] times
    values = sorted(set(flat))
    index = {value: column for column, value in enumerate(values)}
    matrix = np.zeros((len(lists), len(values)), dtype=bool)
    if flat:
        rows = np.repeat(np.arange(len(lists), dtype=np.intp), lengths)
        columns = np.fromiter(map(index.__getitem__, flat), dtype=np.intp, count=len(flat))
        matrix[rows, columns] = True
    return Listed(index, matrix)


def listed_from_cells(size: int, rows: np.ndarray, codes: np.ndarray, values: dict) -> Listed:
    """Which vendor lists which value, from its cells: vendor ``rows[k]`` lists the value
    numbered ``codes[k]``, and ``values`` names each number (the database's link rows, as
    ids). As ``_listed``: one column per value that occurs, in order of the values."""
    used = np.unique(codes)
    named = sorted((values[int(code)], int(code)) for code in used)
    index = {value: column for column, (value, _code) in enumerate(named)}
    matrix = np.zeros((size, len(named)), dtype=bool)
    if len(named):
        column_of = np.zeros(int(used[-1]) + 1, dtype=np.intp)
        column_of[[code for _value, code in named]] = np.arange(len(named), dtype=np.intp)
        matrix[rows, column_of[codes]] = True
    return Listed(index, matrix)


def _code_index(values: Iterable[str | None], codes: dict[str, int]) -> np.ndarray:
    """Each vendor's code as its number in ``codes``; -1 when unknown or not a known code."""
    return np.fromiter((codes.get(value, -1) if value else -1 for value in values), dtype=np.int64)


def _money(values: Iterable[int | None]) -> np.ndarray:
    return np.fromiter(
        (np.nan if value is None else float(value) for value in values), dtype=np.float64
    )


class Records(Sequence[VendorRecord]):
    """The vendors' records, each built on first use from the catalog's rows and kept.

    A ranking describes at most a hundred vendors (the shown and the excluded); building
    a record for each of 100,000 vendors up front cost a second on every rebuild. Two
    threads asking for the same record at once may both build it: the same value."""

    def __init__(self, size: int, build: Callable[[int], VendorRecord]):
        self._size = size
        self._build = build
        self._built: dict[int, VendorRecord] = {}

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(self._size))]
        position = int(position)
        if position < 0:
            position += self._size
        if not 0 <= position < self._size:
            raise IndexError(position)
        record = self._built.get(position)
        if record is None:
            record = self._built[position] = self._build(position)
        return record

    def __iter__(self) -> Iterator[VendorRecord]:
        return (self[i] for i in range(self._size))


class BySlug(Mapping[str, VendorRecord]):
    """A vendor's record by its slug, through the slugs' positions."""

    def __init__(self, slugs: Sequence[str], records: Sequence[VendorRecord]):
        self._position = {slug: position for position, slug in enumerate(slugs)}
        self._records = records

    def __getitem__(self, slug: str) -> VendorRecord:
        return self._records[self._position[slug]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)


class Catalog:
    """Every vendor the engine may rank, as columns. Immutable once built.

    ``Catalog(records)`` lays out records already built (the tests, the bench);
    ``Catalog.from_columns`` takes the columns as the database gives them, with the
    listed attributes' matrices already set, and builds a record only for a vendor that
    is shown (assessment/services.py)."""

    def __init__(self, records: Sequence[VendorRecord]):
        records = tuple(records)
        self._lay_out(
            records,
            slugs=[r.slug for r in records],
            names=[r.name for r in records],
            listed={
                attribute: _listed(map(attrgetter(attribute), records)) for attribute in LISTED
            },
            delivery_countries=[r.delivery_countries for r in records],
            data_locations=[r.data_locations for r in records],
            verified={
                attribute: [getattr(r, f"{attribute}_verified") for r in records]
                for attribute in VERIFIED
            },
            coverage=[r.coverage for r in records],
            size_band=[r.size_band for r in records],
            price_min=[r.price_min_idr for r in records],
            price_max=[r.price_max_idr for r in records],
        )

    @classmethod
    def from_columns(
        cls,
        *,
        slugs: Sequence[str],
        names: Sequence[str],
        listed: dict[str, Listed],
        delivery_countries: Sequence[tuple[str, ...]],
        data_locations: Sequence[tuple[str, ...]],
        verified: dict[str, Sequence[bool]],
        coverage: Sequence[str | None],
        size_band: Sequence[str | None],
        price_min: Sequence[int | None],
        price_max: Sequence[int | None],
        record_at: Callable[[int], VendorRecord],
    ) -> Catalog:
        """The catalog from one sequence per fact, vendor by vendor in the same order, and
        ``record_at(i)``: vendor i's record, which must hold the same facts (a test holds
        ``Catalog(list(catalog.records))`` equal to it, column by column)."""
        catalog = cls.__new__(cls)
        catalog._lay_out(
            Records(len(slugs), record_at),
            slugs=slugs,
            names=names,
            listed=listed,
            delivery_countries=delivery_countries,
            data_locations=data_locations,
            verified=verified,
            coverage=coverage,
            size_band=size_band,
            price_min=price_min,
            price_max=price_max,
        )
        return catalog

    def _lay_out(
        self,
        records,
        *,
        slugs,
        names,
        listed,
        delivery_countries,
        data_locations,
        verified,
        coverage,
        size_band,
        price_min,
        price_max,
    ) -> None:
        self.records: Sequence[VendorRecord] = records
        self.size = size = len(slugs)
        self.by_slug: Mapping[str, VendorRecord] = BySlug(slugs, records)
        self.listed = {attribute: listed[attribute] for attribute in LISTED}
        self.countries = _listed(delivery_countries)
        # Where client data is stored or processed (a must-have when data must stay home).
        self.data_locations = _listed(data_locations)
        self.country_count = np.fromiter(map(len, delivery_countries), dtype=np.int64, count=size)
        self.verified = {
            attribute: np.fromiter(verified[attribute], dtype=bool, count=size)
            for attribute in VERIFIED
        }
        self.coverage = _code_index(coverage, W.COVERAGE_RANK)
        size_codes = {band: position for position, band in enumerate(W.SIZE_ORDER)}
        known_bands = {b: size_codes[b] for b in W.SIZE_CAPACITY if b in size_codes}
        self.size_band = _code_index(size_band, known_bands)
        self.price_min = _money(price_min)
        self.price_max = _money(price_max)
        # Ties are broken by name, then slug: each vendor's place in that order.
        order = sorted(range(size), key=list(zip(names, slugs, strict=True)).__getitem__)
        self.name_order = np.empty(size, dtype=np.int64)
        self.name_order[order] = np.arange(size, dtype=np.int64)

    def __len__(self) -> int:
        return self.size


def as_catalog(vendors: Catalog | Sequence[VendorRecord]) -> Catalog:
    return vendors if isinstance(vendors, Catalog) else Catalog(vendors)


def best_first(scores: np.ndarray, name_order: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the ``limit`` best scores, best first, equal scores by name then slug.

    Only the scores at or above the limit-th best are sorted, so a large catalog costs a
    partition, not a sort."""
    if scores.size > limit:
        threshold = np.partition(scores, scores.size - limit)[scores.size - limit]
        candidates = np.flatnonzero(scores >= threshold)
    else:
        candidates = np.arange(scores.size)
    order = np.lexsort((name_order[candidates], -scores[candidates]))
    return candidates[order][:limit]
