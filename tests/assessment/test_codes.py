"""Every code the engine can emit has a label in both languages and, for an unknown
attribute, a due-diligence question."""

from functools import cache
from pathlib import Path

import polib
import pytest
from django.utils import translation

from assessment import presentation
from assessment.engine import codes
from assessment.engine.advice import QUESTIONS

TABLES = {
    codes.Approach: presentation.APPROACH,
    codes.Model: presentation.MODEL,
    codes.Specialisation: presentation.SPECIALISATION,
    codes.Location: presentation.LOCATION,
    codes.WorkSystem: presentation.WORK_SYSTEM,
    codes.Customization: presentation.CUSTOMIZATION,
    codes.Criterion: presentation.CRITERIA,
    codes.Attribute: presentation.ATTRIBUTE,
    codes.Risk: presentation.RISK,
    codes.Level: presentation.LEVEL,
    codes.Stage: presentation.STAGE,
    codes.Metric: presentation.METRIC,
    codes.Sourcing: presentation.SOURCING,
    codes.Delivery: presentation.DELIVERY,
    codes.LocationMix: presentation.LOCATION_MIX,
    codes.Engagement: presentation.ENGAGEMENT,
    codes.Strength: presentation.STRENGTH,
}
POINTS_TO = (
    codes.Approach,
    codes.Model,
    codes.Specialisation,
    codes.Location,
    codes.WorkSystem,
    codes.Customization,
    codes.PointsTo,
)


def _pairs():
    for enum, table in TABLES.items():
        for member in enum:
            yield enum.__name__, member, table
    for enum in POINTS_TO:
        for member in enum:
            yield "points_to", member, presentation.POINTS_TO


@cache
def _indonesian() -> frozenset[str]:
    po = Path(__file__).resolve().parents[2] / "locale/id/LC_MESSAGES/django.po"
    return frozenset(e.msgid for e in polib.pofile(str(po)).translated_entries())


@pytest.mark.parametrize(("kind", "code"), [(k, c) for k, c, _t in _pairs()], ids=str)
def test_every_code_has_a_label_in_both_languages(kind, code):
    table = next(t for k, c, t in _pairs() if k == kind and c == code)
    assert code in table, f"{kind} {code} has no label"
    with translation.override("en"):
        english = str(table[code])
    assert english in _indonesian(), f"{kind} {code}: {english!r} has no Indonesian translation"


@pytest.mark.parametrize("attribute", list(codes.Attribute))
def test_every_unknown_attribute_has_a_due_diligence_question(attribute):
    question = QUESTIONS[attribute]
    with translation.override("id"):
        indonesian = question.render(translation.gettext)
    assert indonesian and indonesian != question.msgid


def test_a_code_this_version_does_not_know_still_gets_a_readable_label():
    assert presentation.label(presentation.RISK, "vendor_lock_in") == "vendor lock in"
    assert presentation.label(presentation.RISK, None) == ""


def test_stored_attribute_spellings_of_engine_1_0_are_read_as_todays():
    assert codes.attribute("customization") == codes.Attribute.CUSTOMIZATIONS
    assert codes.attribute("size") == codes.Attribute.SIZE_BAND
    assert codes.attribute("certifications") == codes.Attribute.CERTIFICATIONS
