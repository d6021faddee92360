"""TOC002 duplicate-key: a key given twice in one mapping.

## What it finds
The same key twice in one mapping: most often a node id defined twice under
`nodes:`, or a field such as `label:` repeated inside one node.

## Why it matters
YAML readers silently keep only one of the two, so half of what was written in
the workshop disappears without a word. toc keeps the first, ignores the second
and reports it, with the place of the first as a related location.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [trained]
  training:
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

from toc.loading.finding_kinds import DUPLICATE_KEY
from toc.rules.base import Rule

RULE = Rule.documenting(DUPLICATE_KEY, "a key given twice in one mapping", __doc__)
