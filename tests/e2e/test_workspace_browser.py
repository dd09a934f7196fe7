"""The decision workspace in a real browser (issue 9): sliders re-rank exactly as the
engine does, weights save as a new result, a shortlist is compared and stays."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assessment import services
from assessment.models import Assessment
from tests.factories import base_answers

pytestmark = pytest.mark.e2e


def _page_ranking(page):
    cards = page.locator("#vendor-list article.vendor-result")
    expect(cards.first).to_be_visible()  # count() does not wait for the page
    return [
        (
            cards.nth(i).get_attribute("data-slug"),
            float(cards.nth(i).locator(".score-badge").inner_text().replace(",", ".")),
            int(cards.nth(i).locator(".rank-no").inner_text()),
        )
        for i in range(cards.count())
    ]


def test_sliders_rerank_like_the_engine_and_save_as_a_new_result(page, live_catalog):
    saved = services.assessment_create(data=base_answers(), language="en")
    page.goto(f"{live_catalog.url}/en/assess/r/{saved.token}/")
    before = _page_ranking(page)
    assert before[0][0] == "transcosmos-indonesia"
    services_weight = page.locator("#w-services").input_value()
    page.locator("#weights-panel summary").click()  # the panel is folded at first

    # Services matter little, location and coverage a lot: the tie behind #1 reorders.
    page.locator("#w-services").fill("1")
    page.locator("#w-coverage").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(page.locator("#w-coverage-out")).to_have_text(page.locator("#w-coverage").input_value())
    expect(page.locator("#weights-status")).not_to_be_empty()
    shown = _page_ranking(page)
    weights = {key: int(page.locator(f"#w-{key}").input_value()) for key in saved.result["weights"]}
    engine = services.assessment_evaluate(base_answers(criteria_weights=weights)).result_data
    expected = [(v["slug"], v["score"], v["rank"]) for v in engine["vendors"]]
    assert shown == expected
    assert shown != before

    page.get_by_role("button", name="Reset").click()
    expect(page.locator("#w-services")).to_have_value(services_weight)
    expect(page.locator("#weights-status")).to_be_empty()  # the order is restored with it
    assert _page_ranking(page) == before

    page.locator("#w-services").fill("1")
    page.get_by_role("button", name="Save these weights").click()
    expect(page).not_to_have_url(re.compile(saved.token))
    fresh = Assessment.objects.exclude(pk=saved.pk).get()
    assert fresh.rerun_of_id == saved.pk and fresh.answers["criteria_weights"]["services"] == 1
    assert _page_ranking(page) == [
        (v["slug"], v["score"], v["rank"]) for v in fresh.result["vendors"]
    ]
    assert page.console_errors == []


def test_a_shortlist_is_compared_and_stays_after_reload(page, live_catalog):
    saved = services.assessment_create(data=base_answers(), language="id")
    page.goto(f"{live_catalog.url}/id/assess/r/{saved.token}/")
    for slug in ("tdcx", "transcosmos-indonesia", "infomedia-nusantara"):
        page.locator(f"#pick-{slug}").check()
    page.get_by_role("button", name="Bandingkan dan simpan daftar pendek").click()
    expect(page.locator("#compare-table")).to_be_visible()
    expect(page.locator("#compare-table thead th")).to_have_count(4)
    page.reload()
    expect(page.locator("#compare-table")).to_be_visible()
    expect(page.locator("#pick-tdcx")).to_be_checked()
    assert Assessment.objects.get(pk=saved.pk).shortlist == [
        "transcosmos-indonesia",
        "infomedia-nusantara",
        "tdcx",
    ]
    assert page.console_errors == []


def test_on_a_phone_the_shortlist_and_the_link_come_first(browser, live_catalog):
    saved = services.assessment_create(data=base_answers(), language="en")
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone = context.new_page()
    phone.goto(f"{live_catalog.url}/en/assess/r/{saved.token}/")
    screen = 844
    summary = phone.locator("#summary-vendors")
    expect(summary.locator("li")).to_have_count(3)
    assert summary.bounding_box()["y"] + summary.bounding_box()["height"] < 3 * screen
    link = phone.locator("#share-link")
    assert link.bounding_box()["y"] < 3 * screen
    assert link.input_value().endswith(f"/en/assess/r/{saved.token}/")
    phone.locator("#copy-link").click()
    expect(phone.locator("#copy-link")).to_have_text("Copied")
    assert phone.evaluate("navigator.clipboard.readText()") == link.input_value()
    # The due-diligence matrix becomes one card per vendor; the wide table is not shown.
    expect(phone.locator("#due-diligence-cards .card").first).to_be_visible()
    expect(phone.locator("#due-diligence")).to_be_hidden()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width  # nothing runs off the side of the screen
    context.close()
