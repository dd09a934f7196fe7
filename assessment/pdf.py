"""The PDF report: the result as plain data, laid out by a Typst template on A4.

``report_data`` turns a stored result into JSON-ready data: every sentence and label already
in the reader's language, every number already formatted. The template
(``assessment/report/report.typ``) only lays it out. The data reaches Typst as a JSON string
through ``sys.inputs`` and is shown as text: a vendor's name or an organisation's name is
never read as markup, so untrusted text cannot format, include or fetch anything.

The compiler's root is the template's own folder, and the template imports no package: the
report reads no other file and nothing from the network.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import typst
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format, localize
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import presentation
from .models import Assessment

TEMPLATE_DIR = Path(__file__).resolve().parent / "report"
TEMPLATE = TEMPLATE_DIR / "report.typ"
# Vendors described in a card of their own (the table scores every ranked vendor).
DESCRIBED = 10

_lock = threading.Lock()
logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _compiler() -> typst.Compiler:
    # Scanning the system fonts is done once per process: the compiler keeps them.
    return typst.Compiler(input=TEMPLATE, root=TEMPLATE_DIR)


def report_filename(assessment: Assessment) -> str:
    organisation = slugify(assessment.organisation_name)[:60] or "assessment"
    day = timezone.localtime(assessment.created_at).date().isoformat()
    return f"bpo-advisor-{organisation}-{day}.pdf"


def render_pdf(assessment: Assessment, language: str) -> bytes:
    data = printable(report_data(assessment, language))
    chart = data.pop("chart_svg")
    with translation.override(language):  # a lazy label left in the data: in this language
        encoded = json.dumps(data, ensure_ascii=False, default=str)
    inputs = {"data": encoded, "chart": chart or ""}
    with _lock:  # one compiler per process; a threaded server takes turns
        compiler = _compiler()
        try:
            # PDF/UA-1, tagged: a screen reader gets the headings, tables and lists as
            # structure, the chart its description, the document its title and language.
            return compiler.compile(
                format="pdf", sys_inputs=inputs, pdf_tags=True, pdf_standards=["ua-1"]
            )
        except typst.TypstError as exc:
            # The standard forbids text no font can draw (a name in a script the server
            # has no font for): the report is still written, tagged, without the claim.
            logger.warning("report written without PDF/UA-1: %s", exc.message[:200])
            return compiler.compile(format="pdf", sys_inputs=inputs, pdf_tags=True)


def _n(value: Any) -> str:
    """A number as the templates show it: in the reader's language (69,3 in Indonesian)."""
    return str(localize(value))


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def report_data(assessment: Assessment, language: str) -> dict[str, Any]:
    """The report's content as plain data in ``language``: strings, lists and dicts."""
    with translation.override(language):
        c = presentation.result_context(assessment, language)
        now = timezone.localtime()
        title = _("Outsourcing recommendation")
        org = assessment.organisation_name
        vendors = c["vendors"]
        return {
            "lang": language,
            "title": title,
            "doc_title": f"{title} – {org}" if org else title,
            "description": _("Outsourcing model, vendor ranking, risks and roadmap"),
            "org": org or _("Unnamed organisation"),
            "cover": _cover(c, assessment),
            "recommendation": {
                "heading": _("Recommendation"),
                "notices": _notices(c),
                "summary": _summary(c),
                "answers_heading": _("Your answers"),
                "answers": [[_s(r["question"]), _s(r["answer"])] for r in c["answers_summary"]],
                "why_heading": _("Why"),
                "reasons": [
                    [_s(r["points_to_label"]), _s(r["explanation"])] for r in c["rationale"]
                ],
            },
            "vendors": _vendors(c, vendors),
            "workspace": _workspace(c) if c["has_workspace"] else None,
            "chart_svg": _chart_svg(c) if c["has_workspace"] else None,
            "comparison": _comparison(c["comparison"]) if c["comparison"] else None,
            "excluded": _excluded(c) if c["excluded"] else None,
            "compliance": _compliance(c) if c["has_compliance"] else None,
            "risks": {
                "heading": _("Risks and how to handle them"),
                "items": [
                    {
                        "label": _s(r["label"]),
                        "level": r["level"],
                        "level_label": _s(r["level_label"]),
                        "why": _s(r["why"]),
                        "mitigations": [_s(m) for m in r["mitigations"]],
                    }
                    for r in c["risks"]
                ],
            },
            "roadmap": {
                "heading": _("Roadmap"),
                "stages": [
                    {"label": _s(s["label"]), "actions": [_s(a) for a in s["actions"]]}
                    for s in c["roadmap"]
                ],
            },
            "sla": {
                "heading": _("SLA metrics"),
                "columns": [_("Metric"), _("Target")],
                "rows": [
                    [_s(m["label"]), _s(m["target"]), _s(m.get("basis"))] for m in c["sla_metrics"]
                ],
            },
            "checklist": _checklist(c, vendors),
            "provenance": (
                _(
                    "Made by engine version %(version)s, an earlier version of the advisor; "
                    "re-run it to see today's advice."
                )
                % {"version": c["engine_version"]}
                if c["engine_is_older"]
                else None
            ),
            "generated": _("Generated on %(date)s by BPO Advisor.")
            % {"date": f"{date_format(now, 'DATETIME_FORMAT')} {now.tzname()}"},
        }


def _cover(c: dict, assessment: Assessment) -> dict[str, Any]:
    specialisation = f" · {c['specialisation_label']}" if c["specialisation_label"] else ""
    if c["in_house"]:
        work = _("type of work")
        headline = [_s(c["approach_label"]), f"{work}: {c['model_label']}{specialisation}"]
    else:
        headline = [
            f"{c['approach_label']}: {c['model_label']}{specialisation}",
            f"{c['location_label']} · {c['work_system_label']} · {c['customization_label']}",
        ]
    created = date_format(timezone.localtime(assessment.created_at), "DATE_FORMAT")
    # Labels are looked up apart from the f-strings: makemessages does not read inside those.
    kicker, date_label, version_label = (
        _("Needs analysis report"),
        _("Assessment date"),
        _("Engine version"),
    )
    return {
        "kicker": f"BPO Advisor · {kicker}",
        "headline": headline,
        "meta": [
            f"{c['industry_name']} · {c['country_name']}",
            f"{date_label}: {created} · {version_label} {c['engine_version']}",
            _(
                "Vendor facts are shown as known only when a source states them; everything "
                "else is listed as a due-diligence question."
            ),
        ],
    }


def _notices(c: dict) -> dict[str, Any] | None:
    if not c["notices"]:
        return None
    return {"heading": _("Please note"), "items": [_s(n["message"]) for n in c["notices"]]}


def _summary(c: dict) -> list[list[str]]:
    """The recommendation's table: [label, value, note]."""
    rows: list[list[str]] = [
        [_("Approach"), _s(c["approach_label"]), ""],
        [_("Model"), _s(c["model_label"]), ""],
    ]
    if c["specialisation_label"]:
        rows.append([_("Specialisation"), _s(c["specialisation_label"]), ""])
    rows.append([_("Functions"), ", ".join(map(str, c["function_labels"])), ""])
    location = _s(c["location_label"])
    if c["catalog_location_label"]:
        location += " (%s)" % (
            _("the vendors listed are %(location)s for you")
            % {"location": c["catalog_location_label"]}
        )
    rows.append([_("Location"), location, ""])
    if not c["in_house"]:
        rows.append([_("Work system"), _s(c["work_system_label"]), ""])
        rows.extend([_s(title), _s(value), ""] for title, value in c["work_system_parts"])
    if c["supporting_names"]:
        rows.append(
            [_("Could still be outsourced"), ", ".join(map(str, c["supporting_names"])), ""]
        )
    if not c["in_house"]:
        rows.append([_("Customisation"), _s(c["customization_label"]), ""])
    rows.append([_("Confidence"), f"{_n(c['confidence_pct'])}%", ""])
    if c["has_fit"]:
        rows.append([_("Catalog fit"), f"{_n(c['fit_pct'])}%", " ".join(c["rec"]["fit_rationale"])])
    rows.append([_("Services to outsource"), ", ".join(map(str, c["requested_services"])), ""])
    return rows


def _vendors(c: dict, vendors: list[dict]) -> dict[str, Any]:
    section: dict[str, Any] = {
        "heading": _s(c["vendors_heading"]),
        # A template's msgid doubles a literal %: formatting with no values undoes that.
        "note": _(
            "Scores run from 0 to 100. Unknown attributes score a neutral 50%% and become "
            "due-diligence questions."
        )
        % {},
        "empty": None,
        "more": None,
    }
    if not vendors:
        section["empty"] = _(
            "No vendor in the catalog offers the requested services. Look for specialists "
            "beyond the catalog."
        )
        return section
    section["table"] = {
        "columns": ["#", _("Vendor"), _("Score")]
        + [_s(row["label"]) for row in vendors[0]["criteria_rows"]],
        "rows": [
            {
                "rank": f"{v['rank']}{'=' if v['tied'] else ''}",
                "name": v["name"],
                "score": _n(v["score"]),
                "pcts": [row["pct"] for row in v["criteria_rows"]],
                "labels": [_n(row["pct"]) for row in v["criteria_rows"]],
            }
            for v in vendors
        ],
        "note": _(
            "Each bar is one criterion of the score, from 0 to 100%%; its weight follows "
            "your priorities."
        )
        % {},
    }
    cards = []
    tied, weak, where, matched, missing, unverified = (
        _("tied"),
        _("weak match"),
        _("Location for you"),
        _("Matched services"),
        _("Missing services"),
        _("Not verified"),
    )
    for index, v in enumerate(vendors, 1):
        if index > DESCRIBED and not v["picked"]:
            continue
        head = f"{v['rank']}. {v['name']}"
        if v["tied"]:
            head += f" ({tied})"
        if v["weak"]:
            head += f" ({weak})"
        line = f"{where}: {v['location_label']} · {matched}: {', '.join(v['matched_names'])}"
        if v["missing_names"]:
            line += f" · {missing}: {', '.join(v['missing_names'])}"
        unknown = (
            f"{unverified}: {', '.join(map(str, v['unknown_names']))}"
            if v["unknown_names"]
            else None
        )
        cards.append({"head": head, "score": _n(v["score"]), "line": line, "unknown": unknown})
    section["cards"] = cards
    if len(vendors) > DESCRIBED:
        section["more"] = ngettext(
            "The first 10 vendors and your shortlist are described above; all %(n)s are scored "
            "in the table, and the results page has every vendor's details.",
            "The first 10 vendors and your shortlist are described above; all %(n)s are scored "
            "in the table, and the results page has every vendor's details.",
            len(vendors),
        ) % {"n": len(vendors)}
    return section


def _workspace(c: dict) -> dict[str, Any]:
    return {
        "weights_heading": _("Weights used"),
        "weights": [
            [_s(w["label"]), f"{_n(w['points'])} / 10", f"{_n(w['share_pct'])}%"]
            for w in c["weight_rows"]
        ],
        "robust_heading": _("How sure the ranking is"),
        "robust_columns": [_("Vendor"), _("First in plausible cases"), _("In the top 3")],
        "robust": [
            [v["name"], f"{_n(v['first_pct'])}%", f"{_n(v['top3_pct'])}%"]
            for v in c["vendors"]
            if v["first_pct"] is not None
        ],
        "stability": [_s(line) for line in c["stability_lines"]],
        "samples": _(
            'Each vendor\'s "first in" and "top 3 in" figures come from %(n)s plausible cases: '
            "weights within 25%% of these, and every unverified fact anywhere from worst to best."
        )
        % {"n": _n(c["robustness_samples"])},
        "chart_heading": _("Score against evidence"),
        "chart_alt": _(
            "Each dot is a ranked vendor: up is a higher score, right is more of its score "
            "resting on verified facts."
        ),
        "chart_caption": _(
            "Up: higher score. Right: more of the score rests on verified facts. Orange: your "
            "shortlist."
        )
        if c["chart"]
        else None,
    }


def _chart_svg(c: dict) -> str | None:
    if not c["chart"]:
        return None
    return render_to_string("assessment/partials/chart_svg.html", {"chart": c["chart"]})


def _comparison(comparison: dict) -> dict[str, Any]:
    return {
        "heading": _("Your shortlist side by side"),
        "caption": _("Rows whose values differ are marked."),
        "differs": _("differs"),
        "columns": [_("Criterion")] + [v["name"] for v in comparison["vendors"]],
        "rows": [
            {
                "label": _s(row["label"]),
                "differs": bool(row["differs"]),
                "values": [_s(value) for value in row["values"]],
            }
            for row in comparison["rows"]
        ],
    }


def _excluded(c: dict) -> dict[str, Any]:
    shown, total = len(c["excluded"]), c["result"].get("excluded_total", 0)
    return {
        "heading": _("Excluded vendors"),
        "groups": [
            {
                "reasons": _s(group["reasons"])[:1].upper() + _s(group["reasons"])[1:],
                "count": _n(len(group["names"])),
                "names": ", ".join(group["names"]),
            }
            for group in c["excluded_groups"]
        ],
        "more": _("Showing %(shown)s of %(total)s.") % {"shown": _n(shown), "total": _n(total)}
        if total > shown
        else None,
    }


def _compliance(c: dict) -> dict[str, Any]:
    return {
        "heading": _("Indonesian rules that apply"),
        "disclaimer": [
            _("Guidance, not legal advice."),
            _(
                "Each rule names its legal source and the date our curators last checked it "
                "against the text. Confirm with counsel before you rely on it."
            ),
        ],
        "unanswered": None
        if c["compliance_answered"]
        else _(
            "You did not answer the regulation questions (sector, personal data, data "
            "location, staff transfer): only the rules that apply to every outsourcing "
            "contract are listed."
        ),
        "rules": [
            {
                "title": _s(rule["title"]),
                "kind": rule["kind"],
                "kind_label": _s(rule["kind_label"]),
                "summary": _s(rule["summary"]),
                "action": [_("What to do"), _s(rule["action"])],
                "why": [_("Why it applies"), " ".join(map(str, rule["why"]))],
                "source_label": _("Source"),
                "source": _s(rule["source"]),
                "source_url": rule["source_url"]
                if re.match(r"https?://", rule.get("source_url") or "")
                else None,
                "checked": _("checked on %(day)s") % {"day": rule["reviewed_label"]},
            }
            for rule in c["compliance"]
        ],
        "none": _("No rule in our list applies to these answers."),
        "questions": {
            "heading": _("Ask the shortlisted vendors before you sign"),
            "note": _(
                "What the catalog does not know about their legal standing and, where "
                "personal data is involved, about where your data would be."
            ),
            "groups": [
                {
                    "vendors": ", ".join(group["vendors"]),
                    "questions": list(map(str, group["questions"])),
                }
                for group in c["legal_question_groups"]
            ],
        }
        if c["legal_questions"]
        else None,
    }


def _checklist(c: dict, vendors: list[dict]) -> dict[str, Any]:
    matrix = c["due_diligence_matrix"]
    section: dict[str, Any] = {
        "heading": _("Due-diligence checklist"),
        "note": _(
            "What the catalog does not know about the shortlisted vendors. Ask before you sign."
        ),
        "matrix": None,
        "empty": None,
    }
    if matrix["rows"]:
        section["matrix"] = {
            "caption": _("☐ open question for this vendor · – already known to the catalog"),
            "columns": [_("Question")] + [v["name"] for v in matrix["columns"]],
            "decisive": _("Can change the decision:"),
            "rows": [
                {
                    "question": _s(row["question"]),
                    "decisive": bool(row["decisive"]),
                    "open": row["open"],
                }
                for row in matrix["rows"]
            ],
        }
    elif vendors:
        section["empty"] = _(
            "No open questions: the catalog knows every attribute that matters for the "
            "shortlisted vendors."
        )
    else:
        section["empty"] = _("No vendor is shortlisted, so there is nothing to ask yet.")
    return section


# Pictographs the report's fonts cannot draw (they would print as empty boxes): left out,
# with the joiners and variation selectors that build them. These are the characters that
# Unicode draws as emoji by default (Emoji_Presentation, emoji-data.txt), in and beyond the
# Basic Multilingual Plane. The text symbols of the same blocks stay: the checklist's ballot
# box ☐, the dash and tick marks, arrows, letters of every script.
EMOJI = re.compile(
    "[\U0001f000-\U0001faff\ufe0f\u200d\u20e3"
    "\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653"
    "\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea"
    "\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e"
    "\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55]"
)


def without_emoji(text: str) -> str:
    return EMOJI.sub("", text)


# Characters that carry no text: controls (other than line breaks and tabs), lone
# surrogates, and code points Unicode has not assigned. No font draws them.
_DROPPED = {"Cc", "Cs", "Cn"}


def _text(value: str) -> str:
    value = without_emoji(value)
    if value.isprintable():
        return value
    return "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch) not in _DROPPED)


def printable(value: Any) -> Any:
    """The report's data with every string fit to print: pictographs and characters that
    carry no text left out (the stored result keeps them)."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return {key: printable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [printable(item) for item in value]
    return value
