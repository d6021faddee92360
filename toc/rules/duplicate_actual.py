"""TOC803 duplicate-actual: the same indicator, period and area twice in one actuals file.

## What it finds
Two rows of one file with the same `indicator`, `period` and `area`. The later
row is used; the finding points at it and at the first. (A row in a later file,
such as one given with `toc monitor --actuals`, replaces an earlier file's row
without a finding: that is how a correction is given.)

## Why it matters
Two figures for one period usually mean a pasted block overlapped an old one, or a
correction was added below the old value instead of replacing it. Which one is
right is for the data owner to say.

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
sessions-held,2025-Q1,9
sessions-held,2025-Q1,11
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
sessions-held,2025-Q1,11
```
"""

from toc.loading.finding_kinds import DUPLICATE_ACTUAL
from toc.rules.base import Rule

RULE = Rule.documenting(DUPLICATE_ACTUAL, "the same indicator, period and area twice in one actuals file", __doc__)
