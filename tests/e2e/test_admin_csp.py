"""Every admin page under the Content-Security-Policy in a real browser: 0 violations.

The pages come from the URL inventory (tests/test_url_inventory.py), so an admin page added
later is visited too. Files (the export and the import template) are downloads, not pages.
"""

from __future__ import annotations

import pytest

from tests.factories import UserFactory
from tests.test_url_inventory import admin_objects, concrete, routes

pytestmark = pytest.mark.e2e

DOWNLOADS = (
    "id/admin/catalog/vendor/export/",
    "id/admin/catalog/vendor/import/template.xlsx",
    "id/admin/catalog/vendor/evidence/<int:pk>/file/",
    "id/admin/catalog/submission/<int:pk>/file/<int:file_pk>/",
)
POST_ONLY = ("id/admin/logout/",)

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def test_every_admin_page_runs_without_a_csp_violation(page, live_catalog):
    superuser = UserFactory(
        username="root", is_staff=True, is_superuser=True, password="correct-horse-battery"
    )
    objects, fill = admin_objects(superuser)
    console: list[str] = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{live_catalog.url}/en/admin/login/")
    page.locator("#id_username").fill("root")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/")

    visited, violations = [], {}
    for route in routes():
        if not route.startswith("id/admin/") or route in DOWNLOADS + POST_ONLY:
            continue
        url = concrete(route, objects, fill)
        page.goto(live_catalog.url + url)
        page.wait_for_load_state("load")
        seen = page.evaluate("window.__csp")
        if seen:
            violations[url] = seen
        visited.append(url)
    assert len(visited) > 80  # every model's list, form, history and delete page
    assert violations == {}
    assert console == []

    # The admin's own scripts work under the policy: "select all" ticks every row.
    page.goto(f"{live_catalog.url}/en/admin/catalog/vendor/")
    page.locator("#action-toggle").check()
    boxes = page.locator("input.action-select")
    assert boxes.count() > 1
    assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))
