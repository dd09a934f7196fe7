"""A catalog that grows and stays true (issue 12): vendors' submissions and the curators'
review, evidence with expiry, stale facts, change history, and the work queue."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
import reversion
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reversion.models import Version

from assessment import services as assessment_services
from catalog import curation
from catalog import services as catalog_services
from catalog.models import (
    CertificationEvidence,
    FactCheck,
    Submission,
    SubmissionFile,
    SubmissionStatus,
    Vendor,
)
from tests.factories import VENDOR_INLINES, UserFactory, VendorFactory, base_answers

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _form(vendor: Vendor, **changes) -> dict:
    """The public update form as the page fills it, with ``changes`` typed over it."""
    data = {
        "name": vendor.name,
        "services": list(vendor.services.values_list("slug", flat=True)) if vendor.pk else [],
        "contact_name": "Dewi Lestari",
        "contact_email": "dewi@vendor.co.id",
        "evidence-TOTAL_FORMS": "3",
        "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "3",
        "homepage": "",
    }
    data.update(changes)
    return data


def _propose(client, vendor, **changes):
    return client.post(f"/en/catalog/{vendor.slug}/update/", _form(vendor, **changes))


def _reviewer(username="reviewer"):
    from tests.factories import make_curator

    return make_curator(username)


# -- submissions ------------------------------------------------------------------------


def test_a_submission_waits_for_review_and_changes_nothing(client, starting_catalog):
    tdcx = Vendor.objects.get(slug="tdcx")
    certificate = SimpleUploadedFile("iso.pdf", PDF, content_type="application/pdf")
    response = _propose(
        client,
        tdcx,
        coverage="24_7",
        languages=["id", "en"],
        certifications=["iso_27001"],
        **{
            "evidence-0-file": certificate,
            "evidence-0-certification": "1",
            "evidence-0-number": "ISMS-0042",
            "evidence-0-issuer": "Example Certification Body",
            "evidence-0-expires_on": "2027-06-30",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/en/catalog/tdcx/"
    submission = Submission.objects.get()
    assert submission.proposed == {
        "certifications": ["iso_27001"],
        "coverage": "24_7",
        "languages": ["en", "id"],
    }
    assert submission.status == SubmissionStatus.PENDING and submission.language == "en"
    stored = submission.files.get()
    assert stored.file.name.startswith("evidence/") and stored.file.name.endswith(".pdf")
    assert "iso" not in stored.file.name  # a random name, never the sender's
    tdcx.refresh_from_db()
    assert tdcx.coverage == "" and not tdcx.languages.exists()  # the catalog is unchanged
    page = client.get("/en/catalog/tdcx/").content.decode()
    assert f"Your proposal (number {submission.pk}) waits for a curator" in page


def test_the_update_form_starts_from_the_current_profile(client, starting_catalog):
    page = client.get("/en/catalog/tdcx/update/").content.decode()
    assert 'value="TDCX"' in page and "Claim or update this profile" in page
    assert client.get("/en/catalog/tdcx/").content.decode().count("/en/catalog/tdcx/update/") == 1


def test_a_proposal_that_changes_nothing_is_refused(client, starting_catalog):
    response = _propose(client, Vendor.objects.get(slug="tdcx"))
    assert response.status_code == 200  # the form again, with the error
    assert "Nothing differs from the current profile" in response.content.decode()
    assert not Submission.objects.exists()


def test_the_honeypot_refuses_a_bot(client, starting_catalog):
    response = _propose(
        client, Vendor.objects.get(slug="tdcx"), coverage="24_7", homepage="http://spam"
    )
    assert response.status_code == 200 and not Submission.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "is not a PDF, PNG or JPEG file"),
        (
            "logo.png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "is not a PDF, PNG or JPEG file",
        ),
        ("page.pdf", b"%PDF-1.4 <html><script>alert(1)</script>", "is not a PDF, PNG or JPEG"),
        ("huge.pdf", PDF[:-6] + b"\0" * (5 * 1024 * 1024) + b"%%EOF\n", "is larger than 5 MB"),
    ],
)
def test_uploads_are_checked_by_content(client, starting_catalog, name, content, message):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = _propose(
        client, Vendor.objects.get(slug="tdcx"), coverage="24_7", **{"evidence-0-file": upload}
    )
    assert response.status_code == 200  # the form again, with the error
    assert message in response.content.decode()
    assert not Submission.objects.exists() and not SubmissionFile.objects.exists()


def test_a_png_passes_the_content_check(client, starting_catalog):
    upload = SimpleUploadedFile("scan.png", _png(), content_type="image/png")
    response = _propose(client, Vendor.objects.get(slug="tdcx"), **{"evidence-0-file": upload})
    assert response.status_code == 302
    assert SubmissionFile.objects.get().content_type == "image/png"


def test_proposals_are_rate_limited(client, starting_catalog, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "propose": (2, 3600)}
    tdcx = Vendor.objects.get(slug="tdcx")
    assert [_propose(client, tdcx, coverage="24_7").status_code for _ in range(3)] == [
        302,
        302,
        429,
    ]


# -- review -----------------------------------------------------------------------------


def _pending(vendor: Vendor, **proposed) -> Submission:
    return catalog_services.submission_create(
        vendor=vendor,
        proposed=proposed,
        contact_name="Dewi",
        contact_email="dewi@vendor.co.id",
        message="",
        language="id",
        files=[],
    )


def test_a_curator_accepts_part_of_a_submission(
    client, starting_catalog, django_capture_on_commit_callbacks
):
    tdcx = Vendor.objects.get(slug="tdcx")
    submission = _pending(tdcx, coverage="24_7", languages=["en", "id"], founded_year=1995)
    client.force_login(_reviewer())
    url = f"/en/admin/catalog/submission/{submission.pk}/change/"
    review = client.get(url).content.decode()
    assert 'id="fact-coverage"' in review and "24/7" in review and "unknown" in review
    with django_capture_on_commit_callbacks(execute=True):  # the email goes once committed
        response = client.post(url, {"facts": ["coverage", "languages"], "accept": "1"})
    assert response.status_code == 302
    tdcx.refresh_from_db()
    assert tdcx.coverage == "24_7" and tdcx.languages_verified
    assert sorted(tdcx.languages.values_list("slug", flat=True)) == ["en", "id"]
    assert tdcx.founded_year is None  # not accepted
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PARTLY
    assert submission.accepted_facts == ["coverage", "languages"]
    check = FactCheck.objects.get(vendor=tdcx, fact="coverage")
    assert check.source == f"Vendor submission #{submission.pk}"  # never the sender's email
    assert check.checked_on == timezone.localdate()
    # The public page shows exactly the accepted facts as verified, with their source.
    page = client.get("/en/catalog/tdcx/").content.decode()
    assert f"Vendor submission #{submission.pk}" in page.split('id="source-coverage"')[1][:300]
    assert 'id="source-languages"' in page and 'id="source-founded_year"' not in page
    # Facts the submission did not touch keep the source they had (the starting article).
    assert "submission" not in page.split('id="source-services"')[1][:200]
    assert "dewi@vendor.co.id" not in page
    # The vendor hears the outcome, in the language it wrote in (Indonesian).
    (message,) = mail.outbox
    assert message.to == ["dewi@vendor.co.id"]
    assert "ditinjau" in message.subject
    assert "24/7" in message.body and "1995" in message.body  # accepted, and declined
    # The change is a version in the vendor's history, with its source.
    versions = Version.objects.get_for_object(tdcx)
    assert versions.first().revision.comment.startswith(f"Accepted submission #{submission.pk}")


def test_a_rejection_needs_a_reason_and_changes_nothing(
    client, starting_catalog, django_capture_on_commit_callbacks
):
    tdcx = Vendor.objects.get(slug="tdcx")
    submission = _pending(tdcx, coverage="24_7")
    client.force_login(_reviewer())
    url = f"/en/admin/catalog/submission/{submission.pk}/change/"
    refused = client.post(url, {"reject": "1", "reason": "  "})
    assert refused.status_code == 200 and "Give the vendor a reason" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reject": "1", "reason": "No evidence of 24/7 staffing."})
    submission.refresh_from_db()
    tdcx.refresh_from_db()
    assert submission.status == SubmissionStatus.REJECTED and tdcx.coverage == ""
    assert not FactCheck.objects.exists()
    assert "No evidence of 24/7 staffing." in mail.outbox[0].body


def test_a_curator_without_the_review_right_cannot_decide(client, starting_catalog):
    tdcx = Vendor.objects.get(slug="tdcx")
    submission = _pending(tdcx, coverage="24_7")
    staff = UserFactory(username="reader", is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_submission", "change_submission", "view_vendor"]
        )
    )
    client.force_login(staff)
    url = f"/en/admin/catalog/submission/{submission.pk}/change/"
    page = client.get(url).content.decode()
    assert 'id="no-review-right"' in page and 'name="accept"' not in page
    response = client.post(url, {"facts": ["coverage"], "accept": "1"})
    assert response.status_code == 403
    tdcx.refresh_from_db()
    assert tdcx.coverage == "" and Submission.objects.get().status == SubmissionStatus.PENDING


def test_a_new_listing_becomes_a_vendor_once_accepted(client, taxonomy):
    response = client.post(
        "/en/catalog/propose/",
        _form(
            Vendor(name="Nusantara Care"),
            services=["customer_service"],
            delivery_countries=["ID"],
            price_min_idr="7.500.000",
        )
        | {"price_min_idr": "7,500,000"},
    )
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.vendor is None and submission.proposed["price"] == [7_500_000, None]
    assert not Vendor.objects.exists()
    client.force_login(_reviewer())
    url = f"/en/admin/catalog/submission/{submission.pk}/change/"
    without_name = client.post(url, {"facts": ["services"], "accept": "1"})
    assert "needs at least its name and its services" in without_name.content.decode()
    client.post(url, {"facts": list(submission.proposed), "accept": "1"})
    vendor = Vendor.objects.get(name="Nusantara Care")
    assert vendor.slug == "nusantara-care" and vendor.delivery_countries_verified
    assert vendor.price_min_idr == 7_500_000
    assert client.get("/en/catalog/nusantara-care/").status_code == 200


# -- evidence with expiry, stale facts --------------------------------------------------


def _certified_vendor(expires_on: date) -> Vendor:
    vendor = VendorFactory(
        name="Aman Contact",
        slug="aman-contact",
        services=["customer_service", "order_processing"],
        certifications=["iso_27001"],
        certifications_verified=True,
    )
    CertificationEvidence.objects.create(
        vendor=vendor,
        certification_id=1,
        number="ISMS-1",
        issuer="Example Body",
        expires_on=expires_on,
    )
    return vendor


def _ranked(slug: str) -> dict:
    result = assessment_services.assessment_evaluate(base_answers()).result_data
    return next(v for v in result["vendors"] if v["slug"] == slug)


def test_an_expired_certificate_stops_counting_the_day_after(client, taxonomy, monkeypatch):
    today = timezone.localdate()
    _certified_vendor(expires_on=today)
    on_the_day = _ranked("aman-contact")
    assert "certifications" not in on_the_day["unknown"]
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today + timedelta(days=1))
    day_after = _ranked("aman-contact")
    assert "certifications" in day_after["unknown"]  # unknown again, not "none"
    assert day_after["criteria"]["security"] != on_the_day["criteria"]["security"]
    page = client.get("/en/catalog/aman-contact/").content.decode()
    assert "expired on" in page and "none (verified)" not in page.split("Certifications")[1][:400]
    # The daily job writes the expiry into the vendor's history.
    assert catalog_services.evidence_record_expiries() == 1
    assert catalog_services.evidence_record_expiries() == 0
    comment = Version.objects.get_for_object(Vendor.objects.get()).first().revision.comment
    assert comment.startswith("Expiry: iso_27001 certificate ISMS-1 expired on")


def test_a_current_certificate_counts_and_a_renewed_one_keeps_it(taxonomy, monkeypatch):
    today = timezone.localdate()
    vendor = _certified_vendor(expires_on=today - timedelta(days=30))
    assert "certifications" in _ranked("aman-contact")["unknown"]
    CertificationEvidence.objects.create(
        vendor=vendor, certification_id=1, number="ISMS-2", expires_on=today + timedelta(days=365)
    )
    assert "certifications" not in _ranked("aman-contact")["unknown"]


def test_a_stale_fact_is_unknown_to_the_advisor_and_an_old_one_says_reverify(client, taxonomy):
    vendor = VendorFactory(
        name="Lama BPO",
        slug="lama-bpo",
        services=["customer_service", "order_processing"],
        languages=["id"],
        languages_verified=True,
        coverage="24_7",
    )
    long_ago = timezone.localdate() - timedelta(days=400)
    FactCheck.objects.create(vendor=vendor, fact="coverage", source="call", checked_on=long_ago)
    assert "coverage" not in _ranked("lama-bpo")["unknown"]  # old, but not marked stale
    page = client.get("/en/catalog/lama-bpo/").content.decode()
    assert "re-verify" in page.split('id="source-coverage"')[1][:400]
    FactCheck.objects.create(
        vendor=vendor, fact="languages", source="site", checked_on=long_ago, stale=True
    )
    assert "languages" in _ranked("lama-bpo")["unknown"]
    page = client.get("/en/catalog/lama-bpo/").content.decode()
    assert "marked stale by a curator" in page


# -- history ----------------------------------------------------------------------------


def test_restoring_an_earlier_version_brings_back_fields_and_relations(
    client, curator, starting_catalog
):
    tdcx = Vendor.objects.get(slug="tdcx")
    client.force_login(curator)
    url = f"/en/admin/catalog/vendor/{tdcx.pk}/change/"
    form = {
        "name": "TDCX",
        "slug": "tdcx",
        "services": [str(s.pk) for s in tdcx.services.all()],
        "delivery_countries": ["ID"],
        "is_active": "on",
        **VENDOR_INLINES,
    }
    client.post(url, {**form, "coverage": "extended"})
    client.post(url, {**form, "coverage": "24_7", "services": form["services"][:1]})
    tdcx.refresh_from_db()
    assert tdcx.coverage == "24_7" and tdcx.services.count() == 1
    history = client.get(f"/en/admin/catalog/vendor/{tdcx.pk}/history/").content.decode()
    assert "curator" in history
    earlier = Version.objects.get_for_object(tdcx)[1]  # the first edit
    # The curator opens the earlier version (a form filled with it) and saves it.
    page = client.get(f"/en/admin/catalog/vendor/{tdcx.pk}/history/{earlier.pk}/")
    assert page.status_code == 200 and 'value="extended" selected' in page.content.decode()
    client.post(
        f"/en/admin/catalog/vendor/{tdcx.pk}/history/{earlier.pk}/",
        {**form, "coverage": "extended"},
    )
    tdcx.refresh_from_db()
    assert tdcx.coverage == "extended" and tdcx.services.count() == 3


def test_admin_actions_leave_a_version_per_vendor(client, curator, starting_catalog):
    client.force_login(curator)
    pks = [
        str(pk)
        for pk in Vendor.objects.filter(slug__in=["tdcx", "myrobin"]).values_list("pk", flat=True)
    ]
    client.post("/en/admin/catalog/vendor/", {"action": "deactivate", "_selected_action": pks})
    for slug in ("tdcx", "myrobin"):
        latest = Version.objects.get_for_object(Vendor.objects.get(slug=slug)).first()
        assert latest.revision.comment == "Admin action: deactivated"
        assert latest.revision.user == curator
        assert latest.field_dict["is_active"] is False


def test_a_revision_reverts_relations_too(starting_catalog, superuser):
    tdcx = Vendor.objects.get(slug="tdcx")
    with reversion.create_revision():
        tdcx.save()
    services = set(tdcx.services.values_list("slug", flat=True))
    tdcx.services.set(tdcx.services.all()[:1])
    Version.objects.get_for_object(tdcx).first().revision.revert()
    assert set(tdcx.services.values_list("slug", flat=True)) == services


def test_each_imported_row_is_a_version_naming_file_and_row(client, curator, starting_catalog):
    client.force_login(curator)
    csv = (
        "slug,name,services,coverage\n"
        "tdcx,TDCX,customer_service,24_7\n"
        "new-one,New One,customer_service,extended\n"
    )
    upload = SimpleUploadedFile("vendors-december.csv", csv.encode(), content_type="text/csv")
    checked = client.post("/en/admin/catalog/vendor/import/", {"import_file": upload})
    stored = checked.context["stored"]
    client.post("/en/admin/catalog/vendor/import/", {"stored": stored, "confirm": "1"})
    comment = Version.objects.get_for_object(Vendor.objects.get(slug="new-one"))[0]
    assert comment.revision.comment == "Import: vendors-december.csv, row 3"
    assert comment.revision.user == curator
    tdcx = Version.objects.get_for_object(Vendor.objects.get(slug="tdcx"))[0]
    assert tdcx.revision.comment == "Import: vendors-december.csv, row 2"


# -- work queue -------------------------------------------------------------------------


def test_the_work_queue_orders_unknown_facts_by_their_impact(client, curator, starting_catalog):
    first = assessment_services.assessment_create(data=base_answers(), language="en")
    first.result["robustness"]["decisive_unknowns"] = []  # only the ones set below count
    first.save()
    vendors = [v["slug"] for v in first.result["vendors"][:2]]
    decisive = [
        {
            "slug": vendors[1],
            "attribute": "price",
            "rank_if_favourable": 1,
            "rank_if_unfavourable": 4,
        },
        {
            "slug": vendors[0],
            "attribute": "languages",
            "rank_if_favourable": 1,
            "rank_if_unfavourable": 3,
        },
    ]
    for found in (decisive, decisive[:1]):
        first.pk, first.token = None, f"queue-test-{len(found)}"
        first.result["robustness"]["decisive_unknowns"] = found
        first.save()
    tasks = [t for t in curation.work_queue() if t.kind == "unknown"]
    assert (tasks[0].impact, tasks[1].impact) == (2, 1)
    names = dict(Vendor.objects.values_list("slug", "name"))
    assert tasks[0].title == f"{names[vendors[1]]} · Indicative price per full-time agent per month"
    assert tasks[1].title.startswith(names[vendors[0]])
    # Verified since: it leaves the queue.
    Vendor.objects.filter(slug=vendors[0]).update(languages_verified=True)
    assert all(
        not t.title.startswith(names[vendors[0]] + " · Working") for t in curation.work_queue()
    )
    # The page: pending submissions and certificates expiring within 60 days come first.
    _pending(Vendor.objects.get(slug="tdcx"), coverage="24_7")
    CertificationEvidence.objects.create(
        vendor=Vendor.objects.get(slug="tdcx"),
        certification_id=1,
        expires_on=timezone.localdate() + timedelta(days=30),
    )
    client.force_login(curator)
    page = client.get("/en/admin/catalog/vendor/work-queue/").content.decode()
    order = [page.index(f'class="task-{kind}"') for kind in ("submission", "expiring", "unknown")]
    assert order == sorted(order)
    assert f"/en/admin/catalog/vendor/{Vendor.objects.get(slug=vendors[1]).pk}/change/" in page


def test_the_data_quality_summary_counts_known_facts(starting_catalog):
    quality = curation.data_quality()
    assert quality.vendors == 10
    shares = dict(quality.known_share)
    assert shares["Certifications"] == 0  # no starting vendor has a verified list
    Vendor.objects.filter(slug="tdcx").update(certifications_verified=True)
    assert dict(curation.data_quality().known_share)["Certifications"] == 10


def test_evidence_files_are_downloads_for_staff_only(client, curator, starting_catalog):
    upload = SimpleUploadedFile("scan.png", _png(), content_type="image/png")
    upload.checked_type = "image/png"
    submission = catalog_services.submission_create(
        vendor=Vendor.objects.get(slug="tdcx"),
        proposed={},
        contact_name="Dewi",
        contact_email="dewi@vendor.co.id",
        message="",
        language="id",
        files=[{"file": upload}],
    )
    url = f"/en/admin/catalog/submission/{submission.pk}/file/{submission.files.get().pk}/"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(curator)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == _png()


def test_the_api_counts_facts_as_the_advisor_does(client, taxonomy, monkeypatch):
    today = timezone.localdate()
    vendor = _certified_vendor(expires_on=today)
    FactCheck.objects.create(
        vendor=vendor, fact="languages", source="site", checked_on=today, stale=True
    )
    data = client.get("/api/vendors/aman-contact/").json()
    assert data["certifications"] == ["iso_27001"] and data["certifications_verified"]
    assert data["certificates"][0] | {"current": True} == data["certificates"][0]
    assert data["fact_checks"] == [
        {"fact": "languages", "source": "site", "checked_on": today.isoformat(), "stale": True}
    ]
    assert data["languages"] == [] and data["languages_verified"] is False
    etag = client.get("/api/vendors/aman-contact/")["ETag"]
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today + timedelta(days=1))
    later = client.get("/api/vendors/aman-contact/", headers={"if-none-match": etag})
    assert later.status_code == 200  # a new day, a new tag: the certificate has expired
    assert later.json()["certifications"] == [] and not later.json()["certifications_verified"]
    assert later.json()["certificates"][0]["current"] is False


def test_the_catalog_filter_leaves_out_a_lapsed_certification(client, taxonomy, monkeypatch):
    today = timezone.localdate()
    _certified_vendor(expires_on=today)
    url = "/en/catalog/?certification=iso_27001"
    assert "Aman Contact" in client.get(url).content.decode()
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today + timedelta(days=1))
    assert "Aman Contact" not in client.get(url).content.decode()


# -- Indonesian legal facts (issue 13) ----------------------------------------------------


def test_legal_facts_are_unknown_until_stated_and_shown_when_known(client, starting_catalog):
    page = client.get("/en/catalog/tdcx/").content.decode()
    for label in ("Legal entity", "Business identification number (NIB)", "Staff registered"):
        assert "not verified" in page.split(label)[1][:300]
    Vendor.objects.filter(slug="tdcx").update(
        legal_entity="pt_pma",
        nib="9120001234567",
        kbli_codes="82200,78200",
        pse_registered=True,
        bpjs_compliant=False,
        data_locations=["ID", "SG"],
        data_locations_verified=True,
        pricing_models="per_fte,outcome",
    )
    page = client.get("/en/catalog/tdcx/").content.decode()
    assert "PT PMA (foreign-investment company)" in page and "9120001234567" in page
    assert "82200, 78200" in page and "per full-time agent (FTE), outcome-based" in page
    assert "Indonesia, Singapore" in page
    data = client.get("/api/vendors/tdcx/").json()
    assert data["nib"] == "9120001234567" and data["kbli_codes"] == ["82200", "78200"]
    assert data["pse_registered"] is True and data["bpjs_compliant"] is False
    assert data["data_locations"] == ["ID", "SG"] and data["data_locations_verified"]
    assert data["pricing_models"] == ["per_fte", "outcome"]


def test_legal_facts_import_and_bad_values_are_named(client, curator, starting_catalog):
    client.force_login(curator)
    header = "slug,name,services,nib,kbli_codes,pse_registered,bpjs_compliant,legal_entity\n"
    maybe = SimpleUploadedFile(
        "legal.csv", (header + "tdcx,TDCX,customer_service,,,maybe,1,pt\n").encode()
    )
    page = client.post("/en/admin/catalog/vendor/import/", {"import_file": maybe})
    assert "must be 1 (yes), 0 (no) or empty (unknown)" in page.content.decode()
    bad = SimpleUploadedFile(
        "legal.csv", (header + "tdcx,TDCX,customer_service,123,8220,,1,pt\n").encode()
    )
    page = client.post("/en/admin/catalog/vendor/import/", {"import_file": bad}).content.decode()
    assert "An NIB has 13 digits." in page and "Five-digit KBLI codes" in page
    assert Vendor.objects.get(slug="tdcx").nib == ""  # nothing half-saved
    good = SimpleUploadedFile(
        "legal.csv",
        (header + "tdcx,TDCX,customer_service,9120001234567,82200,,1,pt\n").encode(),
    )
    checked = client.post("/en/admin/catalog/vendor/import/", {"import_file": good})
    client.post(
        "/en/admin/catalog/vendor/import/", {"stored": checked.context["stored"], "confirm": "1"}
    )
    tdcx = Vendor.objects.get(slug="tdcx")
    assert (tdcx.nib, tdcx.kbli_codes, tdcx.legal_entity) == ("9120001234567", "82200", "pt")
    assert tdcx.pse_registered is None and tdcx.bpjs_compliant is True


def test_a_vendor_proposes_its_legal_facts(client, starting_catalog):
    tdcx = Vendor.objects.get(slug="tdcx")
    response = _propose(
        client,
        tdcx,
        nib="9120001234567",
        pse_registered="yes",
        bpjs_compliant="no",
        data_locations=["ID"],
        pricing_models=["per_fte"],
    )
    assert response.status_code == 302
    assert Submission.objects.get().proposed == {
        "nib": "9120001234567",
        "pse_registered": True,
        "data_locations": ["ID"],
        "bpjs_compliant": False,
        "pricing_models": ["per_fte"],
    }
    refused = _propose(client, tdcx, nib="12-34")
    assert "An NIB has 13 digits." in refused.content.decode()
