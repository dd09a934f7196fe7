"""Benchmarks that print figures (no assertions): the whole submission (catalog read, engine,
save) at 10, 1,010 and 10,010 vendors as a ratio to 10; engine time alone for 1,000 / 10,000
/ 100,000 synthetic vendors; the results page's query count; PDF render times.

    .venv/bin/python bench/run.py

Runs against a throw-away SQLite database in a temporary folder.
"""

from __future__ import annotations

import copy
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="bpo-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bpo_advisor.settings")
os.environ["ALLOWED_HOSTS"] = "testserver,localhost"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from assessment import pdf, services  # noqa: E402
from assessment.engine import VendorRecord, parse_answers, recommend  # noqa: E402
from assessment.examples import example_answers as base_answers  # noqa: E402
from catalog.models import Vendor  # noqa: E402
from catalog.services import catalog_changes, catalog_version_bump  # noqa: E402

COUNTRIES = ("ID", "ID", "ID", "MY", "SG", "PH", "IN", "DE")


def synthetic_records(n: int, services_pool: list[str], seed: int = 7) -> list[VendorRecord]:
    rng = random.Random(seed)
    records = []
    for i in range(n):
        verified = rng.random() < 0.6
        records.append(
            VendorRecord(
                slug=f"s{i}",
                name=f"Synthetic {i:06d}",
                services=frozenset(rng.sample(services_pool, rng.randint(1, 5))),
                delivery_countries=tuple(rng.sample(COUNTRIES, rng.randint(1, 2))),
                delivery_countries_verified=verified,
                certifications=frozenset(
                    rng.sample(["iso_27001", "iso_9001", "soc_2"], rng.randint(0, 2))
                ),
                certifications_verified=verified,
                languages=frozenset(rng.sample(["id", "en", "ms"], rng.randint(1, 2))),
                languages_verified=verified,
                coverage=rng.choice([None, "business_hours", "extended", "24_7"]),
                size_band=rng.choice([None, "small", "medium", "large"]),
                price_min_idr=rng.choice([None, 5_000_000, 8_000_000]),
                price_max_idr=None,
            )
        )
    return records


def set_public(vendors) -> None:
    """Count synthetic vendors as public ones, through the catalog's write path."""
    with catalog_changes():
        vendors.update(is_synthetic=False)
        catalog_version_bump()


def timed(fn, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples)


def main() -> None:
    import logging

    # One log line per request would bury the figures.
    logging.getLogger("bpo_advisor.requests").setLevel(logging.WARNING)
    call_command("migrate", verbosity=0)
    call_command("seed_catalog", verbosity=0)
    taxonomy = services.load_taxonomy()
    answers = parse_answers(base_answers(), taxonomy)
    pool = sorted(taxonomy.service_functions)

    print("Engine: validate + decide + rank + advice (median of runs, pure Python)")
    for n in (1_000, 10_000, 100_000):
        records = synthetic_records(n, pool)
        repeat = 5 if n <= 10_000 else 3
        median, best = timed(lambda r=records: recommend(answers, taxonomy, r), repeat)
        tracemalloc.start()
        recommend(answers, taxonomy, records)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"  {n:>7,} vendors: {median * 1000:8.1f} ms median, {best * 1000:8.1f} ms best,"
            f" peak {peak / 1e6:6.1f} MB extra"
        )

    # Rank acceptability (issue 9 target: 50 shown vendors x 2,000 worlds under 50 ms),
    # with the ranking of the same 50 vendors as the reference taken in this run.
    from assessment.engine import robust

    result = recommend(answers, taxonomy, synthetic_records(1_000, pool))
    shown, weights = result.ranking.vendors, result.ranking.weights
    accept, _best = timed(lambda: robust.acceptability(shown, weights), 7)
    whole, _best = timed(lambda: robust.robustness(shown, weights), 7)
    print(
        f"\nRobustness for {len(shown)} shown vendors x {robust.W.ROBUSTNESS_SAMPLES:,} worlds:"
        f" acceptability {accept * 1000:.1f} ms median, all three analyses {whole * 1000:.1f} ms"
    )

    client = Client()

    def submit():
        response = client.post("/api/assessments/", base_answers(), content_type="application/json")
        assert response.status_code == 201, response.content
        return response.json()["token"]

    print("\nWhole submission: POST /api/assessments/ (catalog read + engine + save), SQLite")
    reference = None
    for extra in (0, 1000, 9000):
        if extra:
            call_command("seed_demo", vendors=extra, seed=extra, verbosity=0)
            set_public(Vendor.objects.filter(is_synthetic=True))
        median, _best = timed(submit, 7)
        reference = reference or median
        print(
            f"  {Vendor.objects.count():>7,} vendors: {median * 1000:7.1f} ms median,"
            f" {median / reference:5.2f}x the 10-vendor submission"
        )
    token = submit()
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/en/assess/r/{token}/")
    print(f"  results page queries: {len(queries)}")

    assessment = services.assessment_create(data=base_answers(), language="en")
    print("\nPDF report (WeasyPrint, median of 3)")
    for count in (10, 50):
        trimmed = copy.deepcopy(assessment)
        trimmed.result["vendors"] = assessment.result["vendors"][:count]
        shown = len(trimmed.result["vendors"])
        median, _best = timed(lambda a=trimmed: pdf.render_pdf(a, "en"), 3)
        print(f"  {shown:>3} vendors: {median:.2f} s")


if __name__ == "__main__":
    main()
