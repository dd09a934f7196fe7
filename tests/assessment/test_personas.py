"""Realistic clients against the starting catalog: the recommendation and the top vendors."""

import pytest

from assessment import services
from tests.factories import base_answers

pytestmark = pytest.mark.django_db

PERSONAS = {
    "online_shop_customer_care": (
        {},
        {
            "approach": "outsource",
            "model": "bpo",
            "specialisation": None,
            "location": "onshore",
            "work_system": "cloud_based",
            "functions": ["front_office", "back_office"],
        },
        ["transcosmos-indonesia", "infomedia-nusantara"],
    ),
    "law_firm_contracts": (
        {
            "organisation__industry": "legal_services",
            "services": ["contract_drafting", "legal_research", "litigation_support"],
            "work__process_definition": "judgment",
            "work__expertise": "specialist",
            "work__customer_contact": "none",
            "work__driver": "expertise",
            "constraints__data_sensitivity": "confidential",
            "scale__seasonal_peaks": False,
            "priorities__flexibility": 3,
        },
        {"model": "kpo", "specialisation": "lpo", "functions": ["lpo"]},
        [],
    ),
    "investment_house_research": (
        {
            "organisation__industry": "finance_banking",
            "services": ["financial_research", "market_research"],
            "work__process_definition": "judgment",
            "work__expertise": "specialist",
            "work__customer_contact": "none",
            "work__driver": "expertise",
            "constraints__vendor_strategy": "single",
            "scale__seasonal_peaks": False,
            "priorities__flexibility": 2,
            # Was offshore because cost pushed abroad; for an Indonesian client cost no longer
            # does (issue 8, item 1). Offshore now rests on the talent pool for financial
            # research (S1), with communication left at "important".
            "priorities__communication": 3,
        },
        {
            "model": "kpo",
            "specialisation": "rpo",
            "location": "offshore",
            "work_system": "single_vendor",
        },
        [],
    ),
    "software_house_it_support": (
        {
            "organisation__industry": "technology_it",
            "services": ["it_helpdesk", "it_support", "software_development"],
            "work__expertise": "skilled",
            "work__customer_contact": "none",
            "constraints__vendor_strategy": "single",
            "scale__seasonal_peaks": False,
            "priorities__flexibility": 2,
        },
        {
            "model": "bpo",
            "specialisation": "ites",
            "functions": ["ites"],
            "work_system": "single_vendor",
        },
        ["infomedia-nusantara", "vads-indonesia"],
    ),
    "hospital_claims_regulated": (
        {
            "organisation__industry": "healthcare",
            "services": ["claims_processing", "data_entry"],
            "work__customer_contact": "none",
            "constraints__data_sensitivity": "regulated",
            "constraints__coverage": "business_hours",
            "constraints__remote_delivery_ok": False,
            "constraints__vendor_strategy": "single",
            "priorities__data_security": 5,
        },
        {"model": "bpo", "location": "onshore", "functions": ["back_office"]},
        ["gos-indoraya", "infomedia-nusantara", "transcosmos-indonesia"],
    ),
    "fintech_core_platform": (
        {
            "organisation__industry": "finance_banking",
            "services": ["software_development"],
            "work__core_to_business": True,
            "work__expertise": "specialist",
            "work__customer_contact": "none",
            "work__driver": "balanced",
        },
        {"approach": "keep_in_house"},
        ["infomedia-nusantara"],
    ),
    "multinational_captive_centre": (
        {
            "organisation__size": "multinational",
            "constraints__ownership": "own_subsidiary",
            "services": ["customer_service", "technical_support"],
        },
        {"approach": "captive", "work_system": "captive"},
        ["tdcx", "vads-indonesia"],
    ),
    "german_retailer_offshore_care": (
        {
            "organisation__country": "DE",
            "constraints__languages": ["en"],
            "services": ["customer_service"],
            "priorities__communication": 1,
            "priorities__control": 1,
            "constraints__data_sensitivity": "public",
            "scale__seasonal_peaks": False,
            "priorities__flexibility": 2,
            "constraints__vendor_strategy": "single",
        },
        {"location": "offshore", "model": "bpo", "work_system": "single_vendor"},
        ["infomedia-nusantara", "pt-linksindo-makmur"],
    ),
    "malaysian_bank_nearshore_collections": (
        {
            "organisation__country": "MY",
            "organisation__industry": "finance_banking",
            "services": ["telecollection", "telemarketing"],
            "constraints__location": "nearshore",
            "constraints__languages": ["ms", "id"],
        },
        {"location": "nearshore", "model": "bpo"},
        ["smart-bpo-indonesia", "pt-linksindo-makmur"],
    ),
    "retailer_seasonal_staffing": (
        {"services": ["staffing"], "work__customer_contact": "indirect"},
        {"model": "bpo", "functions": ["workforce"]},
        ["gos-indoraya", "myrobin"],
    ),
    # Was "multi_sourcing" because no catalog vendor covers all three services. That is a
    # gap in the catalog, not the client's operating model (issue 8, item 4): the client
    # asked for nothing special, has demand peaks and allows remote work, so cloud-based,
    # and the gap is a notice.
    "scaleup_catalog_gap": (
        {
            "organisation__industry": "technology_it",
            "organisation__size": "startup",
            "services": ["customer_service", "payroll", "marketing_services"],
        },
        {"work_system": "cloud_based"},
        # KPSG is known to work cloud-based; the others tie (ranks 1, 2, 2), listed by name.
        ["kpsg-group", "heroleads-indonesia", "infomedia-nusantara"],
    ),
    "startup_cloud_payroll": (
        {
            "organisation__size": "startup",
            "services": ["payroll", "bookkeeping", "hr_administration"],
            "work__customer_contact": "none",
            "priorities__flexibility": 5,
        },
        {"work_system": "cloud_based", "functions": ["back_office"]},
        ["kpsg-group", "gos-indoraya"],
    ),
    "telco_hybrid_customized": (
        {
            "organisation__industry": "telecommunications",
            "organisation__size": "large",
            "services": ["customer_service", "technical_support", "data_entry"],
            "scale__fte": 400,
            "scale__seasonal_peaks": False,
            "priorities__flexibility": 2,
            "constraints__vendor_strategy": "single",
            "constraints__customization": "custom",
        },
        {"work_system": "hybrid", "customization": "customized"},
        ["infomedia-nusantara", "tdcx", "transcosmos-indonesia"],
    ),
}


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_persona(persona, starting_catalog):
    overrides, expected, top = PERSONAS[persona]
    outcome = services.assessment_evaluate(base_answers(**overrides))
    result = services.result_render(outcome.result_data, "en")
    rec = result["recommendation"]
    for key, value in expected.items():
        assert rec[key] == value, (key, rec[key], [r["explanation"] for r in rec["rationale"]])
    ranked = [v["slug"] for v in result["vendors"]]
    if persona == "scaleup_catalog_gap":
        assert "catalog_coverage_gap" in [n["code"] for n in rec["notices"]]
        assert [v["rank"] for v in result["vendors"][:3]] == [1, 2, 2]  # an honest tie
    if top:
        assert ranked[: len(top)] == top, ranked
    else:
        assert ranked == [], "no starting vendor is a legal or research specialist"
        assert {e["slug"] for e in result["excluded"]} == {
            "heroleads-indonesia",
            "gos-indoraya",
            "smart-bpo-indonesia",
            "kpsg-group",
            "pt-linksindo-makmur",
            "myrobin",
            "vads-indonesia",
            "transcosmos-indonesia",
            "infomedia-nusantara",
            "tdcx",
        }
        assert "offers none of the requested services" in result["excluded"][0]["reasons"]
