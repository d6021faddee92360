"""TOC003 unknown-field: a field the format does not know.

## What it finds
A key that is not part of the format at that place, usually a typo
(`indicator:` for `indicators:`, `lead_to:` for `leads_to:`) or a field put at
the wrong level. The message suggests the field you probably meant.

## Why it matters
A misspelt field is silently meaningless: the indicators you typed under
`indicator:` would never count, and the outcome would look unmeasured.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    lead_to: [trained]
  trained:
    type: output
    label: Practitioners trained
```

## Use instead
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [trained]
  trained:
    type: output
    label: Practitioners trained
```
"""

from toc.loading.finding_kinds import UNKNOWN_FIELD
from toc.rules.base import Rule

RULE = Rule.documenting(UNKNOWN_FIELD, "a field the format does not know", __doc__)
