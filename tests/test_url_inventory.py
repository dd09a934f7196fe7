"""Who may reach what: every URL pattern, requested as an anonymous visitor, a catalog curator
and a superuser, against an inventory of the expected answers.

A URL added without an entry here fails `test_every_url_has_an_entry`: deciding who may
reach a new page is part of adding it. Public pages are listed one by one; admin pages follow
from ADMIN_MODELS (what a curator may do with each registered model) and ADMIN_SITE.
"""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone, translation

from assessment import services
from assessment.examples import example_answers
from catalog.models import (
    Certification,
    ComplianceRule,
    Industry,
    Language,
    Service,
    ServiceCategory,
    Vendor,
)

from .factories import make_curator

ROLES = ("anonymous", "curator", "superuser")
LOGIN = 302  # an admin page sends an anonymous visitor to the login page


def same(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


# Public pages and the API: method GET unless a page only takes POST (then GET is a 405).
# `{token}`, `{slug}` and `{step}` are filled with a real result, vendor and step.
PUBLIC = {
    "favicon.ico": same(301),
    "health/": same(200),
    "api/assessments/": same(405),  # POST only (the collection is never listed)
    "api/assessments/{token}/": same(200),
    "api/assessments/{token}/pdf": same(200),
    "api/assessments/{token}/shortlist": same(405),  # PUT only
    "api/vendors/": same(200),  # the public catalog as data
    "api/vendors/{slug}/": same(200),
    "api/taxonomy/": same(200),
    "api/schema/": same(200),  # the OpenAPI description
    "api/docs/": same(302),  # to the reference in the visitor's language
    "id/api/docs/": same(200),
    "id/": same(200),
    "id/catalog/": same(200),
    "id/catalog/{slug}/": same(200),
    "id/catalog/propose/": same(200),  # a vendor proposes a new listing
    "id/catalog/{slug}/update/": same(200),  # ... or changes to its profile
    "id/assess/": same(302),  # to the first step
    "id/assess/r/{token}/": same(200),
    "id/assess/r/{token}/edit/": same(405),  # POST: answers into the session, to the review
    "id/assess/r/{token}/rerun/": same(405),
    "id/assess/r/{token}/delete/": same(200),  # asks to confirm; POST deletes
    "id/assess/r/{token}/weights/": same(405),
    "id/assess/r/{token}/shortlist/": same(405),
    "id/assess/review/": same(302),  # nothing answered yet: back to the first step
    "id/assess/{step}/": same(200),
}

# Admin pages that belong to no model. A curator and a superuser are staff.
ADMIN_SITE = {
    "id/admin/": {"anonymous": LOGIN, "curator": 200, "superuser": 200},
    "id/admin/login/": {"anonymous": 200, "curator": 302, "superuser": 302},
    "id/admin/logout/": {"anonymous": LOGIN, "curator": 405, "superuser": 405},  # POST only
    "id/admin/password_change/": {"anonymous": LOGIN, "curator": 200, "superuser": 200},
    "id/admin/password_change/done/": {"anonymous": LOGIN, "curator": 200, "superuser": 200},
    "id/admin/autocomplete/": {"anonymous": LOGIN, "curator": 403, "superuser": 403},
    "id/admin/jsi18n/": {"anonymous": LOGIN, "curator": 200, "superuser": 200},
    "id/admin/r/{content_type}/{vendor_id}/": {
        "anonymous": LOGIN,
        "curator": 302,  # to the vendor's public page
        "superuser": 302,
    },
    "id/admin/auth/user/{user_id}/password/": {
        "anonymous": LOGIN,
        "curator": 403,
        "superuser": 200,
    },
    "id/admin/^(?P<app_label>auth|axes|catalog|assessment)/$": {
        "anonymous": LOGIN,
        "curator": 200,  # catalog/
        "superuser": 200,
    },
    "id/admin/(?P<url>.*)$": {"anonymous": LOGIN, "curator": 404, "superuser": 404},
}

# What a curator may do with each model in the admin. "curate": everything; "unlock": see
# and delete failed-login records (django-axes); "none": not even see it.
ADMIN_MODELS = {
    "auth.group": "none",
    "auth.user": "none",
    "axes.accessattempt": "unlock",
    "axes.accesslog": "none",
    "axes.accessfailurelog": "none",
    "catalog.servicecategory": "curate",
    "catalog.service": "curate",
    "catalog.industry": "curate",
    "catalog.certification": "curate",
    "catalog.language": "curate",
    "catalog.vendor": "curate",
    "catalog.submission": "curate",  # the review queue (deciding needs review_submission)
    "catalog.compliancerule": "curate",  # Indonesian rules, with their sources
    "assessment.assessment": "none",  # answers of clients: superusers only
}
# Models whose records are written by the app only: nobody adds or edits them in the admin.
READ_ONLY = {"axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"}
# Assessments: superusers see and delete them, nobody adds or edits one.
SUPERUSER_VIEW_DELETE = {"assessment.assessment"}
# Submissions come from vendors through the public form: nobody adds one in the admin.
NO_ADD = {"catalog.submission"}

VIEWS = ("changelist", "add", "history", "delete", "change", "object")
VENDOR_EXTRA = {  # the vendor admin's import and export pages
    "id/admin/catalog/vendor/import/": {"anonymous": LOGIN, "curator": 200, "superuser": 200},
    "id/admin/catalog/vendor/import/template.xlsx": {
        "anonymous": LOGIN,
        "curator": 200,
        "superuser": 200,
    },
    "id/admin/catalog/vendor/export/": {"anonymous": LOGIN, "curator": 200, "superuser": 200},
    # The work queue, and certificate files (always as downloads, to staff only).
    "id/admin/catalog/vendor/work-queue/": {"anonymous": LOGIN, "curator": 200, "superuser": 200},
    "id/admin/catalog/vendor/evidence/{evidence_id}/file/": {
        "anonymous": LOGIN,
        "curator": 200,
        "superuser": 200,
    },
    "id/admin/catalog/submission/{submission_id}/file/{file_id}/": {
        "anonymous": LOGIN,
        "curator": 200,
        "superuser": 200,
    },
    # The vendor's history (django-reversion): one version, and recovering a deleted vendor.
    "id/admin/catalog/vendor/{vendor_id}/history/{version_id}/": {
        "anonymous": LOGIN,
        "curator": 200,
        "superuser": 200,
    },
    "id/admin/catalog/vendor/recover/": {"anonymous": LOGIN, "curator": 200, "superuser": 200},
    "id/admin/catalog/vendor/recover/{version_id}/": {
        "anonymous": LOGIN,
        "curator": 200,
        "superuser": 200,
    },
}


def admin_model_entries() -> dict[str, dict[str, int]]:
    entries: dict[str, dict[str, int]] = {}
    for label, curator_may in ADMIN_MODELS.items():
        app, model = label.split(".")
        base = f"id/admin/{app}/{model}/"
        for view in VIEWS:
            route = {
                "changelist": base,
                "add": base + "add/",
                "history": base + "<path:object_id>/history/",
                "delete": base + "<path:object_id>/delete/",
                "change": base + "<path:object_id>/change/",
                "object": base + "<path:object_id>/",
            }[view]
            entries[route] = {
                "anonymous": LOGIN,
                "curator": 403
                if view == "add" and label in NO_ADD
                else curator_status(curator_may, view),
                "superuser": superuser_status(label, view),
            }
    return entries


def curator_status(curator_may: str, view: str) -> int:
    if view == "object":  # the bare object address redirects to its change page
        return 302
    if curator_may == "curate":
        return 200
    if curator_may == "unlock":
        return 403 if view == "add" else 200
    return 403


def superuser_status(label: str, view: str) -> int:
    if view == "object":
        return 302
    if view == "add" and (label in READ_ONLY or label in SUPERUSER_VIEW_DELETE or label in NO_ADD):
        return 403
    return 200


def routes() -> list[str]:
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                assert isinstance(pattern, URLPattern)
                yield prefix + str(pattern.pattern)

    with translation.override("id"):
        return list(walk(get_resolver().url_patterns))


def placeholder(route: str) -> str:
    """The inventory's key for a resolver route: converters become named blanks."""
    return (
        route.replace("<str:token>", "{token}")
        .replace("<slug:slug>", "{slug}")
        .replace("<slug:step>", "{step}")
        .replace("<path:content_type_id>/<path:object_id>", "{content_type}/{vendor_id}")
        .replace("<id>", "{user_id}")
        # django-reversion's patterns are regular expressions.
        .replace("vendor/^([^/]+)/history/(\\d+)/$", "vendor/{vendor_id}/history/{version_id}/")
        .replace("vendor/^recover/(\\d+)/$", "vendor/recover/{version_id}/")
        .replace("vendor/^recover/$", "vendor/recover/")
        .replace("evidence/<int:pk>", "evidence/{evidence_id}")
        .replace(
            "submission/<int:pk>/file/<int:file_pk>", "submission/{submission_id}/file/{file_id}"
        )
    )


def inventory() -> dict[str, dict[str, int]]:
    return {**PUBLIC, **ADMIN_SITE, **VENDOR_EXTRA, **admin_model_entries()}


def test_every_url_has_an_entry():
    known = inventory()
    missing = [route for route in routes() if placeholder(route) not in known]
    assert not missing, f"URLs without an inventory entry (who may reach them?): {missing}"
    stale = set(known) - {placeholder(route) for route in routes()}
    assert not stale, f"inventory entries for URLs that no longer exist: {sorted(stale)}"


def test_every_registered_admin_model_has_a_policy():
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered == set(ADMIN_MODELS)


def admin_objects(superuser) -> tuple[dict, dict]:
    """One object of each kind, so every address has something to open (the starting
    catalog must be loaded): the objects by model label, and the values of the blanks."""
    assessment = services.assessment_create(data=example_answers(), language="id")
    vendor = Vendor.objects.filter(is_active=True).order_by("slug").first()
    submission, evidence, version = growth_objects(vendor, superuser)
    call_command("loaddata", "compliance", verbosity=0)
    rule = ComplianceRule.objects.order_by("slug").first()
    attempt = {
        "user_agent": "test",
        "ip_address": "10.0.0.1",
        "username": "someone",
        "http_accept": "*/*",
        "path_info": "/id/admin/login/",
    }
    objects = {
        "auth.group": Group.objects.get(name="Catalog curators"),
        "auth.user": superuser,
        "axes.accessattempt": AccessAttempt.objects.create(
            failures_since_start=1, attempt_time=timezone.now(), **attempt
        ),
        "axes.accesslog": AccessLog.objects.create(attempt_time=timezone.now(), **attempt),
        "axes.accessfailurelog": AccessFailureLog.objects.create(
            attempt_time=timezone.now(), locked_out=False, **attempt
        ),
        "catalog.servicecategory": ServiceCategory.objects.first(),
        "catalog.service": Service.objects.first(),
        "catalog.industry": Industry.objects.first(),
        "catalog.certification": Certification.objects.first(),
        "catalog.language": Language.objects.first(),
        "catalog.vendor": vendor,
        "catalog.submission": submission,
        "catalog.compliancerule": rule,
        "assessment.assessment": assessment,
    }
    fill = {
        "{token}": assessment.token,
        "{slug}": vendor.slug,
        "{step}": "organisation",
        "{content_type}": str(ContentType.objects.get_for_model(Vendor).pk),
        "{vendor_id}": str(vendor.pk),
        "{user_id}": str(superuser.pk),
        "{version_id}": str(version.pk),
        "{evidence_id}": str(evidence.pk),
        "{submission_id}": str(submission.pk),
        "{file_id}": str(submission.files.get().pk),
    }
    return objects, fill


def growth_objects(vendor, user):
    """A submission with a file, a certificate with its file, and a version of the vendor."""
    import reversion
    from reversion.models import Version

    from catalog import services as catalog_services
    from catalog.models import CertificationEvidence

    upload = SimpleUploadedFile("proof.pdf", PDF)
    upload.checked_type = "application/pdf"
    submission = catalog_services.submission_create(
        vendor=vendor,
        proposed={"coverage": "24_7"},
        contact_name="Ana",
        contact_email="ana@example.co.id",
        message="",
        language="id",
        files=[{"file": upload}],
    )
    with reversion.create_revision():
        vendor.save()
        reversion.set_user(user)
        reversion.set_comment("Admin edit: for the URL inventory")
    evidence = CertificationEvidence.objects.create(
        vendor=vendor,
        certification=Certification.objects.first(),
        number="C-1",
        expires_on=timezone.localdate(),
        file=submission.files.get().file.name,
        content_type="application/pdf",
    )
    return submission, evidence, Version.objects.get_for_object(vendor).first()


# The smallest file that passes the content checks as a PDF.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def world(starting_catalog, superuser):
    return (*admin_objects(superuser), superuser)


def concrete(route: str, objects, fill) -> str:
    key = placeholder(route)
    if "<path:object_id>" in key:
        app, model = key.split("/")[2:4]
        key = key.replace("<path:object_id>", str(objects[f"{app}.{model}"].pk))
    elif key.startswith("id/admin/^"):
        key = "id/admin/catalog/"
    elif key.startswith("id/admin/(?P<url>"):
        key = "id/admin/no-such-page/"
    for blank, value in fill.items():
        key = key.replace(blank, value)
    return "/" + key


@pytest.mark.parametrize("role", ROLES)
def test_who_may_reach_what(client, world, role):
    objects, fill, superuser = world
    if role == "curator":
        client.force_login(make_curator())
    elif role == "superuser":
        client.force_login(superuser)
    known = inventory()
    wrong = {}
    for route in routes():
        url = concrete(route, objects, fill)
        status = client.get(url).status_code
        expected = known[placeholder(route)][role]
        if status != expected:
            wrong[url] = (status, expected)
    assert not wrong, f"{role}: url -> (answered, expected): {wrong}"
