"""The recommendation engine: plain Python over plain data, no Django, no ORM.

``recommend(answers, taxonomy, vendors)`` validates nothing itself: call
``answers.parse_answers`` first. Every user-facing sentence is a ``Text`` (a message id and
its parameters) so the same result renders in Indonesian or English.
"""

from .answers import AnswerErrors, Answers, Taxonomy, parse_answers
from .catalog import Catalog
from .records import VendorRecord
from .result import ENGINE_VERSION, Result, recommend, render_result

__all__ = [
    "Catalog",
    "ENGINE_VERSION",
    "AnswerErrors",
    "Answers",
    "Result",
    "Taxonomy",
    "VendorRecord",
    "parse_answers",
    "recommend",
    "render_result",
]
