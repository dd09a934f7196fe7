"""Wage floors: the least a full-time person can cost where the work is delivered.

A budget below what the staff cost at the legal minimum wage cannot buy the work, however
good the vendor; a vendor's fee comes on top. Data with source and year; a delivery country
without a row here is unknown, and the advice says so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Floor:
    region: str  # code used in sentences (labels in presentation: province names)
    monthly_idr: int
    year: int
    source: str


# Indonesia: provincial minimum wages (UMP) for 2026, set by each governor's decree by
# 24 December 2025 under PP No. 49 of 2025 on wages, in force from 1 January 2026.
# Jakarta is the highest in the country and where many contact centres sit; West Java the
# lowest. Regency and city minimums (UMK) can be higher than the province's.
UMP_SOURCE = (
    "UMP 2026 by governor's decree under PP 49/2025; figures as reported by Okezone "
    "(26 December 2025) and IDN Times / Bola.com (December 2025)"
)
INDONESIA_FLOORS: tuple[Floor, ...] = (
    Floor("ID-JK", 5_729_876, 2026, UMP_SOURCE),  # DKI Jakarta
    Floor("ID-JI", 2_446_880, 2026, UMP_SOURCE),  # Jawa Timur
    Floor("ID-YO", 2_417_495, 2026, UMP_SOURCE),  # DI Yogyakarta
    Floor("ID-JT", 2_327_386, 2026, UMP_SOURCE),  # Jawa Tengah
    Floor("ID-JB", 2_317_601, 2026, UMP_SOURCE),  # Jawa Barat, the lowest UMP for 2026
)
WAGE_FLOORS: dict[str, tuple[Floor, ...]] = {"ID": INDONESIA_FLOORS}

# What an Indonesian employer pays on top of the wage, as a share of it: BPJS
# Ketenagakerjaan (old-age savings JHT 3.7%, pension JP 2%, work accident JKK 0.24% for
# the lowest-risk work, death JKM 0.3%), BPJS Kesehatan 4% (employer's share), and the
# religious holiday allowance (THR) of one month's wage a year, 1/12 a month.
ONCOSTS_SOURCE = (
    "BPJS Ketenagakerjaan contribution rates (JHT 3.7%, JP 2%, JKK 0.24-1.74%, JKM 0.3% "
    "paid by the employer); BPJS Kesehatan employer share 4%; THR one month's wage "
    "(Permenaker 6/2016)"
)
ONCOSTS: dict[str, float] = {"ID": 0.037 + 0.02 + 0.0024 + 0.003 + 0.04 + 1 / 12}


def cost_per_person(floor: Floor, country: str) -> int:
    """The monthly cost of one full-time person paid the floor, employer costs included."""
    return round(floor.monthly_idr * (1 + ONCOSTS.get(country, 0.0)))


@dataclass(frozen=True)
class BudgetCheck:
    country: str
    per_person_budget: int
    highest: Floor  # the dearest floor on file (Jakarta for Indonesia)
    lowest: Floor
    staff_at_highest: int  # how many full-time staff the budget pays at that floor
    staff_at_lowest: int
    below_highest: bool
    below_lowest: bool


def check_budget(budget_idr: int, fte: int, country: str) -> BudgetCheck | None:
    """The monthly budget against the wage floor of ``country``; None when not on file."""
    floors = WAGE_FLOORS.get(country)
    if not floors:
        return None
    highest = max(floors, key=lambda f: f.monthly_idr)
    lowest = min(floors, key=lambda f: f.monthly_idr)
    at_highest = budget_idr // cost_per_person(highest, country)
    at_lowest = budget_idr // cost_per_person(lowest, country)
    return BudgetCheck(
        country=country,
        per_person_budget=budget_idr // fte,
        highest=highest,
        lowest=lowest,
        staff_at_highest=at_highest,
        staff_at_lowest=at_lowest,
        below_highest=at_highest < fte,
        below_lowest=at_lowest < fte,
    )
