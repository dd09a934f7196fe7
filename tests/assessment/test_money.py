"""Budgets as people type them, in each interface language; never a silent rescale."""

import pytest

from assessment.money import MoneyError, parse_rupiah


@pytest.mark.parametrize(
    ("text", "language", "amount"),
    [
        ("75.000.000", "id", 75_000_000),
        ("75000000", "id", 75_000_000),
        ("75 juta", "id", 75_000_000),
        ("Rp 75 juta", "id", 75_000_000),
        ("Rp75.000.000", "id", 75_000_000),
        ("75jt", "id", 75_000_000),
        ("1,5 miliar", "id", 1_500_000_000),
        ("75.000.000,00", "id", 75_000_000),
        ("75 000 000", "id", 75_000_000),
        ("75.000", "id", 75_000),
        ("IDR 250.000.000", "id", 250_000_000),
        ("75,000,000", "id", 75_000_000),  # commas repeated: only thousands make sense
        ("75,000,000", "en", 75_000_000),
        ("75 million", "en", 75_000_000),
        ("1.5 billion", "en", 1_500_000_000),
        ("75.000.000", "en", 75_000_000),  # dots repeated: only thousands
        ("75,000", "en", 75_000),
        ("250k", "en", 250_000),
    ],
)
def test_amounts_people_write_are_read_as_meant(text, language, amount):
    assert parse_rupiah(text, language) == amount


@pytest.mark.parametrize(
    ("text", "language", "code"),
    [
        ("75,000", "id", "ambiguous"),  # 75 in Indonesian decimals, 75 thousand in English
        ("75.000", "en", "ambiguous"),
        ("1.5", "id", "ambiguous"),
        ("1,5", "en", "ambiguous"),
        ("75m", "id", "ambiguous"),  # miliar or million?
        ("75 M", "en", "ambiguous"),
        ("1,5", "id", "fraction"),  # one and a half rupiah
        ("75.000.000,5", "id", "fraction"),
        ("seventy", "en", "invalid"),
        ("75 apples", "en", "invalid"),
        ("7.5.0", "id", "invalid"),
        ("", "id", "invalid"),
        ("75.", "id", "invalid"),
        ("-5", "id", "invalid"),
    ],
)
def test_what_could_be_misread_is_refused(text, language, code):
    with pytest.raises(MoneyError) as error:
        parse_rupiah(text, language)
    assert error.value.code == code
