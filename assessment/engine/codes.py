"""Every code the engine can put in a result, defined once.

Ranking, advice, the presentation labels, the PDF and the tests all use these names; a code
added here without a label or a due-diligence question fails a test that walks them.
They are ``StrEnum``s, so they compare equal to, and serialise as, their plain strings.
"""

from __future__ import annotations

from enum import StrEnum


class Criterion(StrEnum):
    """The criteria of a vendor's score (keys of ``vendors[].criteria``)."""

    SERVICES = "services"
    INDUSTRY = "industry"
    LOCATION = "location"
    COVERAGE = "coverage"
    SECURITY = "security"
    LANGUAGE = "language"
    WORK_SYSTEM = "work_system"
    CUSTOMIZATION = "customization"
    SIZE = "size"
    PRICE = "price"


class Attribute(StrEnum):
    """Vendor attributes the catalog may not know (``vendors[].unknown``), named after the
    catalog's fields. Each one has a due-diligence question (``advice.QUESTIONS``)."""

    INDUSTRIES = "industries"
    DELIVERY_COUNTRIES = "delivery_countries"
    COVERAGE = "coverage"
    CERTIFICATIONS = "certifications"
    LANGUAGES = "languages"
    WORK_SYSTEMS = "work_systems"
    CUSTOMIZATIONS = "customizations"
    SIZE_BAND = "size_band"
    PRICE = "price"


# Spellings stored by engine 1.0.x, read as today's codes.
LEGACY_ATTRIBUTES = {"customization": Attribute.CUSTOMIZATIONS, "size": Attribute.SIZE_BAND}


def attribute(code: str) -> str:
    """Today's code for an attribute, whichever engine version stored it."""
    return LEGACY_ATTRIBUTES.get(code, code)


class Approach(StrEnum):
    OUTSOURCE = "outsource"
    CAPTIVE = "captive"
    KEEP_IN_HOUSE = "keep_in_house"


class Model(StrEnum):
    BPO = "bpo"
    KPO = "kpo"


class Specialisation(StrEnum):
    LPO = "lpo"
    RPO = "rpo"
    ITES = "ites"


class Family(StrEnum):
    """What family a task function belongs to (taxonomy data: ``ServiceCategory.family``)."""

    BPO = "bpo"
    KPO = "kpo"
    WORKFORCE = "workforce"


class Location(StrEnum):
    ONSHORE = "onshore"
    NEARSHORE = "nearshore"
    OFFSHORE = "offshore"


LOCATIONS = tuple(Location)


class WorkSystem(StrEnum):
    SINGLE_VENDOR = "single_vendor"
    HYBRID = "hybrid"
    CLOUD_BASED = "cloud_based"
    CAPTIVE = "captive"
    MULTI_SOURCING = "multi_sourcing"


class Customization(StrEnum):
    STANDARD = "standard"
    CUSTOMIZED = "customized"


class Risk(StrEnum):
    """The five risks of the second source, in its order."""

    DATA_SECURITY = "data_security"
    LOSS_OF_CONTROL = "loss_of_control"
    COMMUNICATION = "communication"
    HIDDEN_COSTS = "hidden_costs"
    INTERNAL_ADJUSTMENT = "internal_adjustment"


class Level(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


LEVELS = tuple(Level)


class Stage(StrEnum):
    """The five operating stages of the second source, in order."""

    NEEDS_ANALYSIS = "needs_analysis"
    VENDOR_SELECTION = "vendor_selection"
    TRANSITION = "transition"
    RELATIONSHIP_MANAGEMENT = "relationship_management"
    PERFORMANCE_EVALUATION = "performance_evaluation"


class Metric(StrEnum):
    # Engine 1.2 and earlier: one response time for calls, chat and email.
    FIRST_RESPONSE_TIME = "first_response_time"
    SERVICE_LEVEL = "service_level"
    CHAT_RESPONSE_TIME = "chat_response_time"
    EMAIL_RESPONSE_TIME = "email_response_time"
    CONTACT_RATE = "contact_rate"
    CONVERSION_RATE = "conversion_rate"
    RIGHT_PARTY_CONTACT = "right_party_contact"
    PROMISE_TO_PAY = "promise_to_pay"
    RECOVERY_RATE = "recovery_rate"
    PAYROLL_ACCURACY = "payroll_accuracy"
    ON_TIME_PAYMENT = "on_time_payment"
    STATUTORY_FILING = "statutory_filing"
    CLOSE_TIME = "close_time"
    TIME_TO_HIRE = "time_to_hire"
    RETENTION_AFTER_PROBATION = "retention_after_probation"
    FIRST_CONTACT_RESOLUTION = "first_contact_resolution"
    CUSTOMER_SATISFACTION = "customer_satisfaction"
    ACCURACY_RATE = "accuracy_rate"
    TURNAROUND_TIME = "turnaround_time"
    INCIDENT_RESOLUTION_TIME = "incident_resolution_time"
    AVAILABILITY = "availability"
    ON_TIME_DELIVERY = "on_time_delivery"
    QUALITY_ACCEPTANCE = "quality_acceptance"
    FILL_RATE = "fill_rate"
    TIME_TO_FILL = "time_to_fill"
    COST_EFFICIENCY = "cost_efficiency"


class Sourcing(StrEnum):
    """Who runs the work (``recommendation.sourcing``)."""

    SINGLE_VENDOR = "single_vendor"
    MULTI_SOURCING = "multi_sourcing"
    CAPTIVE = "captive"


class Delivery(StrEnum):
    """From sites or remotely (``recommendation.delivery``)."""

    ON_SITE = "on_site"
    CLOUD_BASED = "cloud_based"


class LocationMix(StrEnum):
    """One location or a mix (``recommendation.location_mix``)."""

    SINGLE = "single"
    HYBRID = "hybrid"


class Engagement(StrEnum):
    """What is bought (``recommendation.engagement``): a process the vendor runs, people
    the client directs (workforce provision, not BPO), or both."""

    PROCESS = "process"
    WORKFORCE = "workforce"
    MIXED = "mixed"


class Strength(StrEnum):
    """How well a ranked vendor is known to fit (``vendors[].strength``)."""

    GOOD = "good"
    WEAK = "weak"


class PointsTo(StrEnum):
    """What a reason points to, beyond the codes above (``rationale[].points_to``)."""

    BPO_OR_KPO = "bpo_or_kpo"
    WORKFORCE = "workforce"


class Notice(StrEnum):
    """Sentences the buyer must see (``recommendation.notices[].code``)."""

    NO_ELIGIBLE_VENDOR = "no_eligible_vendor"
    CATALOG_COVERAGE_GAP = "catalog_coverage_gap"
    STAFF_BEYOND_SIZE = "staff_beyond_size"
    START_TOO_SOON = "start_too_soon"
    BUDGET_IMPLAUSIBLE = "budget_implausible"
    PRICES_UNKNOWN = "prices_unknown"
    LOCATION_NOT_IN_CATALOG = "location_not_in_catalog"
    BUDGET_BELOW_WAGE_FLOOR = "budget_below_wage_floor"
    VENDOR_STRATEGY_DEPARTED = "vendor_strategy_departed"
    LOCATION_DEPARTED = "location_departed"
    OWNERSHIP_DEPARTED = "ownership_departed"
    SINGLE_VENDOR_COVERAGE = "single_vendor_coverage"
    FEW_VENDORS_FOR_MULTI = "few_vendors_for_multi"
    WEAK_MATCHES_ONLY = "weak_matches_only"
    LANGUAGES_NOT_COVERED = "languages_not_covered"
