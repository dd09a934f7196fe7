"""The contract's example answers (an Indonesian online shop outsourcing customer care and
order processing): the API reference's example, the benchmark's input and the tests' base."""

from __future__ import annotations

import copy
from typing import Any

_ONLINE_SHOP: dict[str, Any] = {
    "schema_version": 1,
    "organisation": {
        "name": "PT Contoh Niaga",
        "country": "ID",
        "industry": "ecommerce_retail",
        "size": "sme",
    },
    "services": ["customer_service", "order_processing"],
    "work": {
        "process_definition": "predefined",
        "expertise": "basic",
        "customer_contact": "direct",
        "core_to_business": False,
        "driver": "cost",
    },
    "scale": {"fte": 25, "seasonal_peaks": True},
    "priorities": {
        "cost": 5,
        "quality": 3,
        "speed": 4,
        "control": 2,
        "data_security": 3,
        "flexibility": 4,
        "communication": 4,
    },
    "constraints": {
        "data_sensitivity": "internal",
        "languages": ["id"],
        "coverage": "24_7",
        "location": "any",
        "monthly_budget_idr": 250000000,
        "start_within_weeks": 6,
        "vendor_strategy": "no_preference",
        "ownership": "outsource",
        "customization": "standard",
        "remote_delivery_ok": True,
        "required_certifications": [],
    },
}


def example_answers() -> dict[str, Any]:
    """A fresh copy: callers may change it."""
    return copy.deepcopy(_ONLINE_SHOP)
