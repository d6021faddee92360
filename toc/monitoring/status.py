"""The status of each indicator, node and link: the rules of docs/monitoring.md.

Expected value. The plan's anchors are the baseline at the beginning of
`monitoring.start`, each trajectory milestone at the close of its period, and the
target at the close of `monitoring.end` (unless a milestone is already there or
later). Between anchors the expectation is a straight line; before the first it is
the first, after the last it is the last. When the baseline is not a number and
there are no milestones, the first value in the actuals is the baseline, at the
close of its period (a baseline measured in the first period). Fewer than two
anchors (no numeric target and no milestones) give no expectation.

Status. The shortfall is how far the value is behind the expectation in the good
direction (`direction:`, else from the first anchor to the last; with neither, any
distance counts). Green: no shortfall. Amber: a shortfall of at most `tolerance`
times the distance from the first anchor to the last (or, when they are equal,
times the target itself). Red: more. Grey: no value, or no expectation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate

from toc.model import DEFAULT_TOLERANCE, Indicator, Link, Model, NodeType
from toc.periods import Period, frequency_months, parse_period

GREEN, AMBER, RED, GREY = "green", "amber", "red", "grey"
STATUSES = (GREEN, AMBER, RED, GREY)
_WORSE = {GREY: -1, GREEN: 0, AMBER: 1, RED: 2}
# Rounding in the straight line must not make a value exactly on the line amber.
_EPSILON = 1e-9


@dataclass(frozen=True)
class Plan:
    start: Period | None
    end: Period | None
    tolerance: float


def plan_of(model: Model) -> Plan:
    monitoring = model.monitoring
    if monitoring is None:
        return Plan(None, None, DEFAULT_TOLERANCE)
    tolerance = DEFAULT_TOLERANCE if monitoring.tolerance is None else float(monitoring.tolerance)
    return Plan(parse_period(monitoring.start) if monitoring.start else None,
                parse_period(monitoring.end) if monitoring.end else None, tolerance)


@dataclass
class IndicatorStatus:
    """One indicator in one area: its values over time and how the latest compares."""

    id: str
    node: str
    area: str
    indicator: Indicator
    series: list[tuple[Period, float]]  # in time order; running totals for `accumulate: sum`
    expected: float | None  # at the latest period
    status: str
    stale: bool
    direction: str | None  # increase | decrease | None (any distance from the line counts)
    # (time, value) anchors of the expected line, in time order (a time is a month boundary)
    anchors: list[tuple[int, float]] = field(default_factory=list)
    band: float = 0.0  # the amber band, in the indicator's unit

    @property
    def latest(self) -> tuple[Period, float] | None:
        return self.series[-1] if self.series else None

    def expected_at(self, period: Period) -> float | None:
        return _on_line(self.anchors, period.last + 1) if len(self.anchors) >= 2 else None

    def status_as_at(self, last_month: int) -> str:
        """The status of the latest value of a period ending by ``last_month``; grey if none."""
        for period, value in reversed(self.series):
            if period.last <= last_month:
                expected = self.expected_at(period)
                return GREY if expected is None else status_of(value, expected, self.direction, self.band)
        return GREY


@dataclass
class LinkStatus:
    link: Link
    flag: str | None  # None or "suspect"
    as_at: Period | None  # the period the two ends were compared at
    source_status: str = GREY
    target_status: str = GREY


@dataclass
class Progress:
    """The whole picture for one area ("" for figures with no area)."""

    area: str
    plan: Plan
    as_at: Period | None  # the latest period in any of the actuals
    indicators: list[IndicatorStatus]
    nodes: dict[str, str]  # node id -> status, in the model's order
    links: list[LinkStatus]

    @property
    def suspect_links(self) -> list[LinkStatus]:
        return [link for link in self.links if link.flag == "suspect"]


@dataclass
class AreaSummary:
    """How many indicators of an area are at each status, and its suspect links."""

    area: str
    counts: dict[str, int]
    outcomes_off_track: int
    outcomes_with_data: int
    suspect_links: int
    # Each indicator with figures in this area: its latest (period, value) and status.
    latest: dict[str, tuple[Period, float, str]] = field(default_factory=dict)


# ------------------------------------------------------------------- the line
def _anchors(indicator: Indicator, plan: Plan, first: tuple[Period, float] | None) -> list[tuple[int, float]]:
    anchors: list[tuple[int, float]] = []
    baseline, target = _number(indicator.baseline), _number(indicator.target)
    milestones = sorted((parse_period(text).last + 1, float(value)) for text, value in indicator.trajectory.items())
    if baseline is not None and plan.start is not None:
        anchors.append((plan.start.first, baseline))
    elif not milestones and first is not None:
        anchors.append((first[0].last + 1, first[1]))
    anchors += milestones
    if target is not None and plan.end is not None and not (milestones and milestones[-1][0] >= plan.end.last + 1):
        anchors.append((plan.end.last + 1, target))
    anchors.sort(key=lambda anchor: anchor[0])
    return anchors


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _on_line(anchors: list[tuple[int, float]], time: int) -> float:
    if time <= anchors[0][0]:
        return anchors[0][1]
    for (time_a, value_a), (time_b, value_b) in zip(anchors, anchors[1:]):
        if time <= time_b:
            if time_b == time_a:
                return value_b
            return value_a + (value_b - value_a) * (time - time_a) / (time_b - time_a)
    return anchors[-1][1]


def expected_value(indicator: Indicator, plan: Plan, period: Period,
                   first: tuple[Period, float] | None = None) -> float | None:
    """The value expected at the close of ``period``; None when the plan gives no line.
    ``first`` is the first (period, value) in the actuals, the baseline when none is written."""
    anchors = _anchors(indicator, plan, first)
    return _on_line(anchors, period.last + 1) if len(anchors) >= 2 else None


def _direction(indicator: Indicator, anchors: list[tuple[int, float]]) -> str | None:
    if indicator.direction:
        return indicator.direction
    if len(anchors) >= 2 and anchors[-1][1] != anchors[0][1]:
        return "increase" if anchors[-1][1] > anchors[0][1] else "decrease"
    return None


def _band(anchors: list[tuple[int, float]], tolerance: float) -> float:
    if len(anchors) < 2:
        return 0.0
    distance = abs(anchors[-1][1] - anchors[0][1])
    return tolerance * (distance if distance else abs(anchors[-1][1]))


def status_of(value: float, expected: float, direction: str | None, band: float) -> str:
    """Green, amber or red for a value against the value expected then (see the module's docstring).

    >>> status_of(10, 10, "increase", 2), status_of(8, 10, "increase", 2), status_of(7.9, 10, "increase", 2)
    ('green', 'amber', 'red')
    """
    if direction == "increase":
        shortfall = expected - value
    elif direction == "decrease":
        shortfall = value - expected
    else:
        shortfall = abs(value - expected)
    slack = _EPSILON * max(1.0, abs(expected))
    if shortfall <= slack:
        return GREEN
    if shortfall <= band + slack:
        return AMBER
    return RED


def stale(indicator: Indicator, latest: Period | None, as_at: Period | None) -> bool:
    """Whether the value for the latest period the indicator's frequency says should exist by
    ``as_at`` (the latest period in the actuals) is missing. No value at all is grey, not stale;
    a frequency in words with no interval ("pre and post") is never stale."""
    months = frequency_months(indicator.frequency)
    if months is None or latest is None or as_at is None:
        return False
    return latest.last + months <= as_at.last


# -------------------------------------------------------------- indicators
def _indicator_status(indicator: Indicator, node_id: str, area: str, points: dict | None, plan: Plan,
                      as_at: Period | None) -> IndicatorStatus:
    if points:
        periods = sorted(points)
        values = [points[period][0] for period in periods]  # (a Point's value)
        if indicator.accumulate == "sum":
            values = list(accumulate(values))
        series = list(zip(periods, values))
    else:
        series = []
    anchors = _anchors(indicator, plan, series[0] if series else None)
    direction = _direction(indicator, anchors)
    band = _band(anchors, plan.tolerance)
    expected = None
    status = GREY
    if series and len(anchors) >= 2:
        period, value = series[-1]
        expected = _on_line(anchors, period.last + 1)
        status = status_of(value, expected, direction, band)
    return IndicatorStatus(indicator.id, node_id, area, indicator, series, expected, status,
                           stale(indicator, series[-1][0] if series else None, as_at), direction, anchors, band)


def _as_at(model: Model) -> Period | None:
    actuals = model.actuals
    if actuals is None:
        return None
    # (the distinct periods are few, however many rows: each series's keys, joined at C speed)
    return latest_period(set().union(*actuals.series.values()))


def latest_period(periods) -> Period | None:
    """The period that ends last; of those ending together, the longest (2025-Q4 rather than 2025-12,
    which a report calls the figures "to")."""
    return max((period for period in periods if period is not None), key=lambda period: (period.last, -period.first),
               default=None)


def progress(model: Model, area: str = "", *, as_at: Period | None = None) -> Progress:
    """Every indicator's, node's and link's status for ``area`` ("" for figures with no area)."""
    plan = plan_of(model)
    as_at = as_at if as_at is not None else _as_at(model)
    series = model.actuals.series if model.actuals is not None else {}
    indicators: list[IndicatorStatus] = []
    by_node: dict[str, list[IndicatorStatus]] = {}
    for node_id, node in model.nodes.items():
        for indicator in node.indicators:
            if not indicator.id:
                continue
            status = _indicator_status(indicator, node_id, area, series.get((indicator.id, area)), plan, as_at)
            indicators.append(status)
            by_node.setdefault(node_id, []).append(status)
    nodes = {node_id: _worst(status.status for status in by_node.get(node_id, ())) for node_id in model.nodes}
    links = [_link_status(link, by_node) for link in model.links()]
    return Progress(area, plan, as_at, indicators, nodes, links)


def _worst(statuses) -> str:
    worst = GREY
    for status in statuses:
        if _WORSE[status] > _WORSE[worst]:
            worst = status
    return worst


def _latest_month(statuses: list[IndicatorStatus]) -> int | None:
    months = [status.series[-1][0].last for status in statuses if status.series]
    return max(months) if months else None


def _link_status(link: Link, by_node: dict[str, list[IndicatorStatus]]) -> LinkStatus:
    sources, targets = by_node.get(link.source, []), by_node.get(link.target, [])
    source_month, target_month = _latest_month(sources), _latest_month(targets)
    if link.feedback or source_month is None or target_month is None:
        return LinkStatus(link, None, None)
    month = min(source_month, target_month)
    source = _worst(status.status_as_at(month) for status in sources)
    target = _worst(status.status_as_at(month) for status in targets)
    # The period compared at: the latest of either end's periods that ends by then.
    as_at = latest_period(_last_by(status, month) for status in sources + targets if status.series)
    flag = "suspect" if source == GREEN and target == RED else None
    return LinkStatus(link, flag, as_at, source, target)


def _last_by(status: IndicatorStatus, month: int) -> Period | None:
    for period, _ in reversed(status.series):
        if period.last <= month:
            return period
    return None


def is_outcome(model: Model, node_id: str) -> bool:
    node = model.nodes.get(node_id)
    return node is not None and node.type in (NodeType.OUTCOME, NodeType.IMPACT)


def area_summaries(model: Model) -> list[AreaSummary]:
    """Each named area's counts, side by side (areas sorted; figures with no area left out)."""
    as_at = _as_at(model)
    summaries = []
    for area in (model.actuals.areas if model.actuals else []):
        if not area:
            continue
        result = progress(model, area, as_at=as_at)
        counts = {status: 0 for status in STATUSES}
        for indicator in result.indicators:
            counts[indicator.status] += 1
        outcomes = [status for node_id, status in result.nodes.items() if is_outcome(model, node_id)]
        summaries.append(AreaSummary(area, counts, sum(1 for status in outcomes if status == RED),
                                     sum(1 for status in outcomes if status != GREY), len(result.suspect_links),
                                     {indicator.id: (*indicator.latest, indicator.status)
                                      for indicator in result.indicators if indicator.series}))
    return summaries
