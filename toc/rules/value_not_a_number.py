"""TOC802 value-not-a-number: a value in an actuals file is not a plain number.

## What it finds
A `value` cell that is empty, text (`n/a`, `tbc`), a formula (`=B2/C2`), a
number written with a percent sign or thousands separators (`45%`, `1,234`), or
not finite (`nan`, `inf`).

## Why it matters
toc will not guess what `45%` or `1,234` mean (is `1,5` one and a half?), and a
formula's result is not in the file. The row is left out, so the indicator may
look stale or have no data.

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
sessions-held,2025-Q1,tbc
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
indicator,period,value,note
sessions-held,2025-Q1,9,provisional
```
"""

from toc.loading.finding_kinds import NOT_A_NUMBER
from toc.rules.base import Rule

RULE = Rule.documenting(NOT_A_NUMBER, "a value in an actuals file is not a plain number", __doc__)
