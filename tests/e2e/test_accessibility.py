"""axe-core (shipped inside axe-playwright-python) on every kind of page, error states and
the admin's add-vendor form included: no violations."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from assessment import services
from tests.factories import base_answers, make_curator

pytestmark = pytest.mark.e2e
AXE = Axe()


def _violations(page) -> list[str]:
    results = AXE.run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("language", ["id", "en"])
def test_public_pages_have_no_axe_violations(page, live_catalog, language):
    saved = services.assessment_create(data=base_answers(), language=language)
    services.shortlist_set(saved, [v["slug"] for v in saved.result["vendors"][:2]])
    base = f"{live_catalog.url}/{language}"
    urls = [
        f"{base}/",
        f"{base}/catalog/",
        f"{base}/catalog/tdcx/",
        f"{base}/catalog/tdcx/update/",  # a vendor's proposal form
        f"{base}/catalog/propose/",
        f"{base}/assess/organisation/",
        f"{base}/assess/services/",
        f"{base}/assess/work/",
        f"{base}/assess/priorities/",
        f"{base}/assess/constraints/",
        f"{base}/assess/r/{saved.token}/",
        f"{base}/api/docs/",
    ]
    found = {}
    for url in urls:
        page.goto(url)
        problems = _violations(page)
        if problems:
            found[url] = problems
    # An error state: the work step sent empty.
    page.goto(f"{base}/assess/work/")
    page.locator("button[name=next]").click()
    problems = _violations(page)
    if problems:
        found["work step with errors"] = problems
    assert found == {}


def test_the_review_page_and_the_admin_vendor_form_have_no_axe_violations(page, live_catalog):
    from tests.assessment.test_views import STEP_DATA

    page.goto(f"{live_catalog.url}/en/assess/?new=1")
    for step, data in STEP_DATA.items():
        page.goto(f"{live_catalog.url}/en/assess/{step}/")
        for name, value in data.items():
            values = value if isinstance(value, list) else [value]
            field = page.locator(f'[name="{name}"]').first
            kind = field.get_attribute("type")
            if kind in ("radio", "checkbox"):
                for v in values:
                    page.locator(f'[name="{name}"][value="{v}"]').check()
            elif field.evaluate("e => e.tagName") == "SELECT":
                field.select_option(values[0])
            else:
                field.fill(str(values[0]))
        page.locator("button[name=next]").click()
    assert page.url.endswith("/en/assess/review/")
    assert _violations(page) == []

    make_curator(username="curator", password="correct-horse-battery")
    page.goto(f"{live_catalog.url}/en/admin/login/")
    page.locator("#id_username").fill("curator")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("input[type=submit]").click()
    page.goto(f"{live_catalog.url}/en/admin/catalog/vendor/add/")
    assert _violations(page) == []


def test_the_admin_import_pages_run_under_the_csp(page, live_catalog):
    """Issue 11: the curator's own import page and the verification form break no
    Content-Security-Policy rule in a real browser."""
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    make_curator(username="curator", password="correct-horse-battery")
    page.goto(f"{live_catalog.url}/en/admin/login/")
    page.locator("#id_username").fill("curator")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("input[type=submit]").click()
    page.goto(f"{live_catalog.url}/en/admin/catalog/vendor/import/")
    page.locator("#id_import_file").set_input_files(
        files=[
            {"name": "v.csv", "mimeType": "text/csv", "buffer": b"slug,name,services\nx,X,warp\n"}
        ]
    )
    page.locator("input[type=submit][value='Check the file']").click()
    assert page.locator("#import-problems").is_visible()
    page.goto(f"{live_catalog.url}/en/admin/catalog/vendor/")
    assert violations == []
