"""Reading the monitoring parts of a model: the `monitoring:` section and the indicator fields
`trajectory:`, `direction:` and `accumulate:`.

Kept out of build.py, as the pathway fields are: the builder calls these functions
and passes itself, so every value is read and located exactly as elsewhere. The
actuals files the section names are read afterwards (toc.loading.actuals), as
catalogue files are.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import yaml

from toc import fields as field_tables
from toc.loading.finding_kinds import INVALID_VALUE, MISSING_FIELD
from toc.loading.wording import FLOAT, INT, STR
from toc.loading.wording import describe as _describe
from toc.loading.wording import is_null as _is_null
from toc.model import Indicator, Monitoring
from toc.periods import FORMS, parse_period, why_not_a_period

if TYPE_CHECKING:
    from toc.loading.build import ModelBuilder

INDICATOR_FIELDS = ("trajectory", "direction", "accumulate")
DATA_SUFFIXES = (".csv", ".xlsx")


def read_monitoring(builder: ModelBuilder, value: yaml.Node) -> Monitoring | None:
    """The `monitoring:` section; None when it is empty (as if not written)."""
    if _is_null(value):
        return None
    monitoring = Monitoring(location=builder._loc(value))
    fields = builder._section(value, "monitoring", "a mapping with start, end, actuals and tolerance",
                              field_tables.MONITORING, "monitoring", None, monitoring.value_locations)
    if fields is None:
        return monitoring
    for name, field_value in fields.items():
        if name in ("start", "end"):
            setattr(monitoring, name, read_period(builder, field_value, name))
        elif name == "actuals":
            monitoring.actuals = tuple(reference for reference in builder._paths(field_value, name)
                                       if _data_path(builder, reference))
        elif not _is_null(field_value):  # tolerance
            monitoring.tolerance = read_number(builder, field_value, name, None, low=0.0, high=1.0)
    for required in ("start", "end"):
        if required not in fields or _is_null(fields[required]):
            builder._report(MISSING_FIELD, f"monitoring has no `{required}:`", monitoring.location,
                            hint=f"add `{required}:` with {FORMS}")
    if monitoring.start and monitoring.end and parse_period(monitoring.end) < parse_period(monitoring.start):
        builder._report(INVALID_VALUE, f"monitoring ends ({monitoring.end}) before it starts ({monitoring.start})",
                        monitoring.value_locations["end"], hint="`end:` is when the targets are due")
    return monitoring


def read_period(builder: ModelBuilder, value: yaml.Node, name: str, node_id: str | None = None) -> str | None:
    """A period's text, or None with a finding: a year is written as a number or text, the other
    forms as text (YAML reads 2025-04 and 2025/26 as text)."""
    if isinstance(value, yaml.ScalarNode) and value.tag in (INT, STR):
        if parse_period(value.value) is not None:
            return value.value.strip()
        builder._report(INVALID_VALUE, f"`{name}`: {why_not_a_period(value.value)}", builder._loc(value),
                        node=node_id)
        return None
    if builder._tag_allowed(value, node_id):
        builder._report(INVALID_VALUE, f"`{name}` should be a period ({FORMS}), not {_describe(value)}",
                        builder._loc(value), node=node_id)
    return None


def _data_path(builder: ModelBuilder, reference) -> bool:
    if reference.id.lower().endswith(DATA_SUFFIXES):
        return True
    builder._report(INVALID_VALUE, f'actuals file "{reference.id}" is not a .csv or .xlsx file',
                    reference.location, hint="save the actuals as CSV (UTF-8) or XLSX; see docs/monitoring.md")
    return False


def read_number(builder: ModelBuilder, value: yaml.Node, name: str, node_id: str | None,
            low: float | None = None, high: float | None = None) -> float | int | None:
    """A finite number (within low..high when given), or None with a finding."""
    if not (isinstance(value, yaml.ScalarNode) and value.tag in (INT, FLOAT)):
        if builder._tag_allowed(value, node_id):
            builder._report(INVALID_VALUE, f"`{name}` should be a number, not {_describe(value)}",
                            builder._loc(value), node=node_id)
        return None
    number = builder._scalar(value, name, node_id)
    if number is None:
        return None  # (a number too large to use: reported)
    if not math.isfinite(number):
        builder._report(INVALID_VALUE, f"`{name}` should be a number, not {value.value}", builder._loc(value),
                        node=node_id)
        return None
    if (low is not None and number < low) or (high is not None and number > high):
        builder._report(INVALID_VALUE, f"`{name}` should be a number from {low:g} to {high:g}, not {value.value}",
                        builder._loc(value), node=node_id, hint="0.1 makes the amber band a tenth of the way "
                        "from baseline to target")
        return None
    return number


def read_indicator_field(builder: ModelBuilder, indicator: Indicator, name: str, value: yaml.Node,
                         node_id: str) -> None:
    if name == "direction":
        indicator.direction = builder._choice(value, name, field_tables.DIRECTIONS, str, node_id)
    elif name == "accumulate":
        indicator.accumulate = builder._choice(value, name, field_tables.ACCUMULATE, str, node_id)
    else:
        indicator.trajectory = _trajectory(builder, value, node_id)


def _trajectory(builder: ModelBuilder, value: yaml.Node, node_id: str) -> dict[str, int | float]:
    """Milestones: period text to the value expected then, in the file's order."""
    if _is_null(value):
        return {}
    pairs = builder._mapping(value, "trajectory", "a mapping of period to value (e.g. `2025-Q2: 40`)", node_id)
    milestones = {}
    for period_text, key, item in pairs or ():
        if parse_period(period_text) is None:
            builder._report(INVALID_VALUE, f"trajectory: {why_not_a_period(period_text)}", builder._loc(key),
                            node=node_id)
            continue
        number = read_number(builder, item, f"trajectory {period_text}", node_id)
        if number is not None:
            milestones[period_text.strip()] = number
    return milestones
