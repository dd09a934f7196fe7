"""Translatable sentences as data.

The engine cannot call Django's gettext, so it records the message id and its parameters;
whoever shows the result translates it. ``_`` is the marker makemessages looks for.

Stored results keep each sentence rendered in every interface language as well (``"r"``):
a saved assessment is a dated report, and it must read as it did when it was made, even
after a message is reworded or removed. Results stored before that (message id and
parameters only) are rendered from the id, and never fail: a message whose parameters no
longer fit falls back to its stored id.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Translate = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Name:
    """A name the catalog keeps in each interface language (a service, a country), used as
    a sentence's parameter. A translate function says its language by a ``language``
    attribute; without one (the engine's tests), the English name is used."""

    names: tuple[tuple[str, str], ...]

    def render(self, translate: Translate) -> str:
        names = dict(self.names)
        language = getattr(translate, "language", None) or "en"
        return names.get(language) or names.get("en") or next(iter(names.values()), "")

    def to_data(self) -> dict:
        return {"n": dict(self.names)}


def name(**names: str) -> Name:
    return Name(tuple(sorted(names.items())))


def names_list(items: list[Name] | tuple[Name, ...]) -> Name:
    """Several names as one, joined by commas, in each language."""
    languages = sorted({lang for item in items for lang, _n in item.names} or {"en"})
    joined = {}
    for lang in languages:
        fake = _Lang(lang)
        joined[lang] = ", ".join(item.render(fake) for item in items)
    return Name(tuple(joined.items()))


class _Lang:
    def __init__(self, language: str):
        self.language = language

    def __call__(self, message: str) -> str:
        return message


def _format(message: str, values: dict[str, Any]) -> str:
    try:
        return message % values
    except (KeyError, TypeError, ValueError):
        return ""


@dataclass(frozen=True, slots=True)
class Text:
    msgid: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, translate: Translate) -> str:
        # Always %-formatted, so a literal percent sign is written "%%" in every message.
        values = {
            key: value.render(translate) if isinstance(value, Text | Name) else value
            for key, value in self.params
        }
        return _format(translate(self.msgid), values) or _format(self.msgid, values) or self.msgid

    def to_data(self, renderers: Mapping[str, Translate] | None = None) -> dict:
        data: dict[str, Any] = {"t": self.msgid}
        if self.params:
            data["p"] = {
                k: v.to_data() if isinstance(v, Text | Name) else v for k, v in self.params
            }
        if renderers:
            data["r"] = {language: self.render(tr) for language, tr in renderers.items()}
        return data

    @classmethod
    def from_data(cls, data: dict) -> Text:
        params = tuple((k, _param(v)) for k, v in (data.get("p") or {}).items())
        return cls(str(data.get("t", "")), params)


def _param(value: Any) -> Any:
    if isinstance(value, dict) and "t" in value:
        return Text.from_data(value)
    if isinstance(value, dict) and isinstance(value.get("n"), dict):
        return Name(tuple(sorted((str(k), str(v)) for k, v in value["n"].items())))
    return value


def render_stored(data: Any, translate: Translate, language: str | None = None) -> str:
    """A stored sentence in ``language``: as rendered when it was stored, else from its id."""
    if isinstance(data, str):
        return data
    if not isinstance(data, dict):
        return ""
    rendered = data.get("r") or {}
    if language and language in rendered:
        return rendered[language]
    return Text.from_data(data).render(translate)


def thousands(amount: int) -> str:
    """A whole amount with no-break spaces between thousands: reads the same in both
    languages (a comma or a dot would mean opposite things in each)."""
    return f"{amount:,}".replace(",", "\u00a0")


def join(texts: list[Text] | tuple[Text, ...], separator: str = "; ") -> Text:
    """Several sentences or clauses as one Text (the separator is the same in every
    language). Its message id is a format string no catalog translates."""
    keys = [f"p{i}" for i in range(len(texts))]
    msgid = separator.join(f"%({key})s" for key in keys)
    return Text(msgid, tuple(zip(keys, texts, strict=True)))


def _(msgid: str, **params: Any) -> Text:
    return Text(msgid, tuple(params.items()))
