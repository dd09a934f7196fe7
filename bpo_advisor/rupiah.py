"""Amounts of rupiah as people type them: "75.000.000", "75000000", "Rp 75 juta", "1,5 miliar"
in Indonesian; "75,000,000", "75 million" in English.

Never a silent rescale: an amount that two conventions would read differently ("75.000" is
seventy-five thousand in Indonesian and seventy-five in English; "1,500" the other way
round; "m" is "miliar" to some and "million" to others) is refused with an example, and so
is a fraction of a rupiah. ``parse_rupiah`` is plain Python; ``RupiahField`` is the form
field every form with an amount uses (the questionnaire's budget, a vendor's prices).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Words (lower case) that multiply the number before them, in either interface language.
MULTIPLIERS = {
    "ribu": 10**3,
    "rb": 10**3,
    "k": 10**3,
    "thousand": 10**3,
    "juta": 10**6,
    "jt": 10**6,
    "million": 10**6,
    "mio": 10**6,
    "mn": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "billion": 10**9,
    "bn": 10**9,
    "triliun": 10**12,
    "trillion": 10**12,
}
# Read differently by different people: refused, with the unambiguous words as an example.
AMBIGUOUS_WORDS = frozenset({"m", "b"})
# (thousands separator, decimal separator) of each interface language.
SEPARATORS = {"id": (".", ","), "en": (",", ".")}

_AMOUNT = re.compile(r"(?P<number>\d[\d.,]*)\s*(?P<word>[a-z]+)?")
_CURRENCY = re.compile(r"^(rp\.?|idr)\s*|\s*(rupiah|idr)$")


class MoneyError(ValueError):
    """Why a text is not an amount: ``invalid``, ``ambiguous``, ``fraction``."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def parse_rupiah(text: str, language: str = "id") -> int:
    """The whole number of rupiah ``text`` states, read in ``language``'s conventions."""
    cleaned = _CURRENCY.sub("", text.strip().lower().replace("\u00a0", " ")).strip()
    # Spaces and apostrophes only ever group digits ("75 000 000", "75'000'000").
    cleaned = re.sub(r"(?<=\d)[ '](?=\d{3}\b)", "", cleaned)
    match = _AMOUNT.fullmatch(cleaned)
    if not match:
        raise MoneyError("invalid")
    word = match.group("word")
    if word in AMBIGUOUS_WORDS:
        raise MoneyError("ambiguous")
    if word and word not in MULTIPLIERS:
        raise MoneyError("invalid")
    amount = _number(match.group("number"), language) * MULTIPLIERS.get(word or "", 1)
    if amount != amount.to_integral_value():
        raise MoneyError("fraction")
    return int(amount)


def _number(text: str, language: str) -> Decimal:
    group, decimal = SEPARATORS.get(language[:2], SEPARATORS["id"])
    separators = [c for c in text if not c.isdigit()]
    if not separators:
        return Decimal(text)
    kinds = set(separators)
    if text[-1] in kinds:
        raise MoneyError("invalid")
    if len(kinds) == 2:
        # "75.000.000,50" or "75,000,000.50": the last separator marks the decimals and
        # appears once; the other one groups thousands.
        last = separators[-1]
        whole, _sep, fraction = text.rpartition(last)
        if separators.count(last) != 1 or not _grouped(whole, separators[0]):
            raise MoneyError("invalid")
        return _decimal(whole.replace(separators[0], "") + "." + fraction)
    sep = separators[0]
    if len(separators) > 1:  # the same mark several times can only group thousands
        if not _grouped(text, sep):
            raise MoneyError("invalid")
        return Decimal(text.replace(sep, ""))
    if _grouped(text, sep):
        # "75.000" or "75,000": thousands in one convention, decimals in the other.
        if sep == group:
            return Decimal(text.replace(sep, ""))
        raise MoneyError("ambiguous")
    if sep == decimal:
        return _decimal(text.replace(sep, "."))
    raise MoneyError("ambiguous")  # "1.5" in Indonesian, "1,5" in English


def _grouped(text: str, sep: str) -> bool:
    parts = text.split(sep)
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 and p.isdigit() for p in parts[1:])


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise MoneyError("invalid") from exc


class RupiahField(forms.CharField):
    """A rupiah amount typed as people write it ("75.000.000", "75 juta"), shown back with
    the interface language's thousands separators. Ambiguous text is refused, never guessed."""

    default_error_messages = {
        "invalid": _("Enter an amount in rupiah, for example 75,000,000 or 75 million."),
        "ambiguous": _(
            "“%(value)s” can be read in two ways. Write every digit, for example 75,000,000, "
            "or use a word, for example 75 million."
        ),
        "fraction": _("Enter whole rupiah, for example 75,000,000."),
        "min_value": _("Enter at least Rp 1."),
        "max_value": _("That is more than the advisor can work with; check the amount."),
    }

    MAX_TEXT = 40

    def __init__(self, *, max_value: int, **kwargs):
        self.max_value = max_value
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update(
            {"maxlength": str(self.MAX_TEXT), "autocomplete": "off", "spellcheck": "false"}
        )
        return attrs

    def prepare_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return number_format(value, decimal_pos=0, force_grouping=True)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if len(value) > self.MAX_TEXT:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            amount = parse_rupiah(value, get_language() or "id")
        except MoneyError as error:
            raise forms.ValidationError(
                self.error_messages[error.code], code=error.code, params={"value": value}
            ) from error
        if amount < 1:
            raise forms.ValidationError(self.error_messages["min_value"], code="min_value")
        if amount > self.max_value:
            raise forms.ValidationError(self.error_messages["max_value"], code="max_value")
        return amount
