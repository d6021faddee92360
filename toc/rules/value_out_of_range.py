"""TOC805 value-out-of-range: an actuals value outside the scores its measure can give.

## What it finds
A value in an actuals file below the `min_score` or above the `max_score` of the
indicator's measure in the catalogue (its `instrument:`, or the measure its
`measure:` text names): an SDQ total of 42 (the SDQ total runs from 0 to 40), a
WEMWBS score of 12 (14 to 70).

## Why it matters
No respondent can score outside the scale, so the figure is a typing or scoring
error, or the wrong column (a percentage pasted as a score). Counted as it is, it
would move the average and could turn the indicator green or red on its own.

## Example
```yaml
toc: 1
monitoring:
  start: 2025-Q1
  end: 2025-Q4
  actuals: [actuals.csv]
nodes:
  children:
    type: outcome
    term: long
    label: Children's wellbeing improves
    indicators:
      - {id: sdq-total, instrument: sdq, baseline: 18, target: 14}
```
```csv
indicator,period,value
sdq-total,2025-Q1,42
```

## Use instead
```yaml
toc: 1
monitoring:
  start: 2025-Q1
  end: 2025-Q4
  actuals: [actuals.csv]
nodes:
  children:
    type: outcome
    term: long
    label: Children's wellbeing improves
    indicators:
      - {id: sdq-total, instrument: sdq, baseline: 18, target: 14}
```
```csv
indicator,period,value
sdq-total,2025-Q1,17.2
```
"""

from __future__ import annotations

from collections.abc import Iterator

from toc.findings import Finding, Severity
from toc.rules.base import Rule


def check(context) -> Iterator[Finding]:
    actuals = context.model.actuals
    if actuals is None or not actuals.series:
        return
    catalogue = context.catalogue
    scored = {}
    for node in context.model.nodes.values():
        for indicator in node.indicators:
            measure_id, _ = catalogue.indicator_instrument(indicator)
            measure = catalogue.measures.get(measure_id) if measure_id else None
            if measure is not None and (measure.min_score is not None or measure.max_score is not None):
                scored[indicator.id] = (measure, node.id)
    if not scored:
        return
    for (indicator_id, _area), points in actuals.series.items():
        if indicator_id not in scored:
            continue
        measure, node_id = scored[indicator_id]
        low = float("-inf") if measure.min_score is None else measure.min_score
        high = float("inf") if measure.max_score is None else measure.max_score
        for period, point in points.items():
            if not low <= point.value <= high:
                scale = f"{measure.min_score:g} to {measure.max_score:g}" if None not in (
                    measure.min_score, measure.max_score) else (f"at least {measure.min_score:g}"
                                                                if measure.max_score is None
                                                                else f"at most {measure.max_score:g}")
                yield RULE.finding(
                    f"{indicator_id} for {period.text} is {point.value:g}, outside {measure.name or measure.id}'s "
                    f"scores ({scale})", point.source.location(point.row, "value"), node=node_id,
                    hint="check the scoring and the column; a percentage or a sum of two scales does not fit")


RULE = Rule("TOC805", "value-out-of-range", Severity.ERROR, "an actuals value outside the scores its measure can give",
            __doc__, check)
