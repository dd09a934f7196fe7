"""The BPO vs KPO decision as a table an outsourcing expert can read against the sources.

The first source (S1, seeds/000) separates BPO from KPO by six elements: focus, process,
specialisation, driving force, activities and client contact. "Focus" and "activities" are
what the requested services are (decide._services_element); the other four are answers to
the questionnaire, one row per answer below. Each row gives the points the answer adds to
BPO and to KPO, what it points to, the sentence the client reads, and the passage it rests
on. The points come from weights.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import weights as W
from .codes import Model, PointsTo
from .text import Text, _


@dataclass(frozen=True)
class ElementRule:
    element: str  # S1's name for the element
    factor: str  # the answer (work.<factor>) and the rationale's factor
    value: str  # the answer's value this row is for
    bpo: float
    kpo: float
    points_to: str
    message: Text
    source: str


ELEMENT_RULES: tuple[ElementRule, ...] = (
    ElementRule(
        "process",
        "process_definition",
        "predefined",
        W.PROCESS_WEIGHT,
        0.0,
        Model.BPO,
        _("The work follows predefined procedures (SOPs): BPO is built to run such processes."),
        "S1 table, Proses: BPO 'Proses yang ditentukan sebelumnya'",
    ),
    ElementRule(
        "process",
        "process_definition",
        "mixed",
        W.PROCESS_WEIGHT * W.MIXED_PROCESS_SPLIT[0],
        W.PROCESS_WEIGHT * W.MIXED_PROCESS_SPLIT[1],
        PointsTo.BPO_OR_KPO,
        _("The work mixes procedures and judgement: it does not settle BPO against KPO."),
        "S1 table, Proses: neither column alone",
    ),
    ElementRule(
        "process",
        "process_definition",
        "judgment",
        0.0,
        W.PROCESS_WEIGHT,
        Model.KPO,
        _(
            "The work needs business understanding and judgement rather than a script: "
            "that is knowledge process outsourcing."
        ),
        "S1 table, Proses: KPO 'Membutuhkan aplikasi dan pemahaman bisnis'",
    ),
    ElementRule(
        "specialisation",
        "expertise",
        "basic",
        W.EXPERTISE_WEIGHT,
        0.0,
        Model.BPO,
        _("Good communication and basic computer skills suffice: the staff profile of BPO."),
        "S1 table, Membutuhkan: BPO 'Keterampilan komunikasi yang baik dan pengetahuan "
        "komputer dasar'",
    ),
    ElementRule(
        "specialisation",
        "expertise",
        "skilled",
        W.EXPERTISE_WEIGHT * W.SKILLED_EXPERTISE_SPLIT[0],
        W.EXPERTISE_WEIGHT * W.SKILLED_EXPERTISE_SPLIT[1],
        Model.BPO,
        _(
            "Trained, skilled staff without specialist degrees: within reach of a good BPO, "
            "with some lean towards KPO."
        ),
        "S1: 'Jika seseorang memiliki keterampilan, ia pasti akan dipekerjakan di BPO'; "
        "KPO needs 'keterampilan yang lebih tinggi'",
    ),
    ElementRule(
        "specialisation",
        "expertise",
        "specialist",
        0.0,
        W.EXPERTISE_WEIGHT,
        Model.KPO,
        _(
            "The work needs specialised knowledge (professionals, analysts, experts): "
            "the staff profile of KPO."
        ),
        "S1 table, Membutuhkan: KPO 'Pengetahuan khusus'",
    ),
    ElementRule(
        "driving force",
        "driver",
        "cost",
        W.DRIVER_WEIGHT,
        0.0,
        Model.BPO,
        _("The driving force is cost and efficiency, which is what BPO is driven by."),
        "S1: both streamline operations 'menjadikannya efektif biaya'; BPO's expertise is "
        "in the process",
    ),
    ElementRule(
        "driving force",
        "driver",
        "expertise",
        0.0,
        W.DRIVER_WEIGHT,
        Model.KPO,
        _("The driving force is knowledge and insight, which is what KPO is driven by."),
        "S1 table, Keahlian dalam: KPO 'Pengetahuan'",
    ),
    ElementRule(
        "client contact",
        "customer_contact",
        "direct",
        W.CONTACT_WEIGHT,
        0.0,
        Model.BPO,
        _(
            "The work talks to your customers directly (calls, chat, email): front-office "
            "contact is classic BPO work."
        ),
        "S1 table, Definisi: BPO 'layanan pelanggan, dukungan teknis melalui proses suara'",
    ),
)
# A balanced driver, indirect or no customer contact: the element is silent (no row).
