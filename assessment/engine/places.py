"""Where work can be delivered from: labour-cost tiers, languages and neighbours by country.

Data, each table with its origin. Location is always relative to the client (taxonomy.md):
a delivery country is onshore when it is the client's own, nearshore when it is a neighbour,
offshore otherwise. What a table does not list is unknown, and the advice says so rather
than guess.
"""

from __future__ import annotations

from functools import lru_cache

# -- Labour-cost tier: the World Bank's income group of the country (GNI per capita, Atlas
# method), fiscal year 2026 classification, published 1 July 2025. In that update the
# Philippines, Vietnam and Sri Lanka moved from lower-middle to upper-middle income.
# 0 low, 1 lower-middle, 2 upper-middle, 3 high. A proxy for wage levels: the group moves
# with average income, and wages with it.
COST_TIER_SOURCE = (
    "World Bank country classifications by income level, FY2026 (1 July 2025), "
    "https://datahelpdesk.worldbank.org/knowledgebase/articles/906519"
)
LOW, LOWER_MIDDLE, UPPER_MIDDLE, HIGH = 0, 1, 2, 3
COST_TIER: dict[str, int] = {
    # South-East Asia
    "ID": UPPER_MIDDLE,
    "MY": UPPER_MIDDLE,
    "TH": UPPER_MIDDLE,
    "PH": UPPER_MIDDLE,
    "VN": UPPER_MIDDLE,
    "SG": HIGH,
    "BN": HIGH,
    "KH": LOWER_MIDDLE,
    "LA": LOWER_MIDDLE,
    "MM": LOWER_MIDDLE,
    "TL": LOWER_MIDDLE,
    # South Asia
    "IN": LOWER_MIDDLE,
    "BD": LOWER_MIDDLE,
    "PK": LOWER_MIDDLE,
    "NP": LOWER_MIDDLE,
    "LK": UPPER_MIDDLE,
    # East Asia and the Pacific
    "CN": UPPER_MIDDLE,
    "JP": HIGH,
    "KR": HIGH,
    "TW": HIGH,
    "HK": HIGH,
    "AU": HIGH,
    "NZ": HIGH,
    "PG": LOWER_MIDDLE,
    # Europe and North America
    "DE": HIGH,
    "NL": HIGH,
    "GB": HIGH,
    "FR": HIGH,
    "IE": HIGH,
    "BE": HIGH,
    "AT": HIGH,
    "CH": HIGH,
    "DK": HIGH,
    "LU": HIGH,
    "PL": HIGH,
    "CZ": HIGH,
    "US": HIGH,
    "CA": HIGH,
    "MX": UPPER_MIDDLE,
    # Middle East
    "AE": HIGH,
    "SA": HIGH,
}
# A cheaper delivery country is worth the distance when the wage gap is wide (our judgment):
# from a high-income country to any lower group, or across two groups or more. Between
# neighbouring middle-income groups the saving is small next to what distance adds
# (S2's hidden costs of transition and communication).


def cost_gap(client: str, delivery: str) -> int:
    """How many income groups cheaper ``delivery`` is than ``client`` (0 when unknown)."""
    if client not in COST_TIER or delivery not in COST_TIER:
        return 0
    return max(0, COST_TIER[client] - COST_TIER[delivery])


def worth_moving_for_cost(client: str, delivery: str) -> bool:
    gap = cost_gap(client, delivery)
    return gap >= 2 or (gap >= 1 and COST_TIER.get(client) == HIGH)


# -- Languages a country's workforce works in: its official or national languages, as its
# constitution or language law names them, among the catalog's language codes (taxonomy.md).
# English, the working language of outsourcing hubs worldwide, is listed only where it is
# official: it never decides a location on its own (see ``location_languages``).
LANGUAGES_SOURCE = (
    "Official and national languages: Indonesia (UUD 1945, art. 36), Malaysia (Federal "
    "Constitution, art. 152), Singapore (Constitution, art. 153A), the Philippines "
    "(Constitution 1987, art. XIV), China and Taiwan (standard Mandarin), Japan and Korea "
    "(the national language in law and practice), English-speaking countries (English)."
)
COUNTRY_LANGUAGES: dict[str, frozenset[str]] = {
    "ID": frozenset({"id", "jv"}),
    "MY": frozenset({"ms", "en"}),
    "SG": frozenset({"en", "ms", "zh"}),
    "BN": frozenset({"ms"}),
    "PH": frozenset({"en"}),
    "CN": frozenset({"zh"}),
    "TW": frozenset({"zh"}),
    "HK": frozenset({"zh", "en"}),
    "JP": frozenset({"ja"}),
    "KR": frozenset({"ko"}),
    "AU": frozenset({"en"}),
    "NZ": frozenset({"en"}),
    "US": frozenset({"en"}),
    "GB": frozenset({"en"}),
    "IE": frozenset({"en"}),
    "CA": frozenset({"en"}),
    "IN": frozenset({"en"}),
}
# The language that never decides a location (our judgment, above).
LINGUA_FRANCA = "en"


def speaks(country: str, language: str) -> bool | None:
    """Whether the country's workforce works in the language; None when we do not know."""
    known = COUNTRY_LANGUAGES.get(country)
    if known is None:
        return None
    return language in known


def countries_speaking(language: str) -> tuple[str, ...]:
    return tuple(sorted(c for c, langs in COUNTRY_LANGUAGES.items() if language in langs))


# The language a client from each country most likely needs when it names none (our
# judgment: the main language of business there); anywhere else, English.
DEFAULT_LANGUAGE: dict[str, str] = {
    "ID": "id",
    "MY": "ms",
    "BN": "ms",
    "SG": "en",
    "PH": "en",
    "CN": "zh",
    "TW": "zh",
    "HK": "zh",
    "JP": "ja",
    "KR": "ko",
}


def default_languages(country: str, known: frozenset[str]) -> tuple[str, ...]:
    code = DEFAULT_LANGUAGE.get(country, LINGUA_FRANCA)
    if code in known:
        return (code,)
    return (LINGUA_FRANCA,) if LINGUA_FRANCA in known else ()


# -- Neighbours for nearshore: land or short-sea neighbours and close regional partners
# (our reading of a map; S2: nearshore is "in a neighbouring country").
NEIGHBOURS: dict[str, frozenset[str]] = {
    "ID": frozenset({"MY", "SG", "PH", "BN", "TL", "PG", "AU", "TH", "VN"}),
    "MY": frozenset({"ID", "SG", "TH", "BN", "PH", "VN"}),
    "SG": frozenset({"MY", "ID", "TH", "BN", "PH", "VN"}),
    "PH": frozenset({"ID", "MY", "VN", "TW", "BN", "SG"}),
    "TH": frozenset({"MY", "KH", "LA", "MM", "VN", "SG", "ID"}),
    "VN": frozenset({"KH", "LA", "CN", "TH", "PH", "MY", "SG", "ID"}),
    "BN": frozenset({"MY", "ID", "SG", "PH"}),
    "TL": frozenset({"ID", "AU"}),
    "PG": frozenset({"ID", "AU"}),
    "AU": frozenset({"NZ", "ID", "PG", "TL"}),
    "NZ": frozenset({"AU"}),
    "KH": frozenset({"TH", "VN", "LA"}),
    "LA": frozenset({"TH", "VN", "KH", "MM", "CN"}),
    "MM": frozenset({"TH", "LA", "IN", "BD", "CN"}),
    "IN": frozenset({"BD", "NP", "LK", "PK", "MM", "BT"}),
    "CN": frozenset({"HK", "TW", "VN", "LA", "MM", "KR", "MN"}),
    "JP": frozenset({"KR", "TW"}),
    "KR": frozenset({"JP", "CN"}),
    "DE": frozenset({"AT", "CH", "FR", "NL", "BE", "PL", "CZ", "DK", "LU"}),
    "NL": frozenset({"DE", "BE"}),
    "US": frozenset({"CA", "MX"}),
    "GB": frozenset({"IE", "FR", "NL", "BE"}),
}


@lru_cache(maxsize=256)
def neighbours(country: str) -> frozenset[str]:
    direct = NEIGHBOURS.get(country, frozenset())
    reverse = frozenset(c for c, near in NEIGHBOURS.items() if country in near)
    return direct | reverse


def relation(client: str, delivery: str) -> str:
    """onshore, nearshore or offshore: where ``delivery`` lies for a client in ``client``."""
    if delivery == client:
        return "onshore"
    if delivery in neighbours(client):
        return "nearshore"
    return "offshore"
