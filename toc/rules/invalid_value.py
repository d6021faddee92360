"""TOC004 invalid-value: a value of the wrong type or outside its allowed set.

## What it finds
A value the format cannot use: `type: outcom`, `evidence: good`, a list where
text is expected, text where a list is expected, an id with a space in it, an
unknown rule code in `check:`, or a YAML tag such as `!!python/object`.

## Why it matters
A wrong value changes the meaning of the model (an outcome read as nothing at
all) or is a sign the file was produced by something else. toc never executes
tags; it reports them.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activty
    label: Multi-agency training
    leads_to: [trained]
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

from toc.loading.finding_kinds import INVALID_VALUE
from toc.rules.base import Rule

RULE = Rule.documenting(INVALID_VALUE, "wrong type or a value outside its set", __doc__)
