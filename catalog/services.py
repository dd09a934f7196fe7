"""The catalog's one write path, and the version every write bumps.

Writes come from the admin's forms, its actions, the import, ``seed_demo``, fixtures and the
start-up seeding. Admin forms, imports and fixtures save model instances, so the signal
handlers in ``catalog/signals.py`` catch them; everything that writes in bulk
(``queryset.update``, ``bulk_create``) lives here and bumps the version itself. Either way
``catalog_version()`` changes after any change a ranking could see, which is what a cached
catalog snapshot checks.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from .models import (
    CatalogState,
    Certification,
    Coverage,
    Dimension,
    Industry,
    Language,
    Service,
    ServiceCategory,
    SizeBand,
    Vendor,
)

_state = threading.local()


def catalog_version() -> int:
    """The catalog's current version: one indexed read."""
    return CatalogState.objects.filter(pk=1).values_list("version", flat=True).first() or 0


def catalog_stamp() -> tuple[int, object]:
    """The version and the time of the last change: one indexed read. Equal stamps mean the
    same catalog, even across a rolled-back transaction or a restored backup."""
    row = CatalogState.objects.filter(pk=1).values_list("version", "changed_at").first()
    return row or (0, None)


def catalog_version_bump() -> None:
    """Count one change. Inside ``catalog_changes()`` the count waits for the block's end."""
    if getattr(_state, "depth", 0):
        _state.dirty = True
        return
    _bump()


def _bump() -> None:
    now = timezone.now()
    if CatalogState.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
        return
    try:
        with transaction.atomic():
            CatalogState.objects.create(pk=1, version=1, changed_at=now)
    except IntegrityError:  # another process created it meanwhile
        CatalogState.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now)


@contextmanager
def catalog_changes() -> Iterator[None]:
    """Group many writes into one transaction and one version bump (imports, seeding)."""
    _state.depth = getattr(_state, "depth", 0) + 1
    try:
        with transaction.atomic():
            yield
            if _state.depth == 1 and getattr(_state, "dirty", False):
                _bump()
    finally:
        _state.depth -= 1
        if _state.depth == 0:
            _state.dirty = False


def vendors_touch(vendor_ids) -> None:
    """Mark vendors changed (a relation of theirs changed, which ``auto_now`` cannot see)."""
    Vendor.objects.filter(pk__in=vendor_ids).update(updated_at=timezone.now())
    catalog_version_bump()


def _versions(vendor_ids, comment: str, user=None) -> None:
    """One revision holding the current state of each vendor a bulk write changed."""
    import reversion

    with reversion.create_revision():
        for vendor in Vendor.objects.filter(pk__in=vendor_ids):
            reversion.add_to_revision(vendor)
        reversion.set_comment(comment)
        if user is not None and user.is_authenticated:
            reversion.set_user(user)


def vendors_set_active(*, vendors: QuerySet[Vendor], active: bool, user=None) -> int:
    with catalog_changes():
        ids = list(vendors.values_list("pk", flat=True))
        count = Vendor.objects.filter(pk__in=ids).update(
            is_active=active, updated_at=timezone.now()
        )
        if count:
            catalog_version_bump()
            _versions(ids, f"Admin action: {'activated' if active else 'deactivated'}", user)
    return count


def vendors_mark_verified(*, vendors: QuerySet[Vendor], source: str, on=None, user=None) -> int:
    """Record that the vendors' facts were checked: where (required) and when."""
    if not source.strip():
        raise ValueError("a verification needs its source")
    with catalog_changes():
        day = on or timezone.localdate()
        ids = list(vendors.values_list("pk", flat=True))
        count = Vendor.objects.filter(pk__in=ids).update(
            last_verified_at=day, verification_source=source.strip(), updated_at=timezone.now()
        )
        if count:
            catalog_version_bump()
            _versions(ids, f"Admin action: verified on {day.isoformat()} ({source.strip()})", user)
    return count


# -- seeding ------------------------------------------------------------------------

SYNTHETIC_COUNTRIES = ["ID", "ID", "ID", "MY", "SG", "PH", "TH", "VN", "IN", "AU", "DE", "US"]
SYLLABLES = [
    "nusa",
    "tara",
    "sinar",
    "mitra",
    "karya",
    "data",
    "prima",
    "global",
    "solusi",
    "jaya",
    "cipta",
    "link",
    "nexa",
    "teknik",
    "bina",
    "sentra",
    "arta",
    "laju",
]
SUFFIXES = ["BPO", "Services", "Solutions", "Outsourcing", "Contact", "Digital", "Group"]
BATCH = 1000


def vendors_seed_synthetic(count: int, *, seed: int = 42, clear: bool = False) -> int:
    """Add ``count`` vendors flagged synthetic (benchmarks, load tests), in bulk."""
    rng = random.Random(seed)  # noqa: S311 - plausible test data, not security
    with catalog_changes():
        if clear:
            Vendor.objects.filter(is_synthetic=True).delete()
        relations = {
            "services": ("service_id", list(Service.objects.all()), (1, 5)),
            "industries": ("industry_id", list(Industry.objects.all()), (0, 3)),
            "certifications": ("certification_id", list(Certification.objects.all()), (0, 3)),
            "languages": ("language_id", list(Language.objects.all()), (1, 3)),
            "work_systems": (
                "servicecategory_id",
                list(ServiceCategory.objects.filter(dimension=Dimension.WORK_SYSTEM)),
                (0, 2),
            ),
            "customizations": (
                "servicecategory_id",
                list(ServiceCategory.objects.filter(dimension=Dimension.CUSTOMIZATION)),
                (0, 2),
            ),
        }
        start = Vendor.objects.filter(is_synthetic=True).count()
        made = 0
        while made < count:
            size = min(BATCH, count - made)
            batch = [_synthetic_vendor(rng, start + made + i + 1, seed) for i in range(size)]
            saved = Vendor.objects.bulk_create(batch)
            if saved and saved[0].pk is None:  # backends that do not return primary keys
                saved = list(Vendor.objects.filter(slug__in=[v.slug for v in saved]))
            for name, (column, pool, (low, high)) in relations.items():
                through = getattr(Vendor, name).through
                rows = [
                    through(vendor_id=vendor.pk, **{column: item.pk})
                    for vendor in saved
                    for item in rng.sample(pool, min(len(pool), rng.randint(low, high)))
                ]
                through.objects.bulk_create(rows, batch_size=BATCH)
            made += size
        if count or clear:
            catalog_version_bump()
    return made


def _synthetic_vendor(rng: random.Random, index: int, seed: int) -> Vendor:
    low = rng.randrange(4, 15) * 1_000_000
    verified = rng.random() < 0.6
    stem = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    return Vendor(
        name=f"{stem} {rng.choice(SUFFIXES)} {index}",
        slug=f"synthetic-{seed}-{index}",
        short_description="Synthetic vendor for benchmarks",
        delivery_countries=sorted(set(rng.sample(SYNTHETIC_COUNTRIES, rng.randint(1, 3)))),
        delivery_countries_verified=verified,
        headquarters_country=rng.choice(SYNTHETIC_COUNTRIES) if verified else "",
        industries_verified=verified,
        work_systems_verified=verified,
        customizations_verified=verified,
        certifications_verified=verified,
        languages_verified=verified,
        coverage=rng.choice([c.value for c in Coverage] + [""]),
        size_band=rng.choice([s.value for s in SizeBand] + [""]),
        founded_year=rng.choice([None, rng.randint(1980, 2024)]),
        price_min_idr=low if verified else None,
        price_max_idr=low + rng.randrange(1, 8) * 1_000_000 if verified else None,
        min_contract_months=rng.choice([None, 3, 6, 12, 24]),
        is_synthetic=True,
    )


TAXONOMY_MODELS = {
    "catalog.servicecategory": ServiceCategory,
    "catalog.service": Service,
    "catalog.industry": Industry,
    "catalog.certification": Certification,
    "catalog.language": Language,
}


def _fixture(name: str) -> list[dict]:
    for folder in settings.FIXTURE_DIRS:
        path = Path(folder) / f"{name}.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    raise FileNotFoundError(f"fixture {name}.json not found in FIXTURE_DIRS")


def catalog_seed_starting() -> dict[str, int]:
    """Bring an installation up to the shipped starting catalog without overwriting anything.

    Taxonomy rows are matched by slug: a missing one is created, an existing one (perhaps
    edited by a curator) is left as it is. The starting vendors are added only to a catalog
    with no vendor at all, so a restart never undoes a curator's work.
    Returns how many rows of each kind were created.
    """
    created = {"taxonomy": 0, "vendors": 0, "rules": 0}
    with catalog_changes():
        rows = _fixture("taxonomy")
        by_pk: dict[tuple[str, int], object] = {}
        for row in rows:
            model = TAXONOMY_MODELS[row["model"]]
            fields = dict(row["fields"])
            if model is ServiceCategory:
                parent = fields.pop("parent")
                fields["parent"] = by_pk.get((row["model"], parent)) if parent else None
            if model is Service:
                fields["function"] = by_pk[("catalog.servicecategory", fields["function"])]
            obj, made = model.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
            created["taxonomy"] += made
            by_pk[(row["model"], row["pk"])] = obj
        if not Vendor.objects.exists():
            created["vendors"] = _seed_vendors(by_pk)
        created["rules"] = _seed_rules()
    return created


def _seed_rules() -> int:
    """The shipped compliance rules, by slug: a missing one is added, one a curator edited
    is left as it is."""
    from .models import ComplianceRule

    made = 0
    for row in _fixture("compliance"):
        fields = dict(row["fields"])
        _rule, new = ComplianceRule.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
        made += new
    return made


def _seed_vendors(by_pk: dict) -> int:
    relations = {
        "services": "catalog.service",
        "industries": "catalog.industry",
        "work_systems": "catalog.servicecategory",
        "customizations": "catalog.servicecategory",
        "certifications": "catalog.certification",
        "languages": "catalog.language",
    }
    count = 0
    for row in _fixture("vendors"):
        fields = dict(row["fields"])
        links = {
            name: [by_pk[(model, pk)] for pk in fields.pop(name)]
            for name, model in relations.items()
        }
        vendor = Vendor.objects.create(**fields)
        for name, objects in links.items():
            getattr(vendor, name).set(objects)
        count += 1
    return count


# -- vendors' submissions, evidence and history ---------------------------------------


def submission_create(
    *,
    vendor,
    proposed: dict,
    contact_name: str,
    contact_email: str,
    message: str,
    language: str,
    files: list[dict],
):
    """Store a vendor's proposal and its evidence files, whole or not at all. It changes
    nothing in the public catalog."""
    from django.core.files.base import ContentFile

    from .models import Submission, SubmissionFile

    with transaction.atomic():
        submission = Submission.objects.create(
            vendor=vendor,
            proposed=proposed,
            contact_name=contact_name,
            contact_email=contact_email,
            message=message,
            language=language,
        )
        for item in files:
            upload = item.pop("file")
            upload.seek(0)
            stored = SubmissionFile(
                submission=submission,
                original_name=upload.name[-200:],
                content_type=upload.checked_type,
                size=upload.size,
                **item,
            )
            stored.file.save("evidence", ContentFile(upload.read()), save=False)
            stored.save()
    return submission


def _apply_fact(vendor, fact: str, value) -> None:
    from .models import LIST_FACTS, Fact
    from .submissions import CODES

    if fact == Fact.PRICE:
        vendor.price_min_idr, vendor.price_max_idr = value
    elif fact == Fact.PRICING_MODELS:
        vendor.pricing_models = ",".join(value)
    elif fact in CODES:
        model, filters = CODES[Fact(fact)]
        getattr(vendor, fact).set(model.objects.filter(slug__in=value, **filters))
    else:
        setattr(vendor, fact, value)
    if fact in LIST_FACTS and fact != Fact.SERVICES:
        setattr(vendor, f"{fact}_verified", True)


def _unique_slug(name: str) -> str:
    from django.utils.text import slugify

    base = slugify(name)[:180] or "vendor"
    if base in ("propose",):  # a page of the catalog's own
        base = f"{base}-vendor"
    slug, n = base, 1
    while Vendor.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def submission_accept(submission, facts: list[str], user):
    """Accept some or all of a submission's facts: each becomes verified, with the submission
    as its source and today's date, in one revision of the vendor's history. A new listing
    becomes a vendor (it needs its name and services among the accepted facts)."""
    import reversion

    from .models import Fact, FactCheck, SubmissionStatus

    facts = [f for f in facts if f in submission.proposed]
    if not facts:
        raise ValueError("nothing to accept")
    if submission.status != SubmissionStatus.PENDING:
        raise ValueError("already decided")
    today = timezone.localdate()
    # Shown on the public page: the submission's number, never the sender's address.
    source = f"Vendor submission #{submission.pk}"
    with catalog_changes(), reversion.create_revision():
        vendor = submission.vendor
        if vendor is None:
            if Fact.NAME not in facts or Fact.SERVICES not in facts:
                raise ValueError("a new listing needs its name and services")
            vendor = Vendor(
                name=submission.proposed[Fact.NAME],
                slug=_unique_slug(submission.proposed[Fact.NAME]),
            )
            vendor.save()
            submission.vendor = vendor
        from .submissions import CODES

        scalar = [f for f in facts if f not in CODES]
        for fact in scalar:
            _apply_fact(vendor, fact, submission.proposed[fact])
        # The vendor-wide "last verified" stays: only the accepted facts were checked.
        vendor.full_clean(exclude=["slug"])
        vendor.save()
        for fact in facts:
            if fact not in scalar:
                _apply_fact(vendor, fact, submission.proposed[fact])
        vendor.save()  # the verified flags the lists set
        for fact in facts:
            FactCheck.objects.update_or_create(
                vendor=vendor,
                fact=fact,
                defaults={
                    "source": source,
                    "checked_on": today,
                    "submission": submission,
                    "stale": False,
                },
            )
        if Fact.CERTIFICATIONS in facts:
            _evidence_from(submission, vendor, source)
        submission.status = (
            SubmissionStatus.ACCEPTED
            if set(facts) == set(submission.proposed)
            else SubmissionStatus.PARTLY
        )
        submission.accepted_facts = facts
        submission.decided_by = user
        submission.decided_at = timezone.now()
        submission.save()
        reversion.set_user(user)
        reversion.set_comment(f"Accepted submission #{submission.pk}: {', '.join(facts)}")
    _tell_submitter(submission)
    return submission


def _evidence_from(submission, vendor, source: str) -> None:
    from .models import CertificationEvidence

    for item in submission.files.exclude(certification=None):
        CertificationEvidence.objects.create(
            vendor=vendor,
            certification=item.certification,
            number=item.number,
            issuer=item.issuer,
            issued_on=item.issued_on,
            expires_on=item.expires_on,
            scope=item.scope,
            file=item.file.name,
            content_type=item.content_type,
            source=source[:500],
        )


def submission_reject(submission, reason: str, user):
    from .models import SubmissionStatus

    if not reason.strip():
        raise ValueError("a rejection needs its reason")
    if submission.status != SubmissionStatus.PENDING:
        raise ValueError("already decided")
    submission.status = SubmissionStatus.REJECTED
    submission.reason = reason.strip()
    submission.decided_by = user
    submission.decided_at = timezone.now()
    submission.save()
    _tell_submitter(submission)
    return submission


def _tell_submitter(submission) -> None:
    from . import notify

    transaction.on_commit(lambda: notify.outcome(submission))


def evidence_record_expiries(today=None) -> int:
    """Write each newly expired certificate into its vendor's history (source: expiry).
    The advisor stops counting it the day after expiry whether or not this has run."""
    import reversion

    from .models import CertificationEvidence

    day = today or timezone.localdate()
    expired = CertificationEvidence.objects.filter(
        expires_on__lt=day, expiry_recorded_at=None
    ).select_related("vendor", "certification")
    count = 0
    for item in expired:
        with catalog_changes(), reversion.create_revision():
            item.expiry_recorded_at = timezone.now()
            item.save()
            reversion.add_to_revision(item.vendor)
            reversion.set_comment(
                f"Expiry: {item.certification.slug} certificate "
                f"{item.number or ''} expired on {item.expires_on.isoformat()}".replace("  ", " ")
            )
        count += 1
    return count
