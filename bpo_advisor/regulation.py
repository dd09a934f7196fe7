"""The regulation vocabulary, defined once: the choices of the questionnaire's optional
regulation answers (assessment/engine/answers.py), the conditions a compliance rule may name
(catalog.ComplianceRule, checked when a curator saves one) and the roadmap stage a rule's
action belongs to. Plain Python: the engine and the catalog both read it, and neither
imports the other (README, "Regulation-aware advice").

Every condition key is optional and all present keys must hold:

- ``sector_in``: the buyer's supervision is one of ``SECTORS``;
- ``personal_data``: true when the work involves any personal data, false when none;
- ``specific_data``: true when it involves specific (sensitive) personal data;
- ``data_abroad``: the buyer's answer to "may the data be processed outside Indonesia";
- ``client_abroad``: true for a buyer outside Indonesia;
- ``staff_transfer``: the answer to "do existing staff move to the vendor";
- ``exit_plan``: the answer to "do you need an exit and transition plan";
- ``location_in``: the recommended delivery location is one of ``LOCATIONS``;
- ``pricing_in``: the preferred pricing is one of ``PRICING``.
"""

from __future__ import annotations

SECTORS = ("none", "bank", "financial_other", "health", "public")
PERSONAL_DATA = ("general", "health", "financial", "biometric", "children")
# Specific personal data (UU 27/2022, Article 4): the categories above other than general.
SPECIFIC_DATA = ("health", "financial", "biometric", "children")
PRICING = ("per_fte", "per_transaction", "outcome")
LOCATIONS = ("onshore", "nearshore", "offshore")
# The five stages of the roadmap (the engine's codes.Stage, in order; a test keeps them equal).
STAGES = (
    "needs_analysis",
    "vendor_selection",
    "transition",
    "relationship_management",
    "performance_evaluation",
)
KINDS = ("must_have", "clause", "action", "counsel")
# Where a rule shows in the roadmap when its curator names no stage: a must-have and a
# clause are settled while choosing the vendor and writing the contract; an action and a
# question for counsel before the choice.
DEFAULT_STAGE = {
    "must_have": "vendor_selection",
    "clause": "vendor_selection",
    "action": "needs_analysis",
    "counsel": "needs_analysis",
}

LISTS = {"sector_in": SECTORS, "location_in": LOCATIONS, "pricing_in": PRICING}
FLAGS = (
    "personal_data",
    "specific_data",
    "data_abroad",
    "client_abroad",
    "staff_transfer",
    "exit_plan",
)
CONDITION_KEYS = (*LISTS, *FLAGS)


def condition_errors(conditions) -> list[str]:
    """What is wrong with a rule's conditions, one sentence per key; empty when valid."""
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
