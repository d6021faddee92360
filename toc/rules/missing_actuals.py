"""TOC807 missing-actuals: an actuals file the model names is not there.

## What it finds
A file listed under `monitoring: actuals:` that does not exist, relative to the
model's folder. (An actuals file given with `toc monitor --actuals` that does not
exist stops the command instead.)

## Why it matters
Every indicator whose figures are in that file shows as having no data. The model
itself is fine, which is why this is a warning: a model is often shared without
its data, or the first figures are not in yet.

## Example
```yaml
toc: 1
monitoring:
  start: 2025-Q1
  end: 2025-Q4
  actuals: [actuals-2025.csv]
nodes:
  sessions:
    type: output
    label: Parents attend sessions
    indicators:
      - {id: sessions-held, baseline: 0, target: 40}
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
      - {id: sessions-held, baseline: 0, target: 40}
```
```csv
indicator,period,value
sessions-held,2025-Q1,9
```
"""

from toc.loading.finding_kinds import MISSING_ACTUALS
from toc.rules.base import Rule

RULE = Rule.documenting(MISSING_ACTUALS, "an actuals file the model names is not there", __doc__)
