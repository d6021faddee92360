"""TOC806 stale-data: an indicator has no value for a period its frequency says should be in.

## What it finds
An indicator whose latest value in the actuals is older than its `frequency:`
allows, counting back from the latest period anywhere in the actuals: a quarterly
indicator last given for 2025-Q1 when other indicators are given for 2025-Q3.
Frequencies in words with no regular interval (`pre and post`, `one-off`) are
never stale. The finding points at the indicator's latest row.

## Why it matters
A report as at 2025-Q3 would show the indicator's 2025-Q1 status as if it were
current. A missing return is also the first sign that a data flow from a partner
has stopped, which is worth chasing before the next board.

## Example
```yaml
toc: 1
monitoring:
  start: 2025-Q1
  end: 2025-Q4
  actuals: [actuals.csv]
nodes:
  sessions:
    type: output
    label: Parents attend sessions
    indicators:
      - {id: sessions-held, frequency: quarterly, baseline: 0, target: 40}
      - {id: parents-attending, frequency: quarterly, baseline: 0, target: 120}
```
```csv
indicator,period,value
sessions-held,2025-Q1,9
parents-attending,2025-Q1,25
parents-attending,2025-Q2,52
parents-attending,2025-Q3,80
```

## Use instead
```yaml
toc: 1
monitoring:
  start: 2025-Q1
  end: 2025-Q4
  actuals: [actuals.csv]
nodes:
  sessions:
    type: output
    label: Parents attend sessions
    indicators:
      - {id: sessions-held, frequency: quarterly, baseline: 0, target: 40}
      - {id: parents-attending, frequency: quarterly, baseline: 0, target: 120}
```
```csv
indicator,period,value
sessions-held,2025-Q1,9
sessions-held,2025-Q2,19
sessions-held,2025-Q3,30
parents-attending,2025-Q1,25
parents-attending,2025-Q2,52
parents-attending,2025-Q3,80
```
"""

from __future__ import annotations

from collections.abc import Iterator

from toc.findings import Finding, Severity
from toc.monitoring.status import latest_period, stale
from toc.periods import frequency_months
from toc.rules.base import Rule


def check(context) -> Iterator[Finding]:
    actuals = context.model.actuals
    if actuals is None or not actuals.series:
        return
    latest = {key: max(points) for key, points in actuals.series.items() if points}
    if not latest:
        return
    as_at = latest_period(latest.values())
    indicators = {indicator.id: (indicator, node.id) for node in context.model.nodes.values()
                  for indicator in node.indicators if frequency_months(indicator.frequency)}
    for (indicator_id, area), period in latest.items():
        if indicator_id not in indicators:
            continue
        indicator, node_id = indicators[indicator_id]
        if stale(indicator, period, as_at):
            point = actuals.series[(indicator_id, area)][period]
            where = f" in {area}" if area else ""
            yield RULE.finding(
                f"{indicator_id}{where} has no value since {period.text}, though it is collected "
                f"{indicator.frequency} and the actuals run to {as_at.text}",
                point.source.location(point.row, "period"), node=node_id,
                hint="add the missing periods' rows, or correct  if it has changed")


RULE = Rule("TOC806", "stale-data", Severity.WARNING,
            "an indicator has no value for a period its frequency says should be in", __doc__, check)
