"""Regulation-aware advice (issue 13): the Indonesian rules that apply, why, and what to do,
each with its source and review date, from curated rules the engine reads as data."""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from assessment import pdf, presentation, services
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
    assert {"pdp-controller-processor", "pdp-breach-notice", "pse-registration"} <= set(found)
    assert found["pse-registration"]["source"].startswith("PP 71/2019")
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
    # The roadmap in the report carries them too.
    assert "Require before you sign: Banks: electronic systems in data centres" in text
    assert "Write into the contract: your right to audit" in text


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
    # Vendors with the same open questions share one list: each question is printed once per
    # set of vendors, the vendors named together in ranking order.
    groups = presentation.legal_question_groups(
        services.result_render(saved.result, "en")["legal_questions"]
    )
    assert sum(len(g["vendors"]) for g in groups) == len(asked)
    assert len({tuple(g["questions"]) for g in groups}) == len(groups)
    listed = page[page.index('id="legal-questions"') :]
    listed = listed[: listed.index("</ul>\n")]
    for group in groups:
        assert html.escape(", ".join(group["vendors"])) in listed
        for question in group["questions"]:
            assert listed.count(html.escape(question)) == 1
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


def _rendered(answers: dict) -> dict:
    return services.result_render(services.assessment_evaluate(answers).result_data, "en")


def _stage(result: dict, stage: str) -> list[str]:
    return next(s["actions"] for s in result["roadmap"] if s["stage"] == stage)


def _risk(result: dict, code: str) -> dict:
    return next(r for r in result["risks"] if r["risk"] == code)


def test_the_bank_roadmap_carries_the_rules_and_the_contract_clauses(rules):
    result = _rendered(
        _answers(
            {
                "sector": "bank",
                "personal_data": ["general", "financial"],
                "data_abroad_ok": False,
                "exit_plan": True,
                "contract_months": 36,
                "pricing": "per_fte",
            },
            organisation__industry="finance_banking",
        )
    )
    selection = _stage(result, "vendor_selection")
    require = next(line for line in selection if line.startswith("Require before you sign: "))
    assert (
        "Banks: electronic systems in data centres in Indonesia (POJK 11/POJK.03/2022 tentang "
        "Penyelenggaraan Teknologi Informasi oleh Bank Umum, Pasal 35)" in require
    )
    # The shortlist's legal facts the catalog lacks, by vendor, with the must-haves.
    first = result["vendors"][0]["name"]
    assert f". Still to confirm: {first} (legal entity, NIB and licence, BPJS registration, " in (
        require
    )
    contract = next(line for line in selection if line.startswith("Write into the contract: "))
    assert contract.startswith(
        "Write into the contract: your right to audit the vendor's work, systems and records"
    )
    assert "; exit and transition: at the end, or on termination" in contract
    assert (
        "; Notice of a data protection failure within 3 × 24 hours "
        "(UU 27/2022, Pasal 46 ayat (1) dan (2))" in contract
    )
    assert any(line.startswith("You need an exit plan:") for line in selection)
    assert "Term: 36 months. Write down renewal, notice period and a yearly price review." in (
        selection
    )
    assert any("which access OJK must have" in line for line in selection)
    assert any(line.startswith("Price per FTE:") for line in selection)
    needs = _stage(result, "needs_analysis")
    counsel = next(line for line in needs if line.startswith("Ask counsel about: "))
    assert "Banks: prudential rules for handing part of the work to another party" in counsel
    assert "(POJK 9/POJK.03/2016 tentang Prinsip Kehati-hatian" in counsel
    # Financial data is specific personal data, and OJK supervises: the risk is high.
    security = _risk(result, "data_security")
    assert security["level"] == "high"
    assert "specific personal data (financial)" in security["why"]
    assert "OJK supervises you" in security["why"]
    assert any("3 × 24 hours" in m for m in security["mitigations"])


def test_the_roadmap_without_regulation_answers_keeps_the_general_clauses_only(rules):
    result = _rendered(base_answers())
    selection = _stage(result, "vendor_selection")
    assert any(
        line.startswith("Write into the contract: your right to audit") for line in selection
    )
    assert not any(
        line.startswith(("Term:", "Price per", "You need an exit")) for line in selection
    )
    relationship = _stage(result, "relationship_management")
    assert any(line.startswith("Income-tax withholding (Article 23)") for line in relationship)


def test_health_data_raises_the_security_risk_and_general_data_less(rules):
    health = _risk(
        _rendered(_answers({"sector": "health", "personal_data": ["health"]})), "data_security"
    )
    assert health["level"] == "high" and "(health)" in health["why"]
    general = _risk(
        _rendered(
            _answers(
                {"personal_data": ["general"]},
                services=["data_entry"],
                constraints__data_sensitivity="public",
            )
        ),
        "data_security",
    )
    none = _risk(
        _rendered(
            _answers(
                {"personal_data": []},
                services=["data_entry"],
                constraints__data_sensitivity="public",
            )
        ),
        "data_security",
    )
    assert "personal data" in general["why"] and "personal data" not in none["why"]
    levels = ["low", "medium", "high"]
    assert levels.index(general["level"]) > levels.index(none["level"])


def test_staff_transfer_and_a_short_contract_raise_the_hidden_costs(rules):
    plain = _risk(_rendered(_answers({})), "hidden_costs")
    costly = _risk(
        _rendered(_answers({"staff_transfer": True, "contract_months": 6, "pricing": "outcome"})),
        "hidden_costs",
    )
    assert "your own staff moving to the vendor" in costly["why"]
    assert "a contract of 6 months leaves little time" in costly["why"]
    assert "a price per outcome depends on how outcomes are defined" in costly["why"]
    levels = ["low", "medium", "high"]
    assert levels.index(costly["level"]) > levels.index(plain["level"])


def test_a_rules_stage_is_data_a_curator_can_move(rules):
    answers = _answers({"personal_data": ["health"]})
    moved = "Notice of a data protection failure within 3 × 24 hours"
    assert not any(moved in x for x in _stage(_rendered(answers), "transition"))
    rule = ComplianceRule.objects.get(slug="pdp-breach-notice")
    rule.stage = "transition"
    rule.save()
    result = _rendered(answers)
    assert f"Write into the contract: {moved} (UU 27/2022, Pasal 46 ayat (1) dan (2))." in (
        _stage(result, "transition")
    )
    assert not any(moved in x for x in _stage(result, "vendor_selection"))


def test_the_exit_plan_condition_applies_a_rule_only_when_asked(rules):
    from assessment.engine import compliance as engine_compliance
    from assessment.engine import parse_answers

    rule = engine_compliance.rule(
        "exit-rule",
        "labour",
        "clause",
        title={"en": "Exit", "id": "Keluar"},
        summary={"en": "s", "id": "s"},
        action={"en": "a", "id": "a"},
        source="Test source",
        reviewed_on="2026-12-03",
        conditions={"exit_plan": True},
    )
    taxonomy = services.load_taxonomy()
    wants = parse_answers(_answers({"exit_plan": True}), taxonomy)
    does_not = parse_answers(_answers({"exit_plan": False}), taxonomy)
    assert [a.rule.slug for a in engine_compliance.applicable((rule,), wants, "onshore")] == [
        "exit-rule"
    ]
    assert engine_compliance.applicable((rule,), does_not, "onshore") == ()


def test_a_vendor_priced_below_the_wage_floor_is_asked_how_it_pays_its_staff(rules):
    from assessment.engine import wages
    from tests.factories import VendorFactory

    floor = min(wages.WAGE_FLOORS["ID"], key=lambda f: f.monthly_idr)
    cost = wages.cost_per_person(floor, "ID")
    for slug, price in (("too-cheap", cost - 100_000), ("fair-price", cost + 500_000)):
        VendorFactory(
            name=slug.title(),
            slug=slug,
            services=["customer_service", "order_processing"],
            delivery_countries=["ID"],
            delivery_countries_verified=True,
            price_min_idr=price,
            price_max_idr=price + 1_000_000,
            legal_entity="pt",
        )
    result = _rendered(_answers({}, constraints__monthly_budget_idr=None))
    asked = {q["slug"]: q["questions"] for q in result["legal_questions"]}
    shortlist = {v["slug"] for v in result["vendors"][:5]}
    assert {"too-cheap", "fair-price"} <= shortlist
    cheap = [x for x in asked["too-cheap"] if x["fact"] == "price_floor"]
    assert len(cheap) == 1
    assert (
        f"is below what one person costs at the lowest {floor.year} provincial"
        in (cheap[0]["question"])
    )
    assert all(x["fact"] != "price_floor" for x in asked.get("fair-price", []))


def test_the_regulation_vocabulary_is_defined_once():
    from assessment.engine import answers as contract
    from assessment.engine.codes import Stage
    from bpo_advisor import regulation
    from catalog.models import RuleKind, RuleStage

    assert regulation.STAGES == tuple(Stage) == tuple(RuleStage.values)
    assert tuple(RuleKind.values) == regulation.KINDS
    assert contract.SECTORS is regulation.SECTORS
    assert contract.PERSONAL_DATA is regulation.PERSONAL_DATA
    assert contract.PRICING is regulation.PRICING


def test_the_catalog_filters_on_the_legal_facts_a_source_states(client, taxonomy):
    from datetime import date as day

    from catalog.models import FactCheck
    from tests.factories import VendorFactory

    registered = VendorFactory(
        name="Registered Co",
        services=["customer_service"],
        legal_entity="pt",
        nib="9120001234567",
        bpjs_compliant=True,
        pse_registered=True,
        data_locations=["ID"],
        data_locations_verified=True,
        pricing_models="per_fte,outcome",
    )
    VendorFactory(
        name="Abroad Data Co",
        services=["customer_service"],
        legal_entity="pt",  # no NIB: the entity filter needs both
        data_locations=["ID", "SG"],
        data_locations_verified=True,
        pricing_models="per_transaction",
    )
    VendorFactory(name="Unknown Co", services=["customer_service"])

    def names(query: str) -> list[str]:
        page = client.get(f"/en/catalog/?{query}").content.decode()
        return sorted(n for n in ("Registered Co", "Abroad Data Co", "Unknown Co") if n in page)

    page = client.get("/en/catalog/").content.decode()
    assert 'id="legal-filters"' in page and "Indonesian legal facts" in page
    assert "Keeps client data only in Indonesia (verified)" in page
    assert names("legal=data_id") == ["Registered Co"]
    assert names("legal=entity&legal=bpjs") == ["Registered Co"]
    assert names("pricing=per_transaction") == ["Abroad Data Co"]
    assert names("pricing=outcome&legal=pse") == ["Registered Co"]
    # A fact a curator marks stale no longer matches.
    FactCheck.objects.create(
        vendor=registered, fact="pse_registered", source="call", checked_on=day.today(), stale=True
    )
    registered.save()  # the catalog version moves, as every curated change does
    assert names("legal=pse") == []
    bad = client.get("/en/catalog/?legal=licensed")
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()


def test_the_api_filters_on_legal_facts_as_its_schema_says(client, taxonomy):
    from tests.factories import VendorFactory

    VendorFactory(name="Registered Co", services=["customer_service"], pse_registered=True)
    VendorFactory(name="Other Co", services=["customer_service"], pricing_models="outcome")
    names = [v["name"] for v in client.get("/api/vendors/?legal=pse").json()["results"]]
    assert names == ["Registered Co"]
    names = [v["name"] for v in client.get("/api/vendors/?pricing=outcome").json()["results"]]
    assert names == ["Other Co"]
    bad = client.get("/api/vendors/?legal=licensed")
    assert bad.status_code == 400 and "legal" in bad.json()["errors"]
    schema = client.get("/api/schema/").json()
    documented = {p["name"]: p for p in schema["paths"]["/api/vendors/"]["get"]["parameters"]}
    assert documented["legal"]["schema"]["items"]["enum"] == ["entity", "bpjs", "pse", "data_id"]
    assert documented["pricing"]["schema"]["enum"] == ["", "outcome", "per_fte", "per_transaction"]
