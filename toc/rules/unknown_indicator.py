"""TOC801 unknown-indicator: a row of an actuals file names no indicator of the model.

## What it finds
A row whose `indicator` cell is empty or is not the `id:` of any indicator in the
model, located at that cell (`actuals.csv:ROW:COLUMN`). The hint suggests the id
you probably meant.

## Why it matters
The figure is lost: it counts towards nothing, and the indicator it was meant for
shows as having no data (grey) or as stale.

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
session-held,2025-Q1,9
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

from toc.loading.finding_kinds import UNKNOWN_INDICATOR
from toc.rules.base import Rule

RULE = Rule.documenting(UNKNOWN_INDICATOR, "a row of an actuals file names no indicator of the model", __doc__)
