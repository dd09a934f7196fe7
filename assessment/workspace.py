"""The decision workspace on the results page and in the PDF (issue 9): the weights panel,
robustness, the score-against-evidence chart and the shortlist comparison."""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from catalog.models import Vendor
from catalog.presenters import UNKNOWN, vendor_facts

from .engine.robust import CRITERION_OF

# Chart geometry (SVG user units).
CHART_W, CHART_H, PAD_L, PAD_R, PAD_T, PAD_B = 640, 360, 56, 16, 16, 48
LABELLED = 8  # dots named on the chart; the rest are listed in the vendor list
GROUP_NAMES = 2  # vendors named at one dot before "and N more"


def weight_rows(result: dict, criteria_labels: dict, label) -> list[dict[str, Any]]:
    weights = result.get("weights") or {}
    points = result.get("weight_points") or {}
    if weights and not points:
        heaviest = max(weights.values()) or 1
        points = {k: v / heaviest * 10 for k, v in weights.items()}
    return [
        {
            "key": key,
            "label": label(criteria_labels, key),
            "points": round(points.get(key, 0)),
            "share_pct": round(share * 100),
        }
        for key, share in weights.items()
    ]


def known_share(vendor: dict) -> float:
    criteria = vendor.get("criteria") or {}
    if not criteria:
        return 0.0
    open_ = {CRITERION_OF.get(a) for a in vendor.get("unknown") or []} & set(criteria)
    return 1 - len(open_) / len(criteria)


def robustness_by_vendor(result: dict) -> tuple[dict, dict]:
    robustness = result.get("robustness") or {}
    accept = {a["slug"]: a for a in robustness.get("acceptability") or []}
    decisive: dict[str, list[dict]] = {}
    for d in robustness.get("decisive_unknowns") or []:
        decisive.setdefault(d["slug"], []).append(d)
    return accept, decisive


def stability_lines(result: dict, vendors: list[dict], criteria_labels: dict, label) -> list[str]:
    """Plain sentences on how stable the first place is, the most fragile weights first."""
    robustness = result.get("robustness") or {}
    if not vendors or not robustness.get("weight_stability"):
        return []
    leader = vendors[0]["name"]
    if len(vendors) > 1 and vendors[1]["rank"] == 1:
        return [
            _(
                "No vendor is first on its own: %(name)s shares first place, so no weight holds it "
                "there. The acceptability figures say how often each comes first."
            )
            % {"name": leader}
        ]
    bounds = []
    for s in robustness["weight_stability"]:
        name = label(criteria_labels, s["criterion"])
        if s.get("high") is not None:
            bounds.append((s["high"], "high", name, s["high"]))
        if s.get("low") is not None:
            bounds.append((1 / s["low"] if s["low"] else float("inf"), "low", name, s["low"]))
    if not bounds:
        return [_("%(name)s stays first whatever a single weight is set to.") % {"name": leader}]
    lines = []
    for _fragility, kind, name, value in sorted(bounds)[:2]:
        if kind == "high":
            lines.append(
                _(
                    "%(name)s stays first unless the weight of %(criterion)s is multiplied by "
                    "more than %(x)s."
                )
                % {"name": leader, "criterion": name.lower(), "x": _times(value)}
            )
        else:
            lines.append(
                _(
                    "%(name)s stays first unless the weight of %(criterion)s falls below %(x)s of "
                    "today's."
                )
                % {"name": leader, "criterion": name.lower(), "x": f"{round(value * 100)}%"}
            )
    return lines


def _times(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") + "×"


def chart(vendors: list[dict], shortlist: list[str]) -> dict[str, Any]:
    """Score against evidence, as coordinates for the template's SVG."""
    plot_w = CHART_W - PAD_L - PAD_R
    plot_h = CHART_H - PAD_T - PAD_B
    # Vendors with the same score and evidence share one dot and one label.
    groups: dict[tuple[float, float], list[dict]] = {}
    for v in vendors:
        groups.setdefault((v["score"], round(known_share(v), 4)), []).append(v)
    points = []
    for index, ((score, evidence), members) in enumerate(groups.items()):
        x = PAD_L + evidence * plot_w
        y = PAD_T + (1 - score / 100) * plot_h
        names = [m["name"] for m in members]
        picked = any(m["slug"] in shortlist for m in members)
        text = (
            ", ".join(names)
            if len(names) <= GROUP_NAMES
            else _("%(first)s and %(n)s more") % {"first": names[0], "n": len(names) - 1}
        )
        points.append(
            {
                "name": ", ".join(names),
                "text": text,
                "x": round(x, 1),
                "y": round(y, 1),
                "label": index < LABELLED or picked,
                "evidence_pct": round(evidence * 100),
                "score": score,
                "picked": picked,
                # Labels run into the plot, away from the axes; alternate rows a little.
                "lx": round(x + 8, 1) if x < CHART_W / 2 else round(x - 8, 1),
                "anchor": "start" if x < CHART_W / 2 else "end",
                "ly": round(y + 4 - (index % 2) * 10, 1),
            }
        )
    mid_x = PAD_L + plot_w / 2
    mid_y = PAD_T + plot_h / 2
    return {
        "w": CHART_W,
        "h": CHART_H,
        "left": PAD_L,
        "right": CHART_W - PAD_R,
        "top": PAD_T,
        "bottom": CHART_H - PAD_B,
        "mid_x": mid_x,
        "mid_y": mid_y,
        "points": points,
        "quadrants": [
            {
                "x": CHART_W - PAD_R - 6,
                "y": PAD_T + 14,
                "anchor": "end",
                "text": _("strong and verified"),
            },
            {
                "x": PAD_L + 6,
                "y": PAD_T + 14,
                "anchor": "start",
                "text": _("promising — verify first"),
            },
            {
                "x": CHART_W - PAD_R - 6,
                "y": CHART_H - PAD_B - 6,
                "anchor": "end",
                "text": _("verified but weaker"),
            },
            {
                "x": PAD_L + 6,
                "y": CHART_H - PAD_B - 6,
                "anchor": "start",
                "text": _("weak and unverified"),
            },
        ],
    }


def comparison(
    assessment, vendors: list[dict], criteria_labels: dict, attribute_labels: dict, label
) -> dict[str, Any] | None:
    """The shortlisted vendors side by side, rows whose values differ marked."""
    picked = [v for v in vendors if v["slug"] in (assessment.shortlist or [])]
    if len(picked) < 2:
        return None
    catalog = {
        v.slug: v
        for v in Vendor.objects.filter(slug__in=[p["slug"] for p in picked]).prefetch_related(
            "services",
            "industries",
            "work_systems",
            "customizations",
            "certifications",
            "languages",
        )
    }
    rows: list[tuple[str, list[str]]] = [
        (_("Score"), [number_format(v["score"], decimal_pos=1) for v in picked]),
        (_("Rank"), [str(v["rank"]) for v in picked]),
        (_("First in plausible cases"), [v.get("first_label", "–") for v in picked]),
        (_("In the top 3"), [v.get("top3_label", "–") for v in picked]),
        (_("Location for you"), [str(v["location_label"]) for v in picked]),
        (_("Matched services"), [", ".join(v["matched_names"]) or "–" for v in picked]),
        (_("Missing services"), [", ".join(v["missing_names"]) or "–" for v in picked]),
    ]
    for key in picked[0].get("criteria", {}):
        rows.append(
            (
                str(label(criteria_labels, key)),
                [f"{round(v['criteria'].get(key, 0) * 100)}%" for v in picked],
            )
        )
    wanted = (_("Coverage hours"), _("Certifications"), _("Working languages"))
    price_label = _("Indicative price per full-time agent per month")
    # Each vendor's facts once, by label.
    facts = {slug: {f.label: f for f in vendor_facts(record)} for slug, record in catalog.items()}
    for fact_label in (*wanted, price_label):
        values = []
        for v in picked:
            fact = facts.get(v["slug"], {}).get(fact_label)
            if fact is None or fact.state == UNKNOWN:
                values.append(_("not verified"))
            elif not fact.values:
                values.append(_("none"))
            else:
                values.append(", ".join(fact.values))
        rows.append((_("In the catalog: %(fact)s") % {"fact": fact_label.lower()}, values))
    rows.append(
        (_("Not verified"), [", ".join(map(str, v["unknown_names"])) or "–" for v in picked])
    )
    rows.append(
        (
            _("Questions that can change the decision"),
            [
                ", ".join(
                    str(label(attribute_labels, d["attribute"])) for d in v.get("decisive", [])
                )
                or "–"
                for v in picked
            ],
        )
    )
    return {
        "vendors": picked,
        "rows": [
            {"label": str(title), "values": values, "differs": len(set(values)) > 1}
            for title, values in rows
        ],
    }
