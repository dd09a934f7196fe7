"""Every weight and threshold of the engine, in one place, with where it comes from.

The sources give directions, not numbers: which way each factor pushes. The numbers below
are ours; they set how hard each push is and are tested through the personas.
"""

from functools import lru_cache

# BPO vs KPO: the six elements of the first source (focus, process, specialisation,
# driving force, activities, client contact). The requested services are the activities
# and the focus, so they weigh the most.
SERVICES_WEIGHT = 3.0  # "activities"/"focus": what the work actually is
PROCESS_WEIGHT = 2.0  # "process": predefined SOPs (BPO) vs business understanding (KPO)
EXPERTISE_WEIGHT = 2.0  # "specialisation": basic skills (BPO) vs specialised knowledge (KPO)
DRIVER_WEIGHT = 1.5  # "driving force": cost and efficiency (BPO) vs knowledge (KPO)
CONTACT_WEIGHT = 1.0  # "client contact": voice/customer processes are BPO's home ground

# Share of requested services that makes a specialisation (LPO, RPO, ITES) the headline.
SPECIALISATION_SHARE = 0.5

# Location: the second source. Onshore eases communication, coordination and local
# compliance; offshore is cheaper but adds time zone, language and culture gaps; nearshore
# balances cost and coordination.
SENSITIVITY_ONSHORE = {"public": 0.0, "internal": 0.5, "confidential": 1.5, "regulated": 3.0}
OFFSHORE_FOR_COST = 0.6  # per point of cost priority above 3
ONSHORE_FOR_COMMUNICATION = 0.5  # per point of communication priority above 3
ONSHORE_FOR_CONTROL = 0.3  # per point of control priority above 3
NO_REMOTE_ONSHORE = 2.0  # vendor staff must be reachable on site
DIRECT_CONTACT_ONSHORE = 0.7  # the client's own customers hear the vendor's staff
KPO_EXPERTISE_OFFSHORE = 1.0  # the first source names India and Eastern Europe for KPO

# Vendor ranking: what the catalog does not know scores this, neither for nor against.
NEUTRAL = 0.5
BASE_CRITERION_WEIGHTS = {
    "services": 3.0,
    "industry": 0.75,
    "location": 1.0,
    "coverage": 0.75,
    "security": 0.5,
    "language": 1.0,
    "work_system": 0.75,
    "customization": 0.5,
    "size": 0.5,
    "price": 0.5,
}
# Each priority point above or below 3 scales the criteria it governs by this fraction.
PRIORITY_STEP = 0.25
PRIORITY_CRITERIA = {
    "cost": ("price",),
    "quality": ("industry", "services"),
    "speed": ("size", "coverage"),
    "control": ("location", "customization"),
    "data_security": ("security",),
    "flexibility": ("work_system", "size"),
    "communication": ("language", "location"),
}
SECURITY_CERTIFICATIONS = frozenset({"iso_27001", "iso_27701", "soc_2", "pci_dss"})
COVERAGE_RANK = {"business_hours": 0, "extended": 1, "24_7": 2}
# Full-time staff a vendor of each size band can reasonably give one client.
SIZE_CAPACITY = {"small": 30, "medium": 300, "large": 3000, "enterprise": 100_000}
SIZE_ORDER = ("small", "medium", "large", "enterprise")

# How many ranked and excluded vendors a result keeps (the counts keep the totals).
MAX_RANKED = 50
MAX_EXCLUDED = 50

# Neighbours for nearshore: land or short-sea neighbours and close regional partners.
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
