"""Translatable sentences as data.

The engine cannot call Django's gettext, so it records the message id and its parameters;
whoever shows the result translates it. ``_`` is the marker makemessages looks for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Translate = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Text:
    msgid: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, translate: Translate) -> str:
        # Always %-formatted, so a literal percent sign is written "%%" in every message.
        message = translate(self.msgid)
        values = {
            key: value.render(translate) if isinstance(value, Text) else value
            for key, value in self.params
        }
        return message % values

    def to_data(self) -> dict:
        data: dict[str, Any] = {"t": self.msgid}
        if self.params:
            data["p"] = {k: v.to_data() if isinstance(v, Text) else v for k, v in self.params}
        return data

    @classmethod
    def from_data(cls, data: dict) -> Text:
        params = tuple(
            (k, cls.from_data(v) if isinstance(v, dict) else v)
            for k, v in (data.get("p") or {}).items()
        )
        return cls(data["t"], params)


def _(msgid: str, **params: Any) -> Text:
    return Text(msgid, tuple(params.items()))
