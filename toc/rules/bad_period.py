"""TOC804 bad-period: a period in an actuals file is in no known form, or outside the plan.

## What it finds
A `period` cell that is not a year (`2025`), a financial year (`2025/26`), a
quarter (`2025-Q1`, January to March) or a month (`2025-04`); or a period that
starts before the plan's `start:` or ends after its `end:` (under
`monitoring:`).

## Why it matters
toc cannot place the figure in time, so it cannot compare it with what was expected
then. Figures from outside the plan have no expectation at all.

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
      - {id: sessions-held, baseline: 0, target: 40, frequency: quarterly}
```
```csv
indicator,period,value
sessions-held,Q1 2025,9
sessions-held,2026-Q1,30
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
      - {id: sessions-held, baseline: 0, target: 40, frequency: quarterly}
```
```csv
indicator,period,value
sessions-held,2025-Q1,9
```
"""

from toc.loading.finding_kinds import BAD_PERIOD
from toc.rules.base import Rule

RULE = Rule.documenting(BAD_PERIOD, "a period in an actuals file is in no known form, or outside the plan", __doc__)
