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
            key: value.render(translate) if isinstance(value, Text) else value
            for key, value in self.params
        }
        return _format(translate(self.msgid), values) or _format(self.msgid, values) or self.msgid

    def to_data(self, renderers: Mapping[str, Translate] | None = None) -> dict:
        data: dict[str, Any] = {"t": self.msgid}
        if self.params:
            data["p"] = {k: v.to_data() if isinstance(v, Text) else v for k, v in self.params}
        if renderers:
            data["r"] = {language: self.render(tr) for language, tr in renderers.items()}
        return data

    @classmethod
    def from_data(cls, data: dict) -> Text:
        params = tuple(
            (k, cls.from_data(v) if isinstance(v, dict) and "t" in v else v)
            for k, v in (data.get("p") or {}).items()
        )
        return cls(str(data.get("t", "")), params)


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


def _(msgid: str, **params: Any) -> Text:
    return Text(msgid, tuple(params.items()))
