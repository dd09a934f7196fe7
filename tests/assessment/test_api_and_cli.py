"""The JSON API and the recommend command speak the contract and agree with each other."""

import io
import json

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from assessment.models import Assessment
from catalog.models import Vendor
from tests.factories import base_answers

pytestmark = pytest.mark.django_db


def _post(client, data, **headers):
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post("/api/assessments/", body, content_type="application/json", **headers)


def _cli(tmp_path, data, *args):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data))
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("recommend", str(path), *args, stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_post_creates_an_assessment_and_returns_the_result(client, starting_catalog):
    response = _post(client, base_answers(), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"token", "url", "pdf_url", "result"}
    assert len(body["token"]) >= 43  # 256 bits, url-safe base64
    assert body["url"].endswith(f"/assess/r/{body['token']}/")
    assert body["pdf_url"].endswith(f"/api/assessments/{body['token']}/pdf?lang=en")
    assert body["result"]["recommendation"]["model"] == "bpo"
    assert body["result"]["vendors"][0]["slug"] == "transcosmos-indonesia"
    assert Assessment.objects.count() == 1


@pytest.mark.parametrize(
    ("asked", "title"),
    [("en", "Outsourcing recommendation"), ("id", "Rekomendasi alih daya")],
)
def test_the_pdf_link_opens_in_the_language_the_answers_were_sent_in(
    client, starting_catalog, asked, title
):
    body = _post(client, base_answers(), HTTP_ACCEPT_LANGUAGE=asked).json()
    # Handed on to someone whose browser asks for the other language, the link keeps its own.
    other = "id" if asked == "en" else "en"
    response = client.get(body["pdf_url"], HTTP_ACCEPT_LANGUAGE=other)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    report = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert report.metadata.title.startswith(title)
    assert body["url"].startswith(f"http://testserver/{asked}/")


def test_get_returns_answers_and_result(client, starting_catalog):
    token = _post(client, base_answers()).json()["token"]
    response = client.get(f"/api/assessments/{token}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    body = response.json()
    assert {"token", "created_at", "answers", "result"} <= set(body)
    assert body["answers"]["services"] == ["customer_service", "order_processing"]
    assert body["answers"]["priorities"]["cost"] == 5


def test_unknown_token_is_404_json(client, db):
    response = client.get("/api/assessments/nope/")
    assert response.status_code == 404
    assert "token" in response.json()["errors"]


def test_bad_answers_are_400_with_field_errors_in_english(client, starting_catalog):
    data = base_answers(services=["teleport"], scale__fte=0)
    response = _post(client, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "services": ["unknown service 'teleport'"],
        "scale.fte": ["Must be between 1 and 100000."],
    }
    assert not Assessment.objects.exists()


def test_bad_answers_are_explained_in_indonesian_by_default(client, starting_catalog):
    response = _post(client, base_answers(services=["teleport"]))
    assert response.json()["errors"]["services"] == ["layanan tidak dikenal: 'teleport'"]


def test_result_sentences_follow_accept_language(client, starting_catalog):
    en = _post(client, base_answers(), HTTP_ACCEPT_LANGUAGE="en").json()["result"]
    idn = _post(client, base_answers(), HTTP_ACCEPT_LANGUAGE="id").json()["result"]
    assert en["recommendation"]["rationale"][1]["explanation"].startswith("The work follows")
    assert idn["recommendation"]["rationale"][1]["explanation"].startswith("Pekerjaan mengikuti")


def test_malformed_and_non_json_bodies_are_refused(client, db):
    assert _post(client, "{not json").status_code == 400
    response = client.post("/api/assessments/", {"a": "b"})
    assert response.status_code == 415
    assert not Assessment.objects.exists()


def test_api_needs_no_csrf_token_or_session(starting_catalog):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert _post(strict, base_answers()).status_code == 201
    assert "sessionid" not in strict.cookies


def test_api_and_cli_give_the_same_result(client, starting_catalog, tmp_path):
    api = _post(client, base_answers(), HTTP_ACCEPT_LANGUAGE="en").json()["result"]
    code, out, _err = _cli(tmp_path, base_answers(), "--language", "en")
    assert code == 0
    assert json.loads(out) == api


def test_cli_reports_every_bad_field_with_exit_status_2(starting_catalog, tmp_path):
    data = base_answers(services=["x"])
    del data["work"]["driver"]
    code, out, err = _cli(tmp_path, data, "--language", "en")
    assert code == 2
    assert out == ""
    assert "services: unknown service 'x'" in err.splitlines()
    assert "work.driver: This field is required." in err.splitlines()
    assert "Traceback" not in err
    assert not Assessment.objects.exists()


def test_cli_rejects_invalid_json_with_status_2(starting_catalog, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{oops")
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("recommend", str(path), stderr=err)
    assert exit_info.value.code == 2
    assert "not valid JSON" in err.getvalue()


def test_cli_save_prints_the_url_and_text_format_reads_well(starting_catalog, tmp_path):
    code, out, err = _cli(
        tmp_path, base_answers(), "--save", "--format", "text", "--language", "en"
    )
    assert code == 0
    token = Assessment.objects.get().token
    assert f"/en/assess/r/{token}/" in err
    assert "Outsource: BPO – Business Process Outsourcing" in out
    assert "1. Transcosmos Indonesia" in out


def test_cli_reads_standard_input(starting_catalog, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(base_answers())))
    out = io.StringIO()
    call_command("recommend", "-", stdout=out)
    assert json.loads(out.getvalue())["recommendation"]["location"] == "onshore"


@pytest.mark.parametrize("synthetic", [0, 1000])
def test_api_query_count_does_not_grow_with_the_catalog(
    client, starting_catalog, django_assert_max_num_queries, synthetic
):
    call_command("seed_demo", vendors=synthetic, verbosity=0)
    Vendor.objects.update(is_synthetic=False)  # let them all compete
    # 10 of them read the catalog (services.vendor_catalog), 1 its compliance rules
    with django_assert_max_num_queries(20):
        response = _post(client, base_answers())
    assert response.status_code == 201
    body = response.json()
    assert body["result"]["vendors_total"] >= (50 if synthetic else 6)
    token = body["token"]
    with django_assert_max_num_queries(2):
        assert client.get(f"/api/assessments/{token}/").status_code == 200


def _cli_raw(path, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("recommend", str(path), *args, stdout=out, stderr=err)
    except SystemExit as exc:
        return exc.code, err.getvalue()
    return 0, err.getvalue()


def test_cli_exits_2_with_one_line_for_every_bad_file(starting_catalog, tmp_path):
    """Issue 11: the CLI is total: a non-UTF-8 file, an endless device, deep nesting, a
    huge number, a missing file and an unwritable PDF path each give one line and exit 2."""
    cases = {
        "latin1.json": '{"organisation": {"name": "Caf\xe9"}}'.encode("latin-1"),
        "deep.json": b"[" * 5000 + b"]" * 5000,
        "huge.json": b'{"scale": {"fte": ' + b"9" * 5000 + b"}}",
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        code, err = _cli_raw(path)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, name
    code, err = _cli_raw("/dev/zero")
    assert code == 2 and "larger than" in err
    code, err = _cli_raw(tmp_path / "missing.json")
    assert code == 2 and "missing.json" in err
    good = tmp_path / "good.json"
    good.write_text(json.dumps(base_answers()))
    code, err = _cli_raw(good, "--pdf", str(tmp_path / "no-such-dir" / "report.pdf"))
    assert code == 2 and "cannot write the PDF" in err
