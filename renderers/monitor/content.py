"""What a progress report says, in words, whatever its format: the headline, a table per
stage, each indicator's trend, the suspect links with their assumptions, the data problems.

Pure: the model, its progress (toc.monitoring) and the findings about its actuals
in, plain data and text out. Every format (Markdown, DOCX, HTML, XLSX) lays out this
one ``Report``, so they all say the same; JSON is written from the analysis itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from toc.findings import Finding
from toc.model import Model, Stage
from toc.monitoring import AMBER, GREEN, GREY, RED, AreaSummary, IndicatorStatus, LinkStatus, Progress
from toc.monitoring.status import is_outcome

# Model and data text is shown in full in tables, but a note or a label in a chart's caption is
# cut here: nobody reads a 20,000-character note in a board report.
MOST_CHARACTERS = 400


def shortened(text: str, most: int = MOST_CHARACTERS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


# A status is always said in words (and, in pictures, with a shape): never by colour alone.
STATUS_WORDS = {GREEN: "On track", AMBER: "At risk", RED: "Off track", GREY: "No data"}
NOT_JUDGED = "Not judged"  # grey with data: no numeric target or trajectory to compare with
# The marker each status has in charts and badges, for readers who cannot tell the colours apart.
STATUS_SHAPES = {GREEN: "circle", AMBER: "triangle", RED: "square", GREY: "diamond"}


def number_text(value: float | None) -> str:
    """A figure as a report shows it: no trailing zeros, at most two decimals, thousands separated."""
    if value is None:
        return "-"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass
class IndicatorRow:
    status: IndicatorStatus
    node_label: str
    label: str  # what is measured, in words
    unit: str
    latest: str  # "21 (2025-Q2)" or "-"
    expected: str
    status_text: str  # "Off track (red)", "No data (grey)"...
    trend: str  # the series in words, for text formats and chart descriptions
    note: str = ""  # the note on the latest figure, if its row had one


@dataclass
class StageSection:
    title: str
    rows: list[IndicatorRow]


@dataclass
class SuspectLink:
    source: str
    target: str
    as_at: str
    assumptions: list[str]  # what to examine, in words


@dataclass
class Report:
    title: str
    area: str  # "" for figures without an area
    as_at: str  # the latest period in the actuals, or "" when there are none
    plan: str
    headline: str
    stages: list[StageSection]
    suspects: list[SuspectLink]
    problems: list[tuple[str, str, str]]  # (where, message, hint)
    areas: list[AreaSummary] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # indicator labels
    capacity: list[str] = field(default_factory=list)  # demand against capacity per pathway level, in words
    # Indicators with figures in two or more areas, side by side: (headers, rows), when the areas fit a page.
    shared: tuple[tuple[str, ...], list[tuple[str, ...]]] | None = None


def status_text(status: IndicatorStatus | str, judged: bool = True) -> str:
    code = status if isinstance(status, str) else status.status
    if code == GREY and not judged:
        return f"{NOT_JUDGED} (grey)"
    return f"{STATUS_WORDS[code]} ({code})"


def _judged(status: IndicatorStatus) -> bool:
    return not status.series or len(status.anchors) >= 2


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def headline(model: Model, progress: Progress) -> str:
    """"3 of 8 outcomes off track; 2 links where delivery is on track but the outcome is not"."""
    outcomes = [status for node_id, status in progress.nodes.items() if is_outcome(model, node_id)]
    measured = [status for status in outcomes if status != GREY]
    suspects = len(progress.suspect_links)
    if not measured:
        first = "no outcome has figures yet"
    else:
        red, amber = measured.count(RED), measured.count(AMBER)
        first = f"{red} of {_plural(len(measured), 'outcome')} off track"
        if amber:
            first += f", {amber} at risk"
    links = "no links" if suspects == 0 else _plural(suspects, "link")
    text = f"{first}; {links} where delivery is on track but the outcome is not"
    return text[0].upper() + text[1:]


def _node_label(model: Model, node_id: str) -> str:
    node = model.nodes.get(node_id)
    return (node.label or node_id) if node else node_id


def trend_text(status: IndicatorStatus) -> str:
    """The indicator's figures over time, each with the value expected then, in words."""
    return _trend(status)


def _trend(status: IndicatorStatus) -> str:
    if not status.series:
        return "no figures yet"
    parts = []
    for period, value in status.series:
        expected = status.expected_at(period)
        parts.append(f"{period.text}: {number_text(value)}"
                     + (f" (expected {number_text(expected)})" if expected is not None else ""))
    return "; ".join(parts)


def _row(model: Model, status: IndicatorStatus) -> IndicatorRow:
    indicator = status.indicator
    latest = status.latest
    unit = indicator.unit or ""
    notes = model.actuals.notes if model.actuals is not None else {}
    note = notes.get((status.id, status.area, latest[0]), "") if latest else ""
    return IndicatorRow(
        status, _node_label(model, status.node), indicator.measure or status.id, unit,
        f"{number_text(latest[1])} ({latest[0].text})" if latest else "-",
        number_text(status.expected), status_text(status, _judged(status)), _trend(status), shortened(note))


def _stage_of(model: Model, node_id: str) -> Stage | None:
    node = model.nodes.get(node_id)
    return node.stage if node else None


def _suspect(model: Model, link: LinkStatus) -> SuspectLink:
    found = []
    if link.link.assumption:
        found.append(link.link.assumption)
    for reference in link.link.assumptions:
        assumption = model.assumptions.get(reference.id)
        if assumption is None or not assumption.text:
            continue
        qualities = [f"evidence {assumption.evidence.value}" if assumption.evidence else "",
                     f"criticality {assumption.criticality.value}" if assumption.criticality else ""]
        qualities = [quality for quality in qualities if quality]
        found.append(" ".join(assumption.text.split()) + (f" ({', '.join(qualities)})" if qualities else ""))
    if not found:
        found.append("No assumption is written for this link: say why it should hold, then test that.")
    return SuspectLink(_node_label(model, link.link.source), _node_label(model, link.link.target),
                       link.as_at.text if link.as_at else "", found)


def _where(finding: Finding) -> str:
    location = finding.location
    return f"{os.path.basename(location.path)}:{location.line}:{location.column}"


def build_report(model: Model, progress: Progress, problems: list[Finding],
                 areas: list[AreaSummary] = (), capacity: list[str] = ()) -> Report:
    """The report for ``progress`` (one area), with the data problems and the areas side by side."""
    sections: dict[Stage | None, list[IndicatorRow]] = {}
    for status in progress.indicators:
        sections.setdefault(_stage_of(model, status.node), []).append(_row(model, status))
    stages = [StageSection(stage.column_title if stage is not None else "Other boxes", sections[stage])
              for stage in sorted(sections, key=lambda stage: -1 if stage is None else stage)]
    plan = progress.plan
    plan_text = "not set" if not (plan.start and plan.end) else plan.start.text if plan.start == plan.end else \
        f"{plan.start.text} to {plan.end.text}"
    title = f"{model.title or model.area or model.display_name} - progress report"
    return Report(
        title=title, area=progress.area, as_at=progress.as_at.text if progress.as_at else "", plan=plan_text,
        headline=headline(model, progress), stages=stages,
        suspects=[_suspect(model, link) for link in progress.suspect_links],
        problems=[(_where(finding), finding.message, finding.hint or "") for finding in problems],
        areas=list(areas), capacity=list(capacity), shared=shared_indicators(model, list(areas), progress.as_at.text if progress.as_at else ""),
        stale=[row.label for section in stages for row in section.rows if row.status.stale])


MOST_AREAS_SIDE_BY_SIDE = 12  # columns that fit a landscape page; beyond, the counts table alone


def shared_indicators(model: Model, areas: list[AreaSummary],
                      as_at: str = "") -> tuple[tuple[str, ...], list[tuple[str, ...]]] | None:
    """Each indicator with figures in two or more areas: its latest figure and status in every area
    (with its period when that is not ``as_at``, the latest period of all)."""
    if not 2 <= len(areas) <= MOST_AREAS_SIDE_BY_SIDE:
        return None
    rows = []
    for node in model.nodes.values():
        for indicator in node.indicators:
            found = [summary.latest.get(indicator.id) for summary in areas]
            if sum(1 for item in found if item) < 2:
                continue
            cells = [f"{number_text(item[1])}{'' if item[0].text == as_at else f' ({item[0].text})'}, "
                     f"{STATUS_WORDS[item[2]].lower()}" if item else "-" for item in found]
            rows.append((shortened(indicator.measure or indicator.id, 120), *cells))
    if not rows:
        return None
    return ("Indicator", *(summary.area for summary in areas)), rows


def shared_intro(report: Report) -> str:
    return ("Indicators with figures in two or more areas: each area's latest figure"
            + (f" (for {report.as_at} unless another period is named)" if report.as_at else "")
            + " and its status, judged against the model's baseline and target.")


def intro(report: Report) -> str:
    """The sentence under the headline: what the figures cover."""
    parts = [f"Figures to {report.as_at}" if report.as_at else "No figures yet",
             f"plan period {report.plan}"]
    if report.area:
        parts.append(f"area: {report.area}")
    text = "; ".join(parts) + "."
    if report.stale:
        text += f" {_plural(len(report.stale), 'indicator is', 'indicators are')} stale (a period's figure missing)."
    if report.problems:
        text += f" {_plural(len(report.problems), 'data problem')} (listed at the end)."
    return text


SUSPECT_INTRO = ("Each link below runs from a box whose figures are on track to one whose figures are off track, "
                 "as at the latest period both have figures for. Delivery is happening but the change it should "
                 "lead to is not: the assumption on the link is the one to examine, and the question for the "
                 "evaluation.")
STATUS_KEY = ("On track (green): at or better than expected for that period. At risk (amber): behind, within the "
              "tolerance. Off track (red): further behind. No data (grey): no figures yet. Expected values run in "
              "a straight line from the baseline at the start of the plan to the target at its end, through any "
              "milestones.")
