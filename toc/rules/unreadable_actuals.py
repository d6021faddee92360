"""TOC800 unreadable-actuals: an actuals file cannot be read as a table of figures.

## What it finds
An actuals file named under `monitoring:` (or given with `toc monitor --actuals`)
that is outside the model's folder, not a regular file, not UTF-8 text (a CSV saved by Excel
in its own encoding), binary, a damaged XLSX workbook, or whose header row lacks
one of the columns `indicator`, `period` and `value`. Also the note that a
file has more problems than are listed (the first 200 are).

## Why it matters
Nothing in the file can be used, so every indicator it holds would show as having
no data: the report would look worse than the truth, or say nothing at all.

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
indicator,period,amount
sessions-held,2025-Q1,9
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

from toc.loading.finding_kinds import ACTUALS_FILE
from toc.rules.base import Rule

RULE = Rule.documenting(ACTUALS_FILE, "an actuals file cannot be read as a table of figures", __doc__)
