"""The answers contract (shared/docs/questionnaire.md): allowed values, defaults, validation.

``parse_answers`` turns untrusted JSON-like data into a frozen ``Answers`` or raises
``AnswerErrors`` naming every bad field by its dotted path. It never raises anything else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from bpo_advisor import regulation

from . import places
from .text import Name, Text, _

SCHEMA_VERSION = 1

SIZES = ("startup", "sme", "large", "multinational")
PROCESS_DEFINITIONS = ("predefined", "mixed", "judgment")
EXPERTISE = ("basic", "skilled", "specialist")
CUSTOMER_CONTACT = ("none", "indirect", "direct")
DRIVERS = ("cost", "balanced", "expertise")
PRIORITIES = (
    "cost",
    "quality",
    "speed",
    "control",
    "data_security",
    "flexibility",
    "communication",
)
SENSITIVITY = ("public", "internal", "confidential", "regulated")
COVERAGE = ("business_hours", "extended", "24_7")
LOCATIONS = ("any", "onshore", "nearshore", "offshore")
VENDOR_STRATEGIES = ("single", "multi", "no_preference")
OWNERSHIP = ("outsource", "own_subsidiary")
CUSTOMIZATION = ("standard", "custom")
MAX_FTE = 100_000
MAX_NAME = 200
MAX_WEEKS = 520
MAX_BUDGET_IDR = 10**15
PRIORITY_RANGE = (1, 5)
DEFAULT_PRIORITY = 3
# Defaults of the optional answers (questionnaire.md): the wizard starts from these too.
DEFAULTS: dict[str, Any] = {
    "organisation.country": "ID",
    "organisation.size": "sme",
    "scale.fte": 10,
    "scale.seasonal_peaks": False,
    "constraints.data_sensitivity": "internal",
    "constraints.languages": ("id",),  # for a client in Indonesia; see default_languages
    "constraints.coverage": "business_hours",
    "constraints.location": "any",
    "constraints.monthly_budget_idr": None,
    "constraints.start_within_weeks": None,
    "constraints.vendor_strategy": "no_preference",
    "constraints.ownership": "outsource",
    "constraints.customization": "standard",
    "constraints.remote_delivery_ok": True,
    "constraints.required_certifications": (),
}


@dataclass(frozen=True)
class Taxonomy:
    """The reference data answers are checked against (slugs from taxonomy.md)."""

    service_functions: dict[str, str]  # service slug -> function slug
    industries: frozenset[str]
    certifications: frozenset[str]
    languages: frozenset[str]
    countries: frozenset[str]
    # function slug -> family (codes.Family); a function missing here, or with a family the
    # engine does not know, is treated as business process work and the result says so.
    function_families: Mapping[str, str] = field(default_factory=dict)
    function_order: tuple[str, ...] = ()  # function slugs in display order
    # Names in each interface language, by (kind, slug): kinds "service", "function",
    # "language", "country", "industry". Sentences use them instead of raw codes.
    names: Mapping[tuple[str, str], Name] = field(default_factory=dict)

    def name(self, kind: str, slug: str) -> Name:
        found = self.names.get((kind, slug))
        if found is not None:
            return found
        readable = slug.replace("_", " ") if kind != "country" else slug
        return Name((("en", readable),))

    def family(self, service: str) -> str:
        return self.function_families.get(self.service_functions.get(service, ""), "")

    def is_knowledge(self, service: str) -> bool:
        return self.family(service) == "kpo"


@dataclass(frozen=True)
class Organisation:
    name: str
    country: str
    industry: str
    size: str


@dataclass(frozen=True)
class Work:
    process_definition: str
    expertise: str
    customer_contact: str
    core_to_business: bool
    driver: str


@dataclass(frozen=True)
class Scale:
    fte: int
    seasonal_peaks: bool
    # How many of the client's own staff do this work today (None: not said; 0: new work).
    current_staff: int | None = None


@dataclass(frozen=True)
class Constraints:
    data_sensitivity: str
    languages: tuple[str, ...]
    coverage: str
    location: str
    monthly_budget_idr: int | None
    start_within_weeks: int | None
    vendor_strategy: str
    ownership: str
    customization: str
    remote_delivery_ok: bool
    required_certifications: tuple[str, ...]
    # The budget as the client stated it in another currency, with the rate it was converted
    # at (currency, amount, rate_idr, rate_date); None when stated in rupiah.
    budget_stated: dict | None = field(default=None, hash=False)


@dataclass(frozen=True)
class Regulation:
    sector: str = "none"
    personal_data: tuple[str, ...] = ()  # categories; empty: no personal data
    data_abroad_ok: bool | None = None  # may the data be processed outside Indonesia
    staff_transfer: bool | None = None  # do the client's own staff move to the vendor
    pricing: str | None = None
    contract_months: int | None = None
    exit_plan: bool = False  # the client needs an exit and transition plan


@dataclass(frozen=True)
class Answers:
    organisation: Organisation
    services: tuple[str, ...]
    work: Work
    scale: Scale
    priorities: dict[str, int] = field(hash=False)
    constraints: Constraints
    # Criterion -> 0-10, replacing the weights derived from the priorities (questionnaire.md,
    # "Decision workspace"); empty when the buyer set none.
    criteria_weights: dict[str, int] = field(default_factory=dict, hash=False)
    # The regulation questions; None when not answered (older answers, a short API call).
    regulation: Regulation | None = None

    def to_data(self) -> dict[str, Any]:
        """The canonical answers JSON, defaults filled in (no criteria_weights unless set)."""
        data = {"schema_version": SCHEMA_VERSION, **_json_ready(asdict(self))}
        if not self.criteria_weights:
            del data["criteria_weights"]
        if self.regulation is None:
            del data["regulation"]
        if data["constraints"]["budget_stated"] is None:
            del data["constraints"]["budget_stated"]
        return data


def _json_ready(value: Any) -> Any:
    """Tuples become lists, so the data equals what a JSON round trip gives back."""
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_json_ready(item) for item in value]
    return value


class AnswerErrors(Exception):
    """Every bad field, by dotted path, each with one or more translatable messages."""

    def __init__(self, errors: dict[str, list[Text]]):
        super().__init__(", ".join(sorted(errors)))
        self.errors = errors

    def render(self, translate) -> dict[str, list[str]]:
        return {path: [m.render(translate) for m in msgs] for path, msgs in self.errors.items()}


_MISSING = object()


class _Reader:
    """Reads one nested object, recording errors instead of raising."""

    def __init__(self, errors: dict[str, list[Text]]):
        self.errors = errors

    def add(self, path: str, message: Text) -> None:
        self.errors.setdefault(path, []).append(message)

    def section(self, data: dict, key: str, allowed: tuple[str, ...], required: bool) -> dict:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.add(key, _("This field is required."))
            return {}
        if not isinstance(value, dict):
            self.add(key, _("Must be an object."))
            return {}
        for unknown in sorted(set(value) - set(allowed)):
            self.add(f"{key}.{unknown}", _("Unknown field."))
        return value

    def choice(self, data, path, choices, default=_MISSING):
        value = data.get(path.rsplit(".", 1)[-1], _MISSING)
        if value is _MISSING or value is None:
            if default is _MISSING:
                self.add(path, _("This field is required."))
                return None
            return default
        if not isinstance(value, str) or value not in choices:
            self.add(
                path,
                _(
                    "'%(value)s' is not one of: %(choices)s.",
                    value=_short(value),
                    choices=", ".join(choices),
                ),
            )
            return None
        return value

    def boolean(self, data, path, default=_MISSING):
        value = data.get(path.rsplit(".", 1)[-1], _MISSING)
        if value is _MISSING or value is None:
            if default is _MISSING:
                self.add(path, _("This field is required."))
                return None
            return default
        if not isinstance(value, bool):
            self.add(path, _("Must be true or false."))
            return None
        return value

    def integer(self, data, path, low, high, default=_MISSING, nullable=False):
        value = data.get(path.rsplit(".", 1)[-1], _MISSING)
        if value is _MISSING or (value is None and not nullable):
            if default is _MISSING:
                self.add(path, _("This field is required."))
                return None
            return default
        if value is None:
            return None
        value = _whole(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(path, _("Must be a whole number."))
            return None
        if not low <= value <= high:
            self.add(path, _("Must be between %(low)s and %(high)s.", low=low, high=high))
            return None
        return value

    def slugs(self, data, path, known, kind: Text, default=_MISSING, required=False):
        value = data.get(path.rsplit(".", 1)[-1], _MISSING)
        if value is _MISSING or value is None:
            if default is _MISSING:
                self.add(path, _("This field is required."))
                return None
            return default
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(path, _("Must be a list of codes."))
            return None
        unknown = [v for v in value if v not in known]
        for slug in unknown:
            self.add(path, _("unknown %(kind)s '%(slug)s'", kind=kind, slug=_short(slug)))
        if unknown:
            return None
        if required and not value:
            self.add(path, _("Choose at least one."))
            return None
        return tuple(dict.fromkeys(value))  # de-duplicated, order kept


def _whole(value: Any) -> Any:
    """3.0 is the whole number 3 (JSON, and JSON Schema's "integer", do not tell them apart)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _clean_text(text: str) -> bool:
    """No NUL and no lone surrogate (neither can be stored by every database)."""
    return "\x00" not in text and not any("\ud800" <= ch <= "\udfff" for ch in text)


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


TOP_KEYS = (
    "schema_version",
    "organisation",
    "services",
    "work",
    "scale",
    "priorities",
    "constraints",
    "criteria_weights",
    "regulation",
)
# The regulation questions (optional; questionnaire reference, "Regulation"): what decides
# which Indonesian rules apply (engine/compliance.py).
# The choices are the regulation vocabulary's (bpo_advisor/regulation.py), shared with the
# catalog's compliance rules.
SECTORS = regulation.SECTORS
PERSONAL_DATA = regulation.PERSONAL_DATA
PRICING = regulation.PRICING
REGULATION_KEYS = (
    "sector",
    "personal_data",
    "data_abroad_ok",
    "staff_transfer",
    "pricing",
    "contract_months",
    "exit_plan",
)
MAX_CONTRACT_MONTHS = 240
# The criteria a buyer may weigh (the keys of a vendor's ``criteria``; codes.Criterion).
CRITERIA = (
    "services",
    "industry",
    "location",
    "coverage",
    "security",
    "language",
    "work_system",
    "customization",
    "size",
    "price",
)
CRITERION_WEIGHT_RANGE = (0, 10)
ORG_KEYS = ("name", "country", "industry", "size")
WORK_KEYS = ("process_definition", "expertise", "customer_contact", "core_to_business", "driver")
SCALE_KEYS = ("fte", "seasonal_peaks", "current_staff")
CONSTRAINT_KEYS = (
    "data_sensitivity",
    "languages",
    "coverage",
    "location",
    "monthly_budget_idr",
    "start_within_weeks",
    "vendor_strategy",
    "ownership",
    "customization",
    "remote_delivery_ok",
    "required_certifications",
    "budget_stated",
)


def parse_answers(data: Any, taxonomy: Taxonomy) -> Answers:
    errors: dict[str, list[Text]] = {}
    r = _Reader(errors)
    if not isinstance(data, dict):
        raise AnswerErrors({"answers": [_("The answers must be a JSON object.")]})
    for unknown in sorted(set(data) - set(TOP_KEYS)):
        r.add(unknown, _("Unknown field."))
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION or isinstance(version, bool):
        r.add("schema_version", _("Only schema version 1 is supported."))

    org = r.section(data, "organisation", ORG_KEYS, required=True)
    name = org.get("name", "")
    if name is None:
        name = ""
    if not isinstance(name, str):
        r.add("organisation.name", _("Must be text."))
        name = ""
    elif not _clean_text(name):
        r.add("organisation.name", _("Contains characters that are not text."))
        name = ""
    elif len(name.strip()) > MAX_NAME:
        r.add("organisation.name", _("At most %(n)s characters.", n=MAX_NAME))
    country = org.get("country", DEFAULTS["organisation.country"])
    if country is None:
        country = DEFAULTS["organisation.country"]
    if not isinstance(country, str) or country.upper() not in taxonomy.countries:
        r.add(
            "organisation.country",
            _("'%(value)s' is not an ISO 3166-1 country code.", value=_short(country)),
        )
        country = DEFAULTS["organisation.country"]
    industry = r.choice(org, "organisation.industry", tuple(sorted(taxonomy.industries)))
    size = r.choice(org, "organisation.size", SIZES, default=DEFAULTS["organisation.size"])

    services = r.slugs(data, "services", taxonomy.service_functions, _("service"), required=True)

    work = r.section(data, "work", WORK_KEYS, required=True)
    process_definition = r.choice(work, "work.process_definition", PROCESS_DEFINITIONS)
    expertise = r.choice(work, "work.expertise", EXPERTISE)
    customer_contact = r.choice(work, "work.customer_contact", CUSTOMER_CONTACT)
    core = r.boolean(work, "work.core_to_business")
    driver = r.choice(work, "work.driver", DRIVERS)

    scale = r.section(data, "scale", SCALE_KEYS, required=False)
    fte = r.integer(scale, "scale.fte", 1, MAX_FTE, default=DEFAULTS["scale.fte"])
    peaks = r.boolean(scale, "scale.seasonal_peaks", default=DEFAULTS["scale.seasonal_peaks"])
    current_staff = r.integer(scale, "scale.current_staff", 0, MAX_FTE, default=None, nullable=True)

    prio = r.section(data, "priorities", PRIORITIES, required=False)
    priorities = {
        key: r.integer(prio, f"priorities.{key}", *PRIORITY_RANGE, default=DEFAULT_PRIORITY)
        for key in PRIORITIES
    }

    con = r.section(data, "constraints", CONSTRAINT_KEYS, required=False)
    d = DEFAULTS
    constraints = Constraints(
        data_sensitivity=r.choice(
            con, "constraints.data_sensitivity", SENSITIVITY, d["constraints.data_sensitivity"]
        ),
        languages=r.slugs(
            con,
            "constraints.languages",
            taxonomy.languages,
            _("language"),
            # A client abroad does not default to Indonesian: its own country's language.
            default=places.default_languages(country.upper(), taxonomy.languages),
        ),
        coverage=r.choice(con, "constraints.coverage", COVERAGE, d["constraints.coverage"]),
        location=r.choice(con, "constraints.location", LOCATIONS, d["constraints.location"]),
        monthly_budget_idr=r.integer(
            con, "constraints.monthly_budget_idr", 1, MAX_BUDGET_IDR, default=None, nullable=True
        ),
        start_within_weeks=r.integer(
            con, "constraints.start_within_weeks", 0, MAX_WEEKS, default=None, nullable=True
        ),
        vendor_strategy=r.choice(
            con, "constraints.vendor_strategy", VENDOR_STRATEGIES, d["constraints.vendor_strategy"]
        ),
        ownership=r.choice(con, "constraints.ownership", OWNERSHIP, d["constraints.ownership"]),
        customization=r.choice(
            con, "constraints.customization", CUSTOMIZATION, d["constraints.customization"]
        ),
        remote_delivery_ok=r.boolean(
            con, "constraints.remote_delivery_ok", default=d["constraints.remote_delivery_ok"]
        ),
        required_certifications=r.slugs(
            con,
            "constraints.required_certifications",
            taxonomy.certifications,
            _("certification"),
            default=d["constraints.required_certifications"],
        ),
        budget_stated=_budget_stated(con, r),
    )
    criteria_weights = _criteria_weights(data, r)
    regulation = _regulation(data, r)
    if errors:
        raise AnswerErrors(errors)
    return Answers(
        organisation=Organisation(name.strip(), country.upper(), industry, size),
        services=services,
        work=Work(process_definition, expertise, customer_contact, core, driver),
        scale=Scale(fte, peaks, current_staff),
        priorities=priorities,
        constraints=constraints,
        criteria_weights=criteria_weights,
        regulation=regulation,
    )


def _regulation(data: dict, r: _Reader) -> Regulation | None:
    if data.get("regulation") is None:
        return None
    reg = r.section(data, "regulation", REGULATION_KEYS, required=False)
    categories = reg.get("personal_data", [])
    if categories is None:
        categories = []
    if not isinstance(categories, list) or any(c not in PERSONAL_DATA for c in categories):
        r.add(
            "regulation.personal_data",
            _("A list of: %(choices)s.", choices=", ".join(PERSONAL_DATA)),
        )
        categories = []
    return Regulation(
        sector=r.choice(reg, "regulation.sector", SECTORS, "none"),
        personal_data=tuple(sorted(set(categories), key=PERSONAL_DATA.index)),
        data_abroad_ok=r.boolean(reg, "regulation.data_abroad_ok", default=None),
        staff_transfer=r.boolean(reg, "regulation.staff_transfer", default=None),
        pricing=r.choice(reg, "regulation.pricing", PRICING, None),
        contract_months=r.integer(
            reg, "regulation.contract_months", 1, MAX_CONTRACT_MONTHS, default=None, nullable=True
        ),
        exit_plan=r.boolean(reg, "regulation.exit_plan", default=False),
    )


STATED_KEYS = ("currency", "amount", "rate_idr", "rate_date")


def _budget_stated(con: dict, r: _Reader) -> dict | None:
    value = con.get("budget_stated")
    if value is None:
        return None
    path = "constraints.budget_stated"
    if not isinstance(value, dict) or set(value) != set(STATED_KEYS):
        r.add(path, _("Must be an object with currency, amount, rate_idr and rate_date."))
        return None
    currency, amount = value["currency"], _whole(value["amount"])
    rate, day = value["rate_idr"], value["rate_date"]
    if not (isinstance(currency, str) and re.fullmatch(r"[A-Z]{3}", currency)):
        r.add(f"{path}.currency", _("A three-letter currency code, e.g. USD."))
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
        r.add(f"{path}.amount", _("Must be a whole number of at least 1."))
    if isinstance(rate, bool) or not isinstance(rate, int | float) or rate <= 0:
        r.add(f"{path}.rate_idr", _("Must be a positive number of rupiah."))
    try:
        date.fromisoformat(day)
    except (TypeError, ValueError):
        r.add(f"{path}.rate_date", _("Must be a date, year-month-day."))
    return {**value, "amount": amount}


def _criteria_weights(data: dict, r: _Reader) -> dict[str, int]:
    given = r.section(data, "criteria_weights", CRITERIA, required=False)
    low, high = CRITERION_WEIGHT_RANGE
    weights = {
        key: r.integer(given, f"criteria_weights.{key}", low, high)
        for key in CRITERIA
        if key in given
    }
    if weights and all(value == 0 for value in weights.values()):
        r.add("criteria_weights", _("At least one criterion needs a weight above 0."))
    return {k: v for k, v in weights.items() if v is not None}
