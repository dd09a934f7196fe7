"""Regulation-aware advice (issue 13): the Indonesian rules that apply, why, and what to do,
each with its source and review date, from curated rules the engine reads as data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from assessment import pdf, services
from catalog.models import ComplianceRule
from tests.factories import base_answers

pytestmark = pytest.mark.django_db
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "compliance.json"


@pytest.fixture
def rules(starting_catalog):
    call_command("loaddata", "compliance", verbosity=0)


def _rules_for(answers: dict) -> dict[str, dict]:
    result = services.result_render(services.assessment_evaluate(answers).result_data, "en")
    return {c["slug"]: c for c in result["compliance"]}


def _answers(regulation: dict, **overrides) -> dict:
    answers = base_answers(**overrides)
    answers["regulation"] = regulation
    return answers


def test_every_shipped_rule_has_a_source_a_review_date_and_both_languages():
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert len(rows) >= 10
    for row in rows:
        fields = row["fields"]
        assert fields["source"].strip(), fields["slug"]
        assert date.fromisoformat(fields["reviewed_on"]) <= date.today()
        for key in ("title", "summary", "action"):
            assert fields[f"{key}_id"].strip() and fields[f"{key}_en"].strip(), fields["slug"]
        rule = ComplianceRule(**fields)
        rule.clean()  # the conditions use the advisor's vocabulary only


def test_a_bank_outsourcing_its_contact_centre_with_customer_data(rules):
    found = _rules_for(
        _answers(
            {"sector": "bank", "personal_data": ["general", "financial"], "data_abroad_ok": False},
            organisation__industry="finance_banking",
        )
    )
    assert {"ojk-bank-data-centre", "pdp-data-must-stay", "pdp-controller-processor"} <= set(found)
    assert {"pdp-breach-notice", "pdp-specific-data", "ojk-collection-conduct"} <= set(found)
    bank = found["ojk-bank-data-centre"]
    assert bank["source"].startswith("POJK 11/POJK.03/2022")
    assert bank["kind"] == "must_have" and bank["reviewed_on"]
    assert "Your sector: a bank supervised by OJK." in bank["why"]
    assert "foreign-client-own-rules" not in found
    assert list(found)[0] in {
        "ojk-bank-data-centre",
        "pdp-data-must-stay",
        "labour-vendor-legal-entity",
    }


def test_a_hospital_outsourcing_claims_with_health_data(rules):
    found = _rules_for(
        _answers({"sector": "health", "personal_data": ["health"]}, services=["claims_processing"])
    )
    specific = found["pdp-specific-data"]
    assert specific["source"] == "UU 27/2022, Pasal 4"
    assert "The work involves specific (sensitive) personal data." in specific["why"]
    assert "ojk-bank-data-centre" not in found


def test_an_online_shop_with_ordinary_customer_data(rules):
    found = _rules_for(_answers({"personal_data": ["general"]}))
    assert {"pdp-controller-processor", "pdp-breach-notice"} <= set(found)
    assert "pdp-specific-data" not in found and "ojk-bank-data-centre" not in found
    assert "tax-withholding-services" in found  # a buyer in Indonesia withholds


def test_a_foreign_client_using_an_indonesian_vendor(rules):
    found = _rules_for(
        _answers(
            {"personal_data": ["general"]},
            organisation__country="SG",
            constraints__languages=["en"],
        )
    )
    assert "Your organisation is outside Indonesia." in found["foreign-client-own-rules"]["why"]
    assert "tax-withholding-services" not in found


def test_without_the_regulation_answers_only_the_general_rules_apply(rules):
    found = _rules_for(base_answers())
    assert set(found) == {
        "labour-vendor-legal-entity",
        "labour-worker-protection",
        "labour-court-ruling-168",
        "tax-withholding-services",
    }
    assert found["labour-vendor-legal-entity"]["why"] == [
        "It applies to every outsourcing contract."
    ]


def test_a_rule_edited_in_the_admin_changes_the_next_recommendation(client, superuser, rules):
    answers = _answers({"sector": "bank", "personal_data": ["general"]})
    assert "ojk-bank-data-centre" in _rules_for(answers)
    rule = ComplianceRule.objects.get(slug="ojk-bank-data-centre")
    client.force_login(superuser)
    form = {
        field: getattr(rule, field)
        for field in (
            "slug",
            "area",
            "kind",
            "title_id",
            "title_en",
            "summary_id",
            "summary_en",
            "action_id",
            "action_en",
            "source",
            "source_url",
        )
    }
    form |= {
        "reviewed_on": "2026-12-01",
        "conditions": json.dumps({"sector_in": ["public"]}),
        "is_active": "on",
    }
    response = client.post(f"/en/admin/catalog/compliancerule/{rule.pk}/change/", form)
    assert response.status_code == 302
    assert "ojk-bank-data-centre" not in _rules_for(answers)
    bad = client.post(
        f"/en/admin/catalog/compliancerule/{rule.pk}/change/",
        form | {"conditions": json.dumps({"sector_in": ["casino"]})},
    )
    assert bad.status_code == 200 and "sector_in: a list of" in bad.content.decode()


def test_the_page_and_the_pdf_show_rules_with_source_and_the_disclaimer(client, rules):
    saved = services.assessment_create(
        data=_answers({"sector": "bank", "personal_data": ["financial"]}), language="id"
    )
    page = client.get(f"/id/assess/r/{saved.token}/").content.decode()
    assert 'id="rule-ojk-bank-data-centre"' in page
    assert "Panduan, bukan nasihat hukum." in page
    assert "POJK 11/POJK.03/2022" in page and "diperiksa pada" in page
    english = client.get(f"/en/assess/r/{saved.token}/").content.decode()
    assert "Banks: electronic systems in data centres in Indonesia" in english
    import io

    from pypdf import PdfReader

    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(pdf.render_pdf(saved, "en"))).pages
    )
    text = " ".join(text.split())
    assert "Indonesian rules that apply" in text and "Guidance, not legal advice." in text
    assert "POJK 11/POJK.03/2022" in text


def test_the_regulation_answers_are_checked_field_by_field(client, rules):
    response = client.post(
        "/api/assessments/",
        _answers({"sector": "casino", "personal_data": ["dna"], "contract_months": 0}),
        content_type="application/json",
    )
    assert response.status_code == 400  # the API's answer to answers that break the contract
    errors = response.json()["errors"]
    assert {"regulation.sector", "regulation.personal_data", "regulation.contract_months"} <= set(
        errors
    )


def test_data_that_must_stay_excludes_vendors_known_to_deliver_only_from_abroad(rules):
    from tests.factories import VendorFactory

    VendorFactory(
        name="Abroad Only",
        slug="abroad-only",
        services=["customer_service", "order_processing"],
        delivery_countries=["SG"],
        delivery_countries_verified=True,
    )
    VendorFactory(
        name="Abroad Maybe",
        slug="abroad-maybe",
        services=["customer_service", "order_processing"],
        delivery_countries=["SG"],
    )
    stays = _answers({"personal_data": ["general"], "data_abroad_ok": False})
    result = services.result_render(services.assessment_evaluate(stays).result_data, "en")
    ranked = {v["slug"] for v in result["vendors"]}
    excluded = {e["slug"]: e["reasons"] for e in result["excluded"]}
    assert "abroad-only" not in ranked
    assert excluded["abroad-only"] == [
        "delivers or keeps data only outside Indonesia, where your data may not go"
    ]
    assert "abroad-maybe" in ranked  # its list may be incomplete: a question, not a verdict
    free = _answers({"personal_data": ["general"], "data_abroad_ok": True})
    result = services.result_render(services.assessment_evaluate(free).result_data, "en")
    assert "abroad-only" in {v["slug"] for v in result["vendors"]}


def test_data_kept_abroad_by_a_vendor_counts_against_data_that_must_stay(rules):
    from tests.factories import VendorFactory

    VendorFactory(
        name="Keeps Data Abroad",
        slug="keeps-data-abroad",
        services=["customer_service", "order_processing"],
        delivery_countries=["ID"],
        delivery_countries_verified=True,
        data_locations=["SG"],
        data_locations_verified=True,
    )
    stays = _answers({"personal_data": ["general"], "data_abroad_ok": False})
    result = services.result_render(services.assessment_evaluate(stays).result_data, "en")
    excluded = {e["slug"]: e["reasons"] for e in result["excluded"]}
    assert excluded["keeps-data-abroad"] == [
        "delivers or keeps data only outside Indonesia, where your data may not go"
    ]


def test_unknown_legal_facts_of_the_shortlist_become_questions(client, rules):
    from catalog.models import Vendor

    answers = _answers({"personal_data": ["general"]})
    saved = services.assessment_create(data=answers, language="en")
    first = saved.result["vendors"][0]
    asked = {q["slug"]: q for q in services.result_render(saved.result, "en")["legal_questions"]}
    facts = [x["fact"] for x in asked[first["slug"]]["questions"]]
    assert facts == ["legal_entity", "nib", "bpjs_compliant", "data_locations", "pse_registered"]
    page = client.get(f"/en/assess/r/{saved.token}/").content.decode()
    assert "Ask the shortlisted vendors before you sign" in page
    assert "Is it registered as a private electronic system operator (PSE)?" in page
    # Known facts are not asked again; without personal data, no data questions.
    vendor = Vendor.objects.get(slug=first["slug"])  # saved: the catalog version moves
    vendor.legal_entity, vendor.nib = "pt", "9120001234567"
    vendor.data_locations, vendor.data_locations_verified = ["ID"], True
    vendor.save()
    again = services.result_render(
        services.assessment_evaluate(_answers({"personal_data": []})).result_data, "en"
    )
    asked = {q["slug"]: q for q in again["legal_questions"]}
    assert [x["fact"] for x in asked[first["slug"]]["questions"]] == ["bpjs_compliant"]
