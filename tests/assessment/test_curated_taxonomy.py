"""A function category and service that a curator adds in the admin work everywhere."""

import json
from pathlib import Path

import pytest

from assessment import services
from catalog.models import Dimension, Service, ServiceCategory
from tests.factories import VendorFactory, base_answers

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def facility(starting_catalog):
    function = ServiceCategory.objects.create(
        slug="facility_management",
        dimension=Dimension.FUNCTION,
        name_id="Manajemen fasilitas",
        name_en="Facility management",
    )
    Service.objects.create(
        slug="reception_desk", function=function, name_id="Resepsionis", name_en="Reception desk"
    )
    VendorFactory(name="Gedung Prima", slug="gedung-prima", services=["reception_desk"])
    return function


def _answers():
    return base_answers(services=["reception_desk", "customer_service"])


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_api_names_a_curator_added_function(client, facility, language):
    response = client.post(
        "/api/assessments/",
        _answers(),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 201
    rec = response.json()["result"]["recommendation"]
    assert "facility_management" in rec["functions"]
    assert any("facility_management" in r["explanation"] for r in rec["rationale"])
    assert "gedung-prima" in [v["slug"] for v in response.json()["result"]["vendors"]]
    page = client.get(response.json()["url"].replace("http://testserver", ""))
    assert page.status_code == 200


def test_the_questionnaire_names_it_on_the_result_page(client, facility):
    session = client.session
    session["assessment_answers"] = {k: v for k, v in _answers().items() if k != "constraints"}
    session.save()
    form = client.get("/en/assess/services/").content.decode()
    assert "Reception desk" in form and "Facility management" in form
    constraints = {
        "data_sensitivity": "internal",
        "languages": ["id"],
        "coverage": "24_7",
        "location": "any",
        "vendor_strategy": "no_preference",
        "ownership": "outsource",
        "customization": "standard",
        "remote_delivery_ok": "yes",
    }
    response = client.post("/en/assess/constraints/", constraints, follow=True)
    assert "Reception desk" in response.content.decode()  # restated on the review page
    response = client.post("/en/assess/review/", follow=True)
    assert response.status_code == 200
    assert "Facility management" in response.content.decode()


def test_a_family_set_by_the_curator_counts(facility, taxonomy):
    facility.family = "kpo"
    facility.save()
    taxonomy_data = services.load_taxonomy()
    assert taxonomy_data.function_families["facility_management"] == "kpo"
    assert taxonomy_data.function_families["lpo"] == "kpo"


def test_the_cli_names_it(facility, tmp_path, settings):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(_answers()))
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("recommend", str(path), language="en", stdout=out)
    assert "facility_management" in json.loads(out.getvalue())["recommendation"]["functions"]
