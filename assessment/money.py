"""Foreign currencies for the questionnaire's budget (amounts in rupiah are read by
bpo_advisor/rupiah.py, re-exported here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bpo_advisor.rupiah import MoneyError, parse_rupiah

__all__ = ["RATES", "MoneyError", "Rate", "parse_rupiah", "to_rupiah"]


# -- Foreign currencies: a client abroad may state its budget in its own currency; it is
# converted to rupiah at a dated rate kept here, and the result says which rate and date.
# Only rates we could check against a published source are listed.
@dataclass(frozen=True)
class Rate:
    code: str
    idr: int  # rupiah per unit
    on: date
    source: str


RATES: dict[str, Rate] = {
    "USD": Rate(
        "USD",
        16_693,
        date(2025, 12, 16),
        "Bank Indonesia JISDOR, 16 December 2025 (as reported by IDN Times)",
    ),
}


def to_rupiah(amount: int, currency: str) -> int:
    if currency == "IDR":
        return amount
    return amount * RATES[currency].idr
