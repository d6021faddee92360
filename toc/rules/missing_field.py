"""TOC005 missing-field: a required field is missing.

## What it finds
A required field left out: `toc:` (the format version) or `nodes:` at the top,
`type:` or `label:` on a node, `term:` on an outcome, `to:` on a link written
as a mapping, `id:` on an indicator, `text:` on a shared assumption.

## Why it matters
Without a type a box has no column; without a term an outcome cannot be placed
in the chain from short to long term, so the stage checks cannot judge it.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [confident]
  confident:
    type: outcome
    label: Practitioners confident to support parents
```

## Use instead
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [confident]
  confident:
    type: outcome
    term: short
    label: Practitioners confident to support parents
```
"""

from toc.loading.finding_kinds import MISSING_FIELD
from toc.rules.base import Rule

RULE = Rule.documenting(MISSING_FIELD, "a required field is missing", __doc__)
