"""The progress report as JSON: the keys docs/monitoring.md documents, stable for other tools.

    {"indicators": [{"id", "node", "latest": {"period", "value"} | null, "expected",
                     "status": "green" | "amber" | "red" | "grey", "stale", "series": [{"period", "value"}]}],
     "nodes": [{"id", "status"}],
     "links": [{"from", "to", "flag": null | "suspect"}],
     ...}

Besides the three lists the issue asked for, the top level says which area and
period the figures are for, the headline, the areas side by side and the data
problems. Numbers are written as whole numbers where they are whole, and rounded
to six decimals otherwise, so the text is the same on every machine.
"""

from __future__ import annotations

import json

from toc.findings import Finding
from toc.model import Model
from toc.monitoring import AreaSummary, Progress


def _number(value: float | None):
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return round(value, 6)


def monitor_data(model: Model, progress: Progress, problems: list[Finding], areas: list[AreaSummary],
                 headline: str, demand=()) -> dict:
    return {
        "area": progress.area or None,
        "as_at": progress.as_at.text if progress.as_at else None,
        "plan": {"start": progress.plan.start.text if progress.plan.start else None,
                 "end": progress.plan.end.text if progress.plan.end else None,
                 "tolerance": progress.plan.tolerance},
        "headline": headline,
        "indicators": [{
            "id": status.id,
            "node": status.node,
            "latest": {"period": status.latest[0].text, "value": _number(status.latest[1])} if status.latest else None,
            "expected": _number(status.expected),
            "status": status.status,
            "stale": status.stale,
            "series": [{"period": period.text, "value": _number(value)} for period, value in status.series],
        } for status in progress.indicators],
        "nodes": [{"id": node_id, "status": status} for node_id, status in progress.nodes.items()],
        "links": [{"from": link.link.source, "to": link.link.target, "flag": link.flag} for link in progress.links],
        "areas": [{"area": summary.area, "statuses": summary.counts, "outcomes_off_track": summary.outcomes_off_track,
                   "outcomes_with_data": summary.outcomes_with_data, "suspect_links": summary.suspect_links}
                  for summary in areas],
        "problems": [{"code": finding.code, "file": finding.location.path, "row": finding.location.line,
                      "column": finding.location.column, "message": finding.message, "hint": finding.hint}
                     for finding in problems],
        "capacity": [{"level": row.level.id, "demand": _number(row.demand), "capacity": row.capacity,
                      "below_coverage": row.short} for row in demand],
    }


def render_monitor_json(model: Model, progress: Progress, problems: list[Finding], areas: list[AreaSummary],
                        headline: str, demand=()) -> str:
    """``demand``: toc.pathway.LevelDemand rows (demand against capacity by pathway level)."""
    return json.dumps(monitor_data(model, progress, problems, areas, headline, demand), indent=2,
                      ensure_ascii=False) + "\n"
