"""The vocabulary of a compliance rule's conditions, checked when a curator saves one.

Every key is optional and all present keys must hold (README, "Regulation-aware advice"):

- ``sector_in``: the buyer's supervision is one of these (none, bank, financial_other,
  health, public);
- ``personal_data``: true when the work involves any personal data, false when none;
- ``specific_data``: true when it involves specific (sensitive) personal data;
- ``data_abroad``: the buyer's answer to "may the data be processed outside Indonesia";
- ``client_abroad``: true for a buyer outside Indonesia;
- ``staff_transfer``: the answer to "do existing staff move to the vendor";
- ``location_in``: the recommended delivery location is one of these (onshore, nearshore,
  offshore);
- ``pricing_in``: the preferred pricing is one of these (per_fte, per_transaction,
  outcome).
"""

from __future__ import annotations

SECTORS = ("none", "bank", "financial_other", "health", "public")
PERSONAL_DATA = ("general", "health", "financial", "biometric", "children")
SPECIFIC_DATA = ("health", "financial", "biometric", "children")
PRICING = ("per_fte", "per_transaction", "outcome")
LOCATIONS = ("onshore", "nearshore", "offshore")
LISTS = {"sector_in": SECTORS, "location_in": LOCATIONS, "pricing_in": PRICING}
FLAGS = ("personal_data", "specific_data", "data_abroad", "client_abroad", "staff_transfer")


def condition_errors(conditions) -> list[str]:
    if not isinstance(conditions, dict):
        return ["The conditions must be a JSON object."]
    problems = []
    for key, value in conditions.items():
        if key in LISTS:
            if not isinstance(value, list) or not value or set(value) - set(LISTS[key]):
                problems.append(f"{key}: a list of {', '.join(LISTS[key])}.")
        elif key in FLAGS:
            if not isinstance(value, bool):
                problems.append(f"{key}: true or false.")
        else:
            problems.append(f"{key}: not a condition the advisor knows.")
    return problems
