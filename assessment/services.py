"""Assessment services: catalog snapshot for the engine, validate, recommend, save, render.

Views, the API, the CLI and the PDF all go through here. The catalog is read with a fixed
number of queries whatever its size (one per table, no per-vendor query).
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Value
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_countries import countries

from catalog import selectors as catalog_selectors
from catalog import services as catalog_services
from catalog.models import (
    Certification,
    ComplianceRule,
    Dimension,
    Industry,
    Language,
    Service,
    ServiceCategory,
    Vendor,
)

from .engine import (
    ENGINE_VERSION,
    AnswerErrors,
    Answers,
    Catalog,
    Taxonomy,
    VendorRecord,
    compliance,
    parse_answers,
    recommend,
    render_result,
)
from .engine import catalog as catalog_columns
from .engine.catalog import listed_from_cells
from .engine.text import Name, name
from .models import Assessment


class InvalidAnswers(Exception):
    """The answers broke the contract; ``errors`` maps field paths to rendered messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


def _function_families() -> tuple[dict[str, str], tuple[str, ...], dict]:
    """Each task function's family (its own, else its parent's), the display order, and
    the functions' names."""
    rows = list(
        ServiceCategory.objects.filter(dimension=Dimension.FUNCTION)
        .order_by("position", "pk")
        .values_list("slug", "family", "parent__family", "name_id", "name_en")
    )
    families = {slug: family or parent_family or "" for slug, family, parent_family, *_n in rows}
    names = {("function", row[0]): name(id=row[3], en=row[4]) for row in rows}
    return families, tuple(row[0] for row in rows), names


def _named(model, kind: str) -> tuple[frozenset[str], dict[tuple[str, str], Name]]:
    rows = model.objects.values_list("slug", "name_id", "name_en")
    return frozenset(r[0] for r in rows), {(kind, r[0]): name(id=r[1], en=r[2]) for r in rows}


@lru_cache(maxsize=1)
def _country_names() -> dict[tuple[str, str], Name]:
    """Country names in each interface language (django-countries' own translations)."""
    by_language: dict[str, dict[str, str]] = {}
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            by_language[language] = {code: str(label) for code, label in countries}
    codes = by_language[settings.LANGUAGES[0][0]]
    return {
        ("country", code): Name(
            tuple(sorted((lang, by_language[lang][code]) for lang in by_language))
        )
        for code in codes
    }


def load_taxonomy() -> Taxonomy:
    families, order, function_names = _function_families()
    services = Service.objects.values_list("slug", "function__slug", "name_id", "name_en")
    industries, industry_names = _named(Industry, "industry")
    certifications, certification_names = _named(Certification, "certification")
    languages, language_names = _named(Language, "language")
    return Taxonomy(
        service_functions={row[0]: row[1] for row in services},
        industries=industries,
        certifications=certifications,
        languages=languages,
        countries=frozenset(code for code, _name in countries),
        function_families=families,
        function_order=order,
        names={
            **_country_names(),
            **function_names,
            **{("service", r[0]): name(id=r[2], en=r[3]) for r in services},
            **industry_names,
            **certification_names,
            **language_names,
        },
    )


@lru_cache(maxsize=8192)
def _translated(language: str, message: str) -> str:
    """One message in one language. The catalogs do not change while the process runs, so
    each message is looked up once (a result stores some 400 sentences in two languages)."""
    with translation.override(language):
        return gettext(message)


def _translator(language: str):
    def translate(message: str) -> str:
        return _translated(language, message)

    translate.language = language  # names from the catalog render in this language
    return translate


def renderers() -> dict[str, object]:
    """One translate function per interface language: stored results keep each sentence
    rendered in all of them (engine/text.py says why)."""
    return {code: _translator(code) for code, _name in settings.LANGUAGES}


# The many-to-many relations a record lists.
LINKED = ("services", "industries", "certifications", "languages", "work_systems", "customizations")


def _slugs_by_id() -> dict[str, dict[int, str]]:
    """Every linked table's slugs by id, per table (its model's label): one query."""
    models = {field.related_model for field in map(Vendor._meta.get_field, LINKED)}
    queries = [
        model.objects.annotate(table=Value(model._meta.label, output_field=CharField()))
        .order_by()
        .values_list("table", "pk", "slug")
        for model in sorted(models, key=lambda model: model._meta.label)
    ]
    slugs: dict[str, dict[int, str]] = {model._meta.label: {} for model in models}
    for table, pk, slug in queries[0].union(*queries[1:], all=True):
        slugs[table][pk] = slug
    return slugs


def _link_cells(relation: str, row_of: np.ndarray, slugs: dict) -> tuple:
    """One many-to-many relation's links as cells: the vendors' rows in the catalog, the
    linked values' ids, and each id's slug. One query, the link table read as plain ids
    (no join); links of vendors that are not ranked are read too and dropped here, which
    is cheaper than filtering them in the database."""
    field = Vendor._meta.get_field(relation)
    through = field.remote_field.through
    pairs = np.array(
        through.objects.values_list(field.m2m_column_name(), field.m2m_reverse_name()),
        dtype=np.int64,
    ).reshape(-1, 2)
    vendor_ids, codes = pairs[:, 0], pairs[:, 1]
    inside = vendor_ids < len(row_of)
    rows = np.full(len(pairs), -1, dtype=np.intp)
    rows[inside] = row_of[vendor_ids[inside]]
    ranked = rows >= 0
    return rows[ranked], codes[ranked], slugs[field.related_model._meta.label]


# The vendor columns the engine reads, in the order of the rows vendor_catalog fetches.
_VENDOR_FIELDS = (
    "pk",
    "slug",
    "name",
    "delivery_countries",
    "delivery_countries_verified",
    "industries_verified",
    "certifications_verified",
    "languages_verified",
    "work_systems_verified",
    "customizations_verified",
    "coverage",
    "size_band",
    "price_min_idr",
    "price_max_idr",
    "data_locations",
    "data_locations_verified",
    "legal_entity",
    "nib",
    "pse_registered",
    "bpjs_compliant",
)
_LEGAL_FACTS = ("legal_entity", "nib", "pse_registered", "bpjs_compliant")
_AT = {field: position for position, field in enumerate(_VENDOR_FIELDS)}


def _countries(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(c for c in value.split(",") if c)
    return tuple(str(c) for c in value)


def vendor_catalog(*, include_synthetic: bool = False) -> Catalog:
    """Every active vendor as the engine's columns, in 10 queries whatever the catalog's
    size: the vendors as plain rows, the linked tables' slugs, each many-to-many relation
    as cells set straight into its matrix, and the facts in doubt. A vendor's record
    (``VendorRecord``) is built only when a ranking shows it. At 100,000 vendors the rows,
    not the queries, are the cost: each is touched a few times, in C where it can be."""
    vendors = Vendor.objects.public(include_synthetic=include_synthetic)
    rows = list(vendors.values_list(*_VENDOR_FIELDS))
    pks = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    row_of = np.full(int(pks.max()) + 1 if len(pks) else 0, -1, dtype=np.intp)
    row_of[pks] = np.arange(len(rows), dtype=np.intp)
    slugs = _slugs_by_id()
    cells = {relation: _link_cells(relation, row_of, slugs) for relation in LINKED}
    # Expired certificates and stale facts count as unknown (README, "Catalog curation"):
    # the few vendors concerned have their row and their cells rewritten.
    expired, stale = catalog_selectors.facts_in_doubt(vendors.values("pk"), timezone.localdate())
    doubted = sorted(set(expired) | set(stale))
    if doubted:
        rows, cells = _doubted(rows, cells, row_of, doubted, expired, stale)
    listed = {relation: listed_from_cells(len(rows), *cells[relation]) for relation in LINKED}
    columns = list(zip(*rows, strict=True)) or [()] * len(_VENDOR_FIELDS)
    delivery = [_countries(value) for value in columns[_AT["delivery_countries"]]]
    data_at = [_countries(value) for value in columns[_AT["data_locations"]]]

    def record_at(i: int) -> VendorRecord:
        row = rows[i]
        return VendorRecord(
            slug=row[_AT["slug"]],
            name=row[_AT["name"]],
            services=listed["services"].of(i),
            delivery_countries=delivery[i],
            delivery_countries_verified=row[_AT["delivery_countries_verified"]],
            industries=listed["industries"].of(i),
            industries_verified=row[_AT["industries_verified"]],
            certifications=listed["certifications"].of(i),
            certifications_verified=row[_AT["certifications_verified"]],
            languages=listed["languages"].of(i),
            languages_verified=row[_AT["languages_verified"]],
            work_systems=listed["work_systems"].of(i),
            work_systems_verified=row[_AT["work_systems_verified"]],
            customizations=listed["customizations"].of(i),
            customizations_verified=row[_AT["customizations_verified"]],
            coverage=row[_AT["coverage"]] or None,
            size_band=row[_AT["size_band"]] or None,
            price_min_idr=row[_AT["price_min_idr"]],
            price_max_idr=row[_AT["price_max_idr"]],
            data_locations=data_at[i],
            data_locations_verified=row[_AT["data_locations_verified"]],
            legal_known=frozenset(
                fact for fact in _LEGAL_FACTS if row[_AT[fact]] not in (None, "")
            ),
        )

    return Catalog.from_columns(
        slugs=columns[_AT["slug"]],
        names=columns[_AT["name"]],
        listed=listed,
        delivery_countries=delivery,
        data_locations=data_at,
        verified={
            attribute: columns[_AT[f"{attribute}_verified"]]
            for attribute in catalog_columns.VERIFIED
        },
        coverage=columns[_AT["coverage"]],
        size_band=columns[_AT["size_band"]],
        price_min=columns[_AT["price_min_idr"]],
        price_max=columns[_AT["price_max_idr"]],
        record_at=record_at,
    )


def _doubted(rows, cells, row_of, doubted, expired, stale):
    """The rows and cells with the doubted vendors' facts made unknown (``_doubt``)."""
    rows = list(rows)
    positions = row_of[np.array(doubted, dtype=np.int64)]
    cells = dict(cells)
    links: dict[str, dict[int, frozenset[str]]] = {}
    for relation, (cell_rows, codes, slugs) in cells.items():
        concerned = np.isin(cell_rows, positions)
        links[relation] = {}
        for row, code in zip(cell_rows[concerned].tolist(), codes[concerned].tolist(), strict=True):
            pk = rows[row][0]
            links[relation][pk] = links[relation].get(pk, frozenset()) | {slugs[code]}
        cells[relation] = (cell_rows[~concerned], codes[~concerned], slugs)
    for pk, position in zip(doubted, positions.tolist(), strict=True):
        row = dict(zip(_VENDOR_FIELDS, rows[position], strict=True))
        _doubt(row, links, pk, expired.get(pk, set()), stale.get(pk, set()))
        rows[position] = tuple(row[field] for field in _VENDOR_FIELDS)
    for relation, (cell_rows, codes, slugs) in cells.items():
        code_of = {slug: code for code, slug in slugs.items()}
        kept = [
            (row_of[pk], code_of[slug])
            for pk, values in links[relation].items()
            for slug in sorted(values)
        ]
        if kept:
            more_rows, more_codes = np.array(kept, dtype=np.int64).T
            cell_rows = np.concatenate((cell_rows, more_rows.astype(np.intp)))
            codes = np.concatenate((codes, more_codes))
        cells[relation] = (cell_rows, codes, slugs)
    return rows, cells


def _doubt(row: dict, links: dict, pk: int, expired: set[str], stale: set[str]) -> None:
    """Make the vendor's expired certifications and stale facts unknown, in place: a list
    loses its verification (and, when stale, what it listed); a value becomes empty."""
    if expired:
        links["certifications"][pk] = links["certifications"].get(pk, frozenset()) - expired
        row["certifications_verified"] = False
    for fact in stale:
        if fact in links and fact != "services":
            links[fact][pk] = frozenset()
            row[f"{fact}_verified"] = False
        elif fact in ("delivery_countries", "data_locations"):
            row[fact], row[f"{fact}_verified"] = [], False
        elif fact == "price":
            row["price_min_idr"] = row["price_max_idr"] = None
        elif fact in ("coverage", "size_band"):
            row[fact] = ""
        elif fact in ("legal_entity", "nib", "pse_registered", "bpjs_compliant"):
            row[fact] = None


def compliance_rules() -> tuple[compliance.Rule, ...]:
    """The active compliance rules as the engine reads them: one query."""
    return tuple(
        compliance.rule(
            r.slug,
            r.area,
            r.kind,
            title={"id": r.title_id, "en": r.title_en},
            summary={"id": r.summary_id, "en": r.summary_en},
            action={"id": r.action_id, "en": r.action_en},
            source=r.source,
            source_url=r.source_url,
            reviewed_on=r.reviewed_on.isoformat(),
            conditions=r.conditions if isinstance(r.conditions, dict) else {},
            stage=r.stage,
        )
        for r in ComplianceRule.objects.filter(is_active=True).order_by("area", "slug")
    )


@dataclass(frozen=True)
class Snapshot:
    """What the engine reads of the catalog: the taxonomy and the vendors as columns."""

    key: tuple
    taxonomy: Taxonomy
    catalog: Catalog
    rules: tuple = ()  # the active compliance rules (engine/compliance.Rule)


@contextmanager
def cyclic_gc_paused():
    """Python's cycle collector paused while a large, cycle-free structure is built: the
    snapshot's hundreds of thousands of sets and tuples would otherwise set off collection
    after collection, each walking everything built so far (at 20,000 vendors the build
    took three times as long). Reference counting still frees what is dropped; the
    collector is switched back on, as it was, however the build ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def snapshot_kept_out_of_collections():
    """Builds a snapshot, then moves it to the collector's permanent generation.

    A snapshot lives until the catalog changes and holds no reference cycles, so the
    cycle collector has nothing to find in it. Left in the oldest generation, every full
    collection would walk all of it: 140 ms at 10,000 vendors, a request stalled that long
    every few dozen requests. Frozen, it is skipped; reference counting still frees it when
    the next snapshot replaces it. The garbage already waiting is collected first, while
    the heap outside the frozen part is small, so that the freeze keeps only live objects
    (and whatever few cycles the build itself leaves)."""
    gc.collect()
    with cyclic_gc_paused():
        yield
    gc.freeze()


_snapshots: dict[bool, Snapshot] = {}
_snapshots_lock = threading.Lock()


def catalog_snapshot(*, include_synthetic: bool = False) -> Snapshot:
    """The catalog as the engine reads it, built once per catalog version and process.

    Every catalog write bumps the version and its time in the database in the same
    transaction (catalog/services.py, catalog/signals.py), so one indexed read per call tells
    each process, on every host, whether its copy is still the catalog: never a stale
    ranking. The time makes the key unique even where a version number comes back (a
    database restored from a backup, a transaction rolled back)."""
    # The day is part of the key: a certificate stops counting the day after it expires,
    # with no write to the catalog.
    key = (*catalog_services.catalog_stamp(), timezone.localdate())
    snapshot = _snapshots.get(include_synthetic)
    if snapshot is not None and snapshot.key == key:
        return snapshot
    with _snapshots_lock:
        snapshot = _snapshots.get(include_synthetic)
        if snapshot is None or snapshot.key != key:
            # Read after the stamp: the copy is at least as new as its key, and a write that
            # lands meanwhile changes the stamp, so the next call builds again.
            with snapshot_kept_out_of_collections():
                snapshot = Snapshot(
                    key,
                    load_taxonomy(),
                    vendor_catalog(include_synthetic=include_synthetic),
                    compliance_rules(),
                )
                _snapshots[include_synthetic] = snapshot
    return snapshot


def validate_answers(data: Any, taxonomy: Taxonomy | None = None) -> Answers:
    try:
        return parse_answers(data, taxonomy or catalog_snapshot().taxonomy)
    except AnswerErrors as exc:
        raise InvalidAnswers(exc.render(gettext)) from exc


@dataclass(frozen=True)
class Outcome:
    answers: Answers
    result_data: dict[str, Any]


def assessment_evaluate(data: Any, *, include_synthetic: bool = False) -> Outcome:
    """Validate and recommend without saving (the CLI without --save)."""
    snapshot = catalog_snapshot(include_synthetic=include_synthetic)
    answers = validate_answers(data, snapshot.taxonomy)
    result = recommend(answers, snapshot.taxonomy, snapshot.catalog, snapshot.rules)
    return Outcome(answers, result.to_data(renderers()))


def assessment_build(
    *,
    data: Any,
    language: str,
    rerun_of: Assessment | None = None,
    include_synthetic: bool = False,
) -> Assessment:
    """Validate and recommend against today's catalog; the assessment is not saved."""
    outcome = assessment_evaluate(data, include_synthetic=include_synthetic)
    return Assessment(
        organisation_name=outcome.answers.organisation.name,
        answers=outcome.answers.to_data(),
        result=outcome.result_data,
        engine_version=ENGINE_VERSION,
        language=language,
        rerun_of=rerun_of,
        created_at=timezone.now(),
    )


@transaction.atomic
def assessment_create(
    *,
    data: Any,
    language: str,
    rerun_of: Assessment | None = None,
    include_synthetic: bool = False,
) -> Assessment:
    """Validate, recommend and save. Nothing is saved on bad input."""
    assessment = assessment_build(
        data=data, language=language, rerun_of=rerun_of, include_synthetic=include_synthetic
    )
    assessment.save()
    return assessment


def assessment_rerun(assessment: Assessment, *, language: str) -> Assessment:
    return assessment_create(data=assessment.answers, language=language, rerun_of=assessment)


def assessment_delete(assessment: Assessment) -> None:
    """The token holder's right to remove a result: gone for good (re-runs of it stay, with
    their link to it cleared), its stored reports with it."""
    from . import reports  # the PDF code is loaded only where reports are handled

    assessment.delete()
    transaction.on_commit(lambda: reports.reports_delete(assessment))


def assessments_purge(*, older_than_days: int) -> int:
    """Delete every assessment created more than ``older_than_days`` days ago."""
    from . import reports

    cutoff = timezone.now() - timezone.timedelta(days=older_than_days)
    old = Assessment.objects.filter(created_at__lt=cutoff)
    gone = list(old.only("pk", "token"))
    deleted, _by_model = old.delete()
    for assessment in gone:
        reports.reports_delete(assessment)
    return deleted


SHORTLIST_SIZE = (2, 4)


def shortlist_set(assessment: Assessment, slugs: Any) -> list[str]:
    """Save 2 to 4 of the assessment's ranked vendors as its shortlist. Raises InvalidAnswers
    (field "vendors") on anything else and saves nothing."""
    low, high = SHORTLIST_SIZE
    ranked = [v.get("slug") for v in (assessment.result.get("vendors") or [])]
    if not isinstance(slugs, list) or not all(isinstance(s, str) for s in slugs):
        raise InvalidAnswers({"vendors": [gettext("Send a list of vendor slugs.")]})
    chosen = list(dict.fromkeys(slugs))
    errors = [
        gettext("'%(slug)s' is not one of this result's ranked vendors.") % {"slug": s[:60]}
        for s in chosen
        if s not in ranked
    ]
    if not low <= len(chosen) <= high:
        errors.append(
            gettext("Choose from %(low)s to %(high)s vendors to compare.")
            % {"low": low, "high": high}
        )
    if errors:
        raise InvalidAnswers({"vendors": errors})
    chosen.sort(key=ranked.index)
    assessment.shortlist = chosen
    assessment.save(update_fields=["shortlist"])
    return chosen


def assessment_reweigh(assessment: Assessment, weights: dict[str, Any], *, language: str):
    """A new assessment from the same answers with the buyer's criterion weights; the
    original stays as it was."""
    data = {**assessment.answers, "criteria_weights": weights}
    return assessment_create(data=data, language=language, rerun_of=assessment)


def result_render(result_data: dict[str, Any], language: str | None = None) -> dict[str, Any]:
    """The stored result with its sentences in ``language`` (default: the active one)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        return render_result(result_data, _translator(language), language)
