"""The curator's vendor import, in plain words.

A file (CSV with commas or semicolons, as Excel writes it with Indonesian settings, or an
Excel workbook) is checked whole before anything is written: every problem of every row is
reported at once as "row N (as the spreadsheet numbers it), column, value, what is wrong", in
the admin's language. A file with any problem writes nothing; a clean file is imported in one
transaction, through the catalog's write path (one version bump).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

import tablib
from django.utils.translation import gettext as _

from . import services
from .models import Coverage, Dimension, SizeBand, Vendor
from .resources import VendorResource

REQUIRED = ("slug", "name", "services")
INTEGER_COLUMNS = ("founded_year", "price_min_idr", "price_max_idr", "min_contract_months")
BOOLEAN_COLUMNS = (
    "delivery_countries_verified",
    "industries_verified",
    "work_systems_verified",
    "customizations_verified",
    "certifications_verified",
    "languages_verified",
    "data_locations_verified",
    "is_active",
)
# Yes, no, or empty for unknown.
MAYBE_COLUMNS = ("pse_registered", "bpjs_compliant")
TRUE = {"1", "true", "yes", "ya", "y"}
FALSE = {"0", "false", "no", "tidak", "n", ""}
MAX_ROWS = 20_000


@dataclass(frozen=True)
class Problem:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    value: str
    message: str


@dataclass
class Report:
    rows: int = 0
    new: int = 0
    updated: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.rows > 0


def columns() -> tuple[str, ...]:
    return tuple(VendorResource._meta.fields)


def read(data: bytes, filename: str) -> tablib.Dataset:
    """The file as a dataset: an Excel workbook, or CSV in UTF-8 (with or without BOM) or
    Windows-1252, separated by commas or semicolons."""
    if filename.lower().endswith(".xlsx"):
        return tablib.Dataset().load(io.BytesIO(data), format="xlsx")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        return tablib.Dataset()
    headers = [h.strip() for h in rows[0]]
    width = len(headers)
    body = [(r + [""] * width)[:width] for r in rows[1:]]
    return tablib.Dataset(*body, headers=headers)


def _plain_values(dataset: tablib.Dataset, report: Report) -> None:
    """Check what the library would otherwise turn into Python errors (numbers, yes/no,
    dates), so each problem names its cell."""
    for index, row in enumerate(dataset.dict, start=2):
        for column in INTEGER_COLUMNS:
            value = str(row.get(column) or "").strip()
            if value and not re.fullmatch(r"\d+", value.replace(".", "").replace(",", "")):
                report.problems.append(
                    Problem(index, column, value, _("must be a whole number, e.g. 2015"))
                )
            elif value and not re.fullmatch(r"\d+", value):
                report.problems.append(
                    Problem(
                        index,
                        column,
                        value,
                        _("write the number without separators, e.g. 5000000"),
                    )
                )
        for column in BOOLEAN_COLUMNS:
            value = str(row.get(column) or "").strip().lower()
            if value not in TRUE | FALSE:
                report.problems.append(
                    Problem(index, column, value, _("must be 1 (yes) or 0 (no)"))
                )
        for column in MAYBE_COLUMNS:
            value = str(row.get(column) or "").strip().lower()
            if value and value not in TRUE | FALSE:
                report.problems.append(
                    Problem(index, column, value, _("must be 1 (yes), 0 (no) or empty (unknown)"))
                )
        value = str(row.get("last_verified_at") or "").strip()
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                report.problems.append(
                    Problem(
                        index,
                        "last_verified_at",
                        value,
                        _("must be a date written year-month-day, e.g. 2026-11-23"),
                    )
                )


def _normalise(dataset: tablib.Dataset) -> tablib.Dataset:
    """Yes/no words as the library expects them (1 and 0)."""
    headers = dataset.headers
    out = tablib.Dataset(headers=headers)
    for row in dataset:
        values = list(row)
        for column in BOOLEAN_COLUMNS:
            if column in headers:
                i = headers.index(column)
                values[i] = "1" if str(values[i] or "").strip().lower() in TRUE else "0"
        for column in MAYBE_COLUMNS:
            if column in headers:
                i = headers.index(column)
                word = str(values[i] or "").strip().lower()
                values[i] = "" if not word else ("1" if word in TRUE else "0")
        out.append(values)
    return out


def check(
    dataset: tablib.Dataset, *, write: bool = False, file_name: str = "", user=None
) -> Report:
    """Every problem of the file at once; with ``write`` and no problem, import it."""
    report = Report(rows=len(dataset))
    headers = list(dataset.headers or [])
    known = columns()
    for header in headers:
        if header not in known:
            report.problems.append(
                Problem(
                    1,
                    header,
                    header,
                    _("not a column we know; the allowed columns are: %(list)s")
                    % {"list": ", ".join(known)},
                )
            )
    for column in REQUIRED:
        if column not in headers:
            report.problems.append(Problem(1, column, "", _("this column is required")))
    if len(dataset) > MAX_ROWS:
        report.problems.append(
            Problem(1, "", "", _("at most %(n)s rows per file") % {"n": f"{MAX_ROWS:,}"})
        )
    if report.problems:
        return report
    if not len(dataset):
        report.problems.append(Problem(2, "", "", _("the file has no vendor rows")))
        return report
    _plain_values(dataset, report)
    if report.problems:
        return report
    existing = set(
        Vendor.objects.filter(slug__in=[r.get("slug") for r in dataset.dict]).values_list(
            "slug", flat=True
        )
    )

    def run():
        return VendorResource(file_name=file_name, user=user).import_data(
            _normalise(dataset),
            dry_run=not write,
            raise_errors=False,
            rollback_on_validation_errors=True,
            use_transactions=True,
        )

    # A check rolls back everything it tried, the catalog version included; an import is
    # one batch through the write path: one version bump.
    if write:
        with services.catalog_changes():
            result = run()
    else:
        result = run()
    rows = list(dataset.dict)
    for invalid in result.invalid_rows:
        spreadsheet_row = invalid.number + 1
        source = rows[invalid.number - 1] if 0 < invalid.number <= len(rows) else {}
        for column, messages in invalid.error_dict.items():
            for message in messages:
                report.problems.append(
                    Problem(
                        spreadsheet_row,
                        column if column != "__all__" else "",
                        str(source.get(column, "") or ""),
                        str(message),
                    )
                )
    for number, errors in result.row_errors():
        for error in errors:
            report.problems.append(
                Problem(
                    number + 1,
                    "",
                    "",
                    _("this row could not be read: %(error)s") % {"error": str(error.error)},
                )
            )
    report.problems.sort(key=lambda p: (p.row, p.column))
    slugs = [r.get("slug") for r in rows]
    report.new = sum(1 for s in slugs if s not in existing)
    report.updated = len(slugs) - report.new
    return report


# A cell starting with one of these is a formula to a spreadsheet (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(dataset: tablib.Dataset) -> tablib.Dataset:
    """The export with every text cell that a spreadsheet would run as a formula turned into
    plain text (a leading apostrophe), so opening the file never runs vendor-supplied text."""
    out = tablib.Dataset(headers=dataset.headers)
    for row in dataset:
        out.append(
            [
                "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value
                for value in row
            ]
        )
    return out


def allowed_codes() -> list[tuple[str, str]]:
    """The values each coded column accepts, for the import page and the template."""
    from .models import Certification, Industry, Language, LegalEntity, Service, ServiceCategory

    def slugs(queryset) -> str:
        return ", ".join(queryset.values_list("slug", flat=True))

    return [
        ("services", slugs(Service.objects.order_by("slug"))),
        ("industries", slugs(Industry.objects.order_by("slug"))),
        ("certifications", slugs(Certification.objects.order_by("slug"))),
        ("languages", slugs(Language.objects.order_by("slug"))),
        (
            "work_systems",
            slugs(ServiceCategory.objects.filter(dimension=Dimension.WORK_SYSTEM).order_by("slug")),
        ),
        (
            "customizations",
            slugs(
                ServiceCategory.objects.filter(dimension=Dimension.CUSTOMIZATION).order_by("slug")
            ),
        ),
        ("coverage", ", ".join(Coverage.values)),
        ("size_band", ", ".join(SizeBand.values)),
        (
            "headquarters_country, delivery_countries, data_locations",
            _("ISO 3166-1 codes, e.g. ID, MY, SG"),
        ),
        ("legal_entity", ", ".join(LegalEntity.values)),
        ("pricing_models", "per_fte, per_transaction, outcome"),
        ("nib", _("13 digits")),
        ("kbli_codes", _("five-digit codes separated by commas")),
        (", ".join(MAYBE_COLUMNS), _("1 (yes), 0 (no) or empty (unknown)")),
        (", ".join(BOOLEAN_COLUMNS), _("1 (yes) or 0 (no)")),
        (", ".join(INTEGER_COLUMNS), _("whole numbers without separators")),
        ("last_verified_at", _("a date, year-month-day")),
    ]


def template_workbook() -> bytes:
    """An Excel template: the columns with one example row, and a sheet of allowed codes."""
    vendors = tablib.Dataset(headers=list(columns()))
    example = {
        "slug": "contoh-bpo",
        "name": "PT Contoh BPO",
        "services": "customer_service,data_entry",
        "delivery_countries": "ID",
        "headquarters_country": "ID",
        "is_active": "0",
    }
    vendors.append([example.get(c, "") for c in columns()])
    vendors.title = "vendors"
    codes = tablib.Dataset(*allowed_codes(), headers=[_("column"), _("allowed values")])
    codes.title = "codes"
    return tablib.Databook([vendors, codes]).export("xlsx")
