"""The PDF report: its text, its metadata, its download, and that it fetches nothing."""

import http.server
import io
import re
import threading

import pytest
from django.utils import timezone
from pypdf import PdfReader

from assessment import pdf, presentation, services
from assessment.models import Assessment
from tests.factories import VendorFactory, base_answers

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def assessment(starting_catalog):
    return services.assessment_create(data=base_answers(), language="en")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "BPO – Business Process Outsourcing",
                "Vendors ranked for you",
                "Data security",
                "Loss of control",
                "Communication",
                "Hidden costs",
                "Internal adjustment",
                "Needs analysis",
                "Performance evaluation",
                "SLA metrics",
                "Due-diligence checklist",
            ],
        ),
        (
            "id",
            [
                "Rekomendasi alih daya",
                "Peringkat vendor untuk Anda",
                "Keamanan data",
                "Kurangnya kontrol",
                "Komunikasi",
                "Biaya tersembunyi",
                "Penyesuaian internal",
                "Analisis kebutuhan",
                "Evaluasi kinerja",
                "Metrik SLA",
            ],
        ),
    ],
)
def test_report_text_holds_model_vendors_and_risks(assessment, language, expected):
    text = _text(pdf.render_pdf(assessment, language))
    for phrase in expected:
        assert phrase in text, phrase
    for vendor in assessment.result["vendors"][:5]:
        assert vendor["name"] in text
    assert "PT Contoh Niaga" in text
    assert "MyRobin" in text  # excluded, with its reason


def test_the_score_table_prints_each_vendors_figure_per_criterion(assessment):
    """The breakdown table: rank, name, score, then each criterion's figure beside its
    bar, as the reader sees the row."""
    text = _text(pdf.render_pdf(assessment, "en"))
    vendors = presentation.result_context(assessment, "en")["vendors"]
    for vendor in vendors[:3]:
        tokens = [
            f"{vendor['rank']}{'=' if vendor['tied'] else ''}",
            *vendor["name"].split(),
            str(vendor["score"]),
            *(str(c["pct"]) for c in vendor["criteria_rows"]),
        ]
        assert re.search(r"\s+".join(map(re.escape, tokens)), text), tokens


def test_report_metadata_and_fonts(assessment):
    reader = PdfReader(io.BytesIO(pdf.render_pdf(assessment, "en")))
    assert reader.metadata.title == "Outsourcing recommendation – PT Contoh Niaga"
    assert reader.metadata.author == "BPO Advisor"
    assert reader.metadata.creation_date is not None
    assert len(reader.pages) >= 5
    assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            if "/DescendantFonts" in font:  # Type0 (CID) fonts, as Typst writes them
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                fonts.add(str(descriptor["/FontName"]))
    assert any("DejaVu" in name or "Noto" in name for name in fonts), fonts
    text = _text(pdf.render_pdf(assessment, "en"))
    assert "2 / " in text  # page numbers


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_untrusted_text_is_shown_as_typed_and_fetches_nothing(starting_catalog, tmp_path):
    """Names are data, never markup: HTML, and Typst's own markup and code (which could
    read a file, fetch an image or restyle the page), print as the characters typed."""
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret is 4711")
    url = f"http://127.0.0.1:{server.server_port}/x.png"
    hostile = f'<img src="{url}"> #read("{secret}") #image("{url}") *bold* $x$ @ref'
    VendorFactory(
        name=f"Evil {hostile}", slug="evil", services=["customer_service", "order_processing"]
    )
    assessment = services.assessment_create(
        data=base_answers(organisation__name=f"PT <b>X</b> #set page(fill: red) {hostile}"[:200]),
        language="en",
    )
    # Long words may break anywhere: the zero-width spaces that allow it are not the text.
    text = " ".join(_text(pdf.render_pdf(assessment, "en")).replace("\u200b", "").split())
    server.shutdown()
    assert _CountingHandler.hits == 0
    assert "4711" not in text
    assert "PT <b>X</b> #set page(fill: red)" in text
    assert f'Evil <img src="{url}"> #read("{secret}")' in text
    assert '#image("' in text and "*bold* $x$ @ref" in text


def test_the_report_template_reads_no_file_and_imports_no_package():
    """The template's only inputs are the two strings it is given: it reads no file, loads
    no package, and its compiler's root is the template's own folder."""
    source = pdf.TEMPLATE.read_text()
    code = re.sub(r"//.*", "", source)  # comments may name what the code does not do
    for call in ("read(", "include ", "import ", "csv(", "yaml(", "toml(", "xml(", "cbor("):
        assert call not in code, call
    assert code.count("json(") == 1 and "json(bytes(sys.inputs.data))" in code
    assert re.findall(r"image\(([^,]+),", code) == ["bytes(sys.inputs.chart)"]
    assert sorted(path.name for path in pdf.TEMPLATE_DIR.iterdir()) == ["report.typ"]


def test_download_has_type_and_a_descriptive_file_name(client, assessment):
    response = client.get(f"/api/assessments/{assessment.token}/pdf?lang=id")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    day = timezone.localtime(assessment.created_at).date().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="bpo-advisor-pt-contoh-niaga-{day}.pdf"'
    )
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    assert "Rekomendasi alih daya" in _text(body)


def test_pdf_for_an_unknown_token_is_404(client, db):
    assert client.get("/api/assessments/nope/pdf").status_code == 404


def test_cli_writes_the_pdf(starting_catalog, tmp_path):
    import json

    from django.core.management import call_command

    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(base_answers()))
    target = tmp_path / "report.pdf"
    call_command(
        "recommend",
        str(answers),
        "--pdf",
        str(target),
        "--language",
        "en",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert "Transcosmos Indonesia" in _text(target.read_bytes())
    assert Assessment.objects.count() == 0  # --pdf alone stores nothing; --save does


def test_the_pdf_is_tagged_and_survives_emoji_and_long_names(starting_catalog):
    """Issue 16, item 9: a screen reader gets structure; pictographs the fonts cannot draw
    are left out rather than printed as boxes; a long unbroken name wraps."""
    from assessment import services
    from tests.factories import base_answers

    name = "PT Sukses 🚀 " + "A" * 150
    saved = services.assessment_create(data=base_answers(organisation__name=name), language="en")
    data = pdf.render_pdf(saved, "en")
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    # It declares PDF/UA-1, the standard for accessible PDF, which Typst checks as it writes.
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfuaid:part(>|=\")1", xmp), xmp[:400]
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "PT Sukses" in text and "🚀" not in text
    assert "🚀" in pdf.report_data(saved, "en")["org"]  # the data keeps it; the PDF does not
    # The long name breaks into lines that fit the page (an A4 line holds about 40 of these
    # letters on the cover, 70 in the running header): none runs on in one line.
    lines = [
        line.replace("\u200b", "")
        for page in reader.pages
        for line in page.extract_text().split("\n")
    ]
    longest = max(len(run) for line in lines for run in re.findall("A+", line))
    assert 10 < longest <= 75, longest
    assert pdf.without_emoji("Kopi ☕️ & Teh 🍵, 日本語") == "Kopi  & Teh , 日本語"
    # Text symbols the fonts draw stay: the due-diligence checklist marks its open questions.
    assert pdf.without_emoji("☐ – ✓ → ⚡ ✅") == "☐ – ✓ →  "
    checklist = text[text.index("Due-diligence checklist") :]
    assert "☐" in checklist


def _download(client, token: str, language: str = "en") -> bytes:
    response = client.get(f"/api/assessments/{token}/pdf?lang={language}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return b"".join(response.streaming_content)


def test_a_report_is_rendered_once_then_served_from_storage(client, assessment, monkeypatch):
    from assessment import reports

    renders = []
    real_render = pdf.render_pdf
    monkeypatch.setattr(
        pdf, "render_pdf", lambda *a, **k: renders.append(a[1]) or real_render(*a, **k)
    )
    first = _download(client, assessment.token)
    again = _download(client, assessment.token)
    assert renders == ["en"] and first == again  # the same file, not a second rendering
    assert "Vendors ranked for you" in _text(again)

    # Another language is another report.
    assert "Peringkat vendor untuk Anda" in _text(_download(client, assessment.token, "id"))
    assert renders == ["en", "id"]

    # A new shortlist is shown in the report: the stored copy is replaced.
    slugs = [v["slug"] for v in assessment.result["vendors"][:2]]
    services.shortlist_set(assessment, slugs)
    _download(client, assessment.token)
    assert renders == ["en", "id", "en"]

    # So is a new engine version's rendering.
    monkeypatch.setattr(reports, "ENGINE_VERSION", "99.0.0")
    _download(client, assessment.token)
    assert renders == ["en", "id", "en", "en"]
    stored = reports._stored(assessment)
    assert sorted(name.split("-")[0] for name in stored) == ["en", "id"]  # one per language
    assert all(assessment.token not in name for name in stored)  # no token in a file name


def test_deleting_an_assessment_deletes_its_reports(
    client, assessment, django_capture_on_commit_callbacks
):
    from assessment import reports

    _download(client, assessment.token)
    assert reports._stored(assessment)
    with django_capture_on_commit_callbacks(execute=True):  # files go once the row has gone
        response = client.delete(f"/api/assessments/{assessment.token}/")
    assert response.status_code in (200, 204)
    assert reports._stored(assessment) == []


def test_a_long_ranking_describes_the_first_ten_and_the_shortlist(starting_catalog):
    """Every ranked vendor is scored in the table; only the first 10 and the shortlisted
    ones get a description (a report, not a listing)."""
    from django.core.management import call_command

    from catalog.models import Vendor

    call_command("seed_demo", vendors=400, seed=3, verbosity=0)
    Vendor.objects.update(is_synthetic=False)
    saved = services.assessment_create(data=base_answers(), language="en")
    vendors = saved.result["vendors"]
    assert len(vendors) > 12
    picked = vendors[-1]
    services.shortlist_set(saved, [vendors[0]["slug"], picked["slug"]])
    text = _text(pdf.render_pdf(saved, "en"))
    assert f"{vendors[9]['rank']}. {vendors[9]['name']}" in text  # the tenth: described
    assert f"{vendors[10]['rank']}. {vendors[10]['name']}" not in text  # the eleventh: not
    assert f"{picked['rank']}. {picked['name']}" in text  # shortlisted: described
    assert vendors[10]["name"] in text  # still scored in the table
    assert f"all {len(vendors)} are scored in the table" in " ".join(text.split())
    # The excluded vendors are grouped by reason: each reason once, every name listed.
    flat = " ".join(text.split())
    excluded = services.result_render(saved.result, "en")["excluded"]
    assert len(excluded) > 10
    for entry in excluded:
        assert entry["name"] in flat
    groups = presentation.excluded_groups(excluded)
    assert len(groups) < len(excluded)
    for group in groups:
        assert flat.count(f"{group['reasons'][1:]} ({len(group['names'])}):") == 1, group
    shared = "offers none of the requested services"
    assert (
        flat.count(shared) <= len(groups) < sum(shared in r for e in excluded for r in e["reasons"])
    )


@pytest.mark.parametrize(
    "name",
    [
        "PT \udaeb\udead Ørsted»",  # as JSON sends it: a code point Unicode has not assigned
        "PT \x01Ørsted\x7f»",  # control characters
        "PT \U0010ffff Ørsted»",  # a noncharacter
    ],
)
def test_characters_that_carry_no_text_are_left_out_and_the_report_stays_accessible(
    client, starting_catalog, name
):
    """Found by the API fuzzer: a name holding a character no font draws made the report
    fail (PDF/UA-1 forbids undrawable text). Such characters print nothing; the rest of
    the name prints, and the report keeps its PDF/UA-1 claim."""
    import json

    answers = base_answers(
        organisation__name=name.encode("utf-16", "surrogatepass").decode("utf-16")
    )
    response = client.post(
        "/api/assessments/", json.dumps(answers), content_type="application/json"
    )
    assert response.status_code == 201
    body = _download(client, response.json()["token"])
    reader = PdfReader(io.BytesIO(body))
    assert "Ørsted»" in " ".join(page.extract_text() for page in reader.pages)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfuaid:part(>|=\")1", xmp)


def test_a_name_in_a_script_without_a_font_still_gets_its_report(starting_catalog, caplog):
    """PDF/UA-1 also forbids text no installed font can draw, such as a name in a script
    the server has no font for: the report is then written tagged, without the claim,
    rather than not at all. (An Egyptian hieroglyph stands for such a script: servers
    rarely carry a font for it.)"""
    saved = services.assessment_create(
        data=base_answers(organisation__name="PT \U00013000 Nusantara"), language="en"
    )
    with caplog.at_level("WARNING", logger="assessment.pdf"):
        reader = PdfReader(io.BytesIO(pdf.render_pdf(saved, "en")))
    assert "without PDF/UA-1" in caplog.text
    assert "Nusantara" in " ".join(page.extract_text() for page in reader.pages)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root  # still tagged
    assert "pdfuaid" not in root["/Metadata"].get_object().get_data().decode()
